using System.Globalization;
using System.Text;

namespace SiteGen.Search;

/// <summary>What a token stands for.</summary>
public enum TokenKind
{
    /// <summary>A word of letters and digits (English and other alphabetic text), stemmed, stop words dropped.</summary>
    Word,

    /// <summary>Two consecutive Chinese (or kana) characters: a two-character query, the pieces of a longer one, and the unit of document length.</summary>
    Bigram,

    /// <summary>One Chinese (or kana) character; stored without positions, for one-character queries.</summary>
    Unigram,
}

/// <summary>One indexed term at a position, with the span of the original text it came from.</summary>
public readonly record struct SearchToken(string Term, TokenKind Kind, int Position, int Start, int End);

/// <summary>
/// A piece of folded text: a word, or a run of Chinese characters (split into bigrams by the index and
/// matched as a phrase by a query). <see cref="Starts"/>/<see cref="Ends"/> give each character's span
/// in the original text (for runs), or the word's span.
/// </summary>
public sealed record TextSegment(bool IsCjk, string Text, int[] Starts, int[] Ends)
{
    /// <summary>The code points of a CJK run.</summary>
    public int[] CodePoints => Text.EnumerateRunes().Select(r => r.Value).ToArray();
}

/// <summary>
/// Splits text for search. Both the index writer and queries use it, and <c>search.js</c> repeats it
/// in the browser; <c>docs/search.md</c> gives the rules:
/// <list type="bullet">
/// <item>Text is folded code point by code point (<see cref="TextFolding"/>).</item>
/// <item>A run of Han characters (and kana) becomes overlapping bigrams at consecutive positions, plus
/// each character as a unigram (a longer query is matched as all its bigrams, without positions);
/// nothing spans two runs.</item>
/// <item>Letters, digits and spacing marks form words; an apostrophe inside a word is dropped (Putin's →
/// putins); everything else separates. A word of a–z letters is stemmed (Porter2); stop words and words
/// over <see cref="MaxWordLength"/> characters are not indexed.</item>
/// </list>
/// </summary>
public static class SearchTokenizer
{
    public const int MaxWordLength = 40;

    /// <summary>A Han character (any CJK Unified Ideographs block, compatibility ideographs, 〆〇々) or kana.</summary>
    public static bool IsCjk(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x323AF) or (>= 0x3040 and <= 0x30FF) or (>= 0x3005 and <= 0x3007);

    /// <summary>A character that belongs to a word: a letter, a number or a spacing mark.</summary>
    public static bool IsWordChar(int cp) => Rune.IsValid(cp) && Rune.GetUnicodeCategory(new Rune(cp)) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };

    private static bool IsApostrophe(int cp) => cp is '\'' or '\u2019';

    /// <summary>Splits text into folded words and CJK runs, in order.</summary>
    public static IEnumerable<TextSegment> Segments(string text)
    {
        var buffer = new StringBuilder();
        var starts = new List<int>();
        var ends = new List<int>();
        var cjk = false;
        var apostrophe = false;
        var index = 0;

        TextSegment? Flush()
        {
            apostrophe = false;
            if (buffer.Length == 0)
            {
                return null;
            }

            var segment = cjk
                ? new TextSegment(true, buffer.ToString(), [.. starts], [.. ends])
                : new TextSegment(false, buffer.ToString(), [starts[0]], [ends[^1]]);
            buffer.Clear();
            starts.Clear();
            ends.Clear();
            return segment;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            var start = index;
            index += rune.Utf16SequenceLength;
            foreach (var folded in TextFolding.Fold(rune.Value).EnumerateRunes())
            {
                var cp = folded.Value;
                if (IsCjk(cp))
                {
                    if (!cjk && Flush() is { } word)
                    {
                        yield return word;
                    }

                    cjk = true;
                    AppendRune(buffer, folded);
                    starts.Add(start);
                    ends.Add(index);
                }
                else if (IsWordChar(cp))
                {
                    if (cjk && Flush() is { } run)
                    {
                        yield return run;
                    }

                    cjk = false;
                    apostrophe = false;
                    AppendRune(buffer, folded);
                    starts.Add(start);
                    ends.Add(index);
                }
                else if (IsApostrophe(cp) && !cjk && buffer.Length > 0 && !apostrophe)
                {
                    apostrophe = true; // joins the word if a letter follows
                }
                else if (Flush() is { } segment)
                {
                    yield return segment;
                }
            }
        }

        if (Flush() is { } last)
        {
            yield return last;
        }
    }

    private static void AppendRune(StringBuilder sb, Rune rune)
    {
        if (rune.IsBmp)
        {
            sb.Append((char)rune.Value);
        }
        else
        {
            Span<char> pair = stackalloc char[2];
            sb.Append(pair[..rune.EncodeToUtf16(pair)]);
        }
    }

    /// <summary>The term a folded word is indexed under, or null for a stop word or an over-long word.</summary>
    public static string? WordTerm(string foldedWord)
    {
        if (foldedWord.Length > MaxWordLength || StopWords.Contains(foldedWord))
        {
            return null;
        }

        return Porter2Stemmer.Stem(foldedWord);
    }

    /// <summary>
    /// The tokens of one field, positions counted from <paramref name="position"/>; returns the next free
    /// position (with a gap, so a phrase cannot run from this field into the next).
    /// </summary>
    public static int Tokenize(string text, int position, List<SearchToken> tokens)
    {
        foreach (var segment in Segments(text))
        {
            if (!segment.IsCjk)
            {
                if (WordTerm(segment.Text) is { } term)
                {
                    tokens.Add(new SearchToken(term, TokenKind.Word, position++, segment.Starts[0], segment.Ends[0]));
                }

                continue;
            }

            // Offsets of each character in the folded run (a character outside the BMP takes two).
            var run = segment.Text;
            var count = segment.Starts.Length;
            var at = new int[count + 1];
            for (int i = 0, k = 0; i <= count; i++)
            {
                at[i] = k;
                if (k < run.Length)
                {
                    k += char.IsHighSurrogate(run[k]) ? 2 : 1;
                }
            }

            for (var i = 0; i < count; i++)
            {
                var pos = position + Math.Max(0, Math.Min(i, count - 2));
                tokens.Add(new SearchToken(run[at[i]..at[i + 1]], TokenKind.Unigram, pos, segment.Starts[i], segment.Ends[i]));
                if (i + 1 < count)
                {
                    tokens.Add(new SearchToken(run[at[i]..at[i + 2]], TokenKind.Bigram, position + i, segment.Starts[i], segment.Ends[i + 1]));
                }
            }

            position += Math.Max(1, count - 1) + 1;
        }

        return position + 1;
    }

    /// <summary>The tokens of a text, from position 0.</summary>
    public static List<SearchToken> Tokenize(string text)
    {
        var tokens = new List<SearchToken>();
        Tokenize(text, 0, tokens);
        return tokens;
    }
}
