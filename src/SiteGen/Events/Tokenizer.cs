using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace SiteGen.Events;

/// <summary>What a token is: one Han character, or one word of a letter script (lowercased).</summary>
public enum TokenKind
{
    Han,
    Word,
}

/// <summary>
/// A token of text: its kind, where it is (<see cref="Start"/>, <see cref="Length"/> in the text), its
/// key (the Han character, or the word lowercased) and its run: tokens of one run follow each other
/// with nothing between them (Han) or only spaces (words), so n-grams never cross punctuation.
/// </summary>
public readonly record struct Token(TokenKind Kind, int Start, int Length, string Key, int Run)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits text into Han characters and words, and gives the features TF-IDF works on: Han character
/// bigrams inside a run and words that are not stop words (no dictionary is needed for either).
/// </summary>
public static class Tokenizer
{
    /// <summary>English function words, dropped from word features and trimmed from phrase edges.</summary>
    public static FrozenSet<string> StopWords { get; } = FrozenSet.ToFrozenSet(
    [
        "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it",
        "its", "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once",
        "only", "or", "other", "our", "ours", "out", "over", "own", "said", "same", "says", "she", "should", "so",
        "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "s", "t",
        "mr", "ms", "one", "two", "new", "year", "years", "told", "like", "may", "many", "much", "people",
    ], StringComparer.Ordinal);

    // The key of a Han token is its character as a string: one shared string per character, made on
    // first use, instead of one per token (a benign race may make two equal strings, never a wrong one).
    private static readonly string?[] OneChar = new string?[char.MaxValue + 1];

    /// <summary>Tokens of the text, in order.</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 2);
        var scanner = new TokenScanner(text);
        while (scanner.Next())
        {
            var key = scanner.Kind == TokenKind.Han
                ? OneChar[text[scanner.Start]] ??= text[scanner.Start].ToString()
                : text.Substring(scanner.Start, scanner.Length).ToLowerInvariant();
            tokens.Add(new Token(scanner.Kind, scanner.Start, scanner.Length, key, scanner.Run));
        }

        return tokens;
    }

    /// <summary>How many tokens the text has (<c>Tokenize(text).Count</c>, without making them).</summary>
    internal static int Count(string text)
    {
        var count = 0;
        var scanner = new TokenScanner(text);
        while (scanner.Next())
        {
            count++;
        }

        return count;
    }

    /// <summary>Whether a word is worth a feature: not a stop word, not a bare number, two letters or more.</summary>
    public static bool IsContentWord(string word) =>
        word.Length >= 2 && !StopWords.Contains(word) && !AllDigits(word);

    /// <summary><see cref="IsContentWord(string)"/> of a lowercased word's characters, with <see cref="StopWords"/> looked up by them.</summary>
    private static bool IsContentWord(ReadOnlySpan<char> word, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> stop) =>
        word.Length >= 2 && !stop.Contains(word) && !AllDigits(word);

    private static bool AllDigits(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Feature counts of a text: Han character bigrams (within a run) and content words. Keys are the
    /// bigram itself or the lowercased word, which never collide.
    /// </summary>
    public static Dictionary<string, int> Features(string text)
    {
        // As Features(Tokenize(text)), in the same order, without the token list or a string per
        // feature seen before (see WalkFeatures).
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        WalkFeatures(text, new CountingSink(counts.GetAlternateLookup<ReadOnlySpan<char>>()));
        return counts;
    }

    /// <summary>What <see cref="WalkFeatures"/> hands each feature of a text to, as characters valid only during the call.</summary>
    internal interface IFeatureSink
    {
        /// <summary>A Han bigram: two characters of one run, as they stand in the text.</summary>
        void Bigram(ReadOnlySpan<char> pair);

        /// <summary>A content word (<see cref="IsContentWord(string)"/>), lowercased.</summary>
        void Word(ReadOnlySpan<char> word);
    }

    /// <summary>
    /// Every feature of <see cref="Features(string)"/>, in text order, each time it occurs: a bigram is
    /// its two characters in the text, a word is lowercased into a buffer; no token list, no strings.
    /// A struct sink is specialized, so the calls cost nothing.
    /// </summary>
    internal static void WalkFeatures<TSink>(string text, TSink sink)
        where TSink : struct, IFeatureSink
    {
        var stop = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        var scanner = new TokenScanner(text);
        var lastHanRun = -1;
        while (scanner.Next())
        {
            if (scanner.Kind == TokenKind.Han)
            {
                // A Han token of the same run as the Han token before it is the character after it.
                if (lastHanRun == scanner.Run)
                {
                    sink.Bigram(text.AsSpan(scanner.Start - 1, 2));
                }

                lastHanRun = scanner.Run;
                continue;
            }

            lastHanRun = -1;
            var word = scanner.Length <= buffer.Length ? buffer[..scanner.Length] : new char[scanner.Length];
            text.AsSpan(scanner.Start, scanner.Length).ToLowerInvariant(word);
            if (IsContentWord(word, stop))
            {
                sink.Word(word);
            }
        }
    }

    /// <summary>Counts features by their characters, a string made only for one not seen before.</summary>
    private readonly struct CountingSink(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> counts) : IFeatureSink
    {
        public void Bigram(ReadOnlySpan<char> pair) => CollectionsMarshal.GetValueRefOrAddDefault(counts, pair, out _)++;

        public void Word(ReadOnlySpan<char> word) => CollectionsMarshal.GetValueRefOrAddDefault(counts, word, out _)++;
    }

    public static Dictionary<string, int> Features(List<Token> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);

        // Bigrams are looked up by their two characters; a string is made only for a new one.
        var pairs = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> pair = stackalloc char[2];
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Han)
            {
                if (i + 1 < tokens.Count && tokens[i + 1].Run == t.Run)
                {
                    var next = tokens[i + 1].Key;
                    if (t.Key.Length == 1 && next.Length == 1)
                    {
                        pair[0] = t.Key[0];
                        pair[1] = next[0];
                        CollectionsMarshal.GetValueRefOrAddDefault(pairs, pair, out _)++;
                    }
                    else
                    {
                        var key = string.Concat(t.Key, next);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
            }
            else if (IsContentWord(t.Key))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, t.Key, out _)++;
            }
        }

        return counts;
    }
}
