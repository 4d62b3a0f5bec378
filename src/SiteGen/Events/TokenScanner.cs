using SiteGen.Normalize;

namespace SiteGen.Events;

/// <summary>
/// Walks the tokens of a text (<see cref="Tokenizer"/>'s rules) without making their keys, so that
/// counting tokens or features needs no list and no string per token.
/// </summary>
internal ref struct TokenScanner(string text)
{
    private readonly string _text = text;
    private int _i;
    private int _lastEnd = -1;
    private TokenKind? _lastKind;

    public TokenKind Kind { get; private set; }

    public int Start { get; private set; }

    public int Length { get; private set; }

    /// <summary>Tokens of one run follow each other with nothing between them (Han) or only spaces (words).</summary>
    public int Run { get; private set; }

    /// <summary>Moves to the next token; false at the end of the text.</summary>
    public bool Next()
    {
        var text = _text;
        var i = _i;
        while (i < text.Length)
        {
            var c = text[i];
            if (Cjk.IsHan(c))
            {
                if (!(_lastKind == TokenKind.Han && _lastEnd == i))
                {
                    Run++;
                }

                Set(TokenKind.Han, i, i + 1);
                return true;
            }

            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < text.Length && !Cjk.IsHan(text[i])
                    && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && i > start)))
                {
                    i++;
                }

                var gapIsSpace = _lastKind == TokenKind.Word && _lastEnd >= 0 && text.AsSpan(_lastEnd, start - _lastEnd).Trim(' ').IsEmpty && start - _lastEnd <= 2;
                if (!gapIsSpace)
                {
                    Run++;
                }

                Set(TokenKind.Word, start, i);
                return true;
            }

            i++;
        }

        _i = i;
        return false;
    }

    private void Set(TokenKind kind, int start, int end)
    {
        Kind = kind;
        Start = start;
        Length = end - start;
        _lastKind = kind;
        _lastEnd = end;
        _i = end;
    }
}
