using System.Collections.Frozen;
using SiteGen.Events;
using SiteGen.Normalize;

namespace SiteGen.Tests.Events.Reference;

/// <summary>
/// Test oracle: <see cref="Tokenizer"/> as it was before it was optimized — the straightforward
/// implementation the optimized one must equal. Do not optimize.
/// <para>
/// Splits text into Han characters and words, and gives the features TF-IDF works on: Han character
/// bigrams inside a run and words that are not stop words (no dictionary is needed for either).
/// </para>
/// </summary>
internal static class ReferenceTokenizer
{
    private static FrozenSet<string> StopWords => Tokenizer.StopWords;

    /// <summary>Tokens of the text, in order.</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 2);
        var run = 0;
        var lastEnd = -1;
        TokenKind? lastKind = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (Cjk.IsHan(c))
            {
                if (!(lastKind == TokenKind.Han && lastEnd == i))
                {
                    run++;
                }

                tokens.Add(new Token(TokenKind.Han, i, 1, c.ToString(), run));
                lastKind = TokenKind.Han;
                lastEnd = i + 1;
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < text.Length && !Cjk.IsHan(text[i])
                    && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && i > start)))
                {
                    i++;
                }

                var gapIsSpace = lastKind == TokenKind.Word && lastEnd >= 0 && text.AsSpan(lastEnd, start - lastEnd).Trim(' ').IsEmpty && start - lastEnd <= 2;
                if (!gapIsSpace)
                {
                    run++;
                }

                tokens.Add(new Token(TokenKind.Word, start, i - start, text[start..i].ToLowerInvariant(), run));
                lastKind = TokenKind.Word;
                lastEnd = i;
                continue;
            }

            i++;
        }

        return tokens;
    }

    /// <summary>Whether a word is worth a feature: not a stop word, not a bare number, two letters or more.</summary>
    public static bool IsContentWord(string word) =>
        word.Length >= 2 && !StopWords.Contains(word) && !word.All(char.IsDigit);

    /// <summary>
    /// Feature counts of a text: Han character bigrams (within a run) and content words. Keys are the
    /// bigram itself or the lowercased word, which never collide.
    /// </summary>
    public static Dictionary<string, int> Features(string text) => Features(Tokenize(text));

    public static Dictionary<string, int> Features(List<Token> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Han)
            {
                if (i + 1 < tokens.Count && tokens[i + 1].Run == t.Run)
                {
                    var key = string.Concat(t.Key, tokens[i + 1].Key);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
            else if (IsContentWord(t.Key))
            {
                counts[t.Key] = counts.GetValueOrDefault(t.Key) + 1;
            }
        }

        return counts;
    }
}
