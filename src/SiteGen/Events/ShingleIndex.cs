using System.Runtime.InteropServices;

namespace SiteGen.Events;

/// <summary>
/// Numbers the shingles of an event's sentences (<see cref="NearMatcher.Shingles"/>) without making
/// their strings: a shingle is the pair of its tokens' numbers (a Han character is its code, a word
/// 65,536 plus its number here), which is its identity, since both tokens of a shingle are of one kind.
/// </summary>
internal sealed class ShingleNumbers
{
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _ids = [];
    private readonly List<int> _scratch = [];

    public int Count => _ids.Count;

    /// <summary>The numbers of the sentence's shingles, each once, ascending.</summary>
    public int[] Of(string sentence)
    {
        // Tokens as Tokenizer.Tokenize gives them, without their strings: a word is lowercased into a
        // buffer and looked up by its characters (a string only for a new word).
        var words = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        _scratch.Clear();
        var scanner = new TokenScanner(sentence);
        var lastRun = -1;
        var last = 0;
        while (scanner.Next())
        {
            int token;
            if (scanner.Kind == TokenKind.Han)
            {
                token = sentence[scanner.Start];
            }
            else
            {
                var word = scanner.Length <= buffer.Length ? buffer[..scanner.Length] : new char[scanner.Length];
                sentence.AsSpan(scanner.Start, scanner.Length).ToLowerInvariant(word);
                ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(words, word, out var known);
                if (!known)
                {
                    number = GramTable.FirstWord + _words.Count - 1;
                }

                token = number;
            }

            if (scanner.Run == lastRun)
            {
                var key = ((long)last << 32) | (uint)token;
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, key, out var seen);
                if (!seen)
                {
                    id = _ids.Count - 1;
                }

                _scratch.Add(id);
            }

            lastRun = scanner.Run;
            last = token;
        }

        _scratch.Sort();
        var unique = 0;
        for (var i = 0; i < _scratch.Count; i++)
        {
            if (unique == 0 || _scratch[i] != _scratch[unique - 1])
            {
                _scratch[unique++] = _scratch[i];
            }
        }

        return [.. CollectionsMarshal.AsSpan(_scratch)[..unique]];
    }
}

/// <summary>
/// The best near match of each sentence among the sentences of the other articles, by prefix filtering
/// (the exact set-similarity join): shingles are ranked rarest first (fewest sentences, then number);
/// a sentence B can share the <c>r</c> shingles of A's <c>m</c> that a match needs only if it has one of
/// A's <c>m − r + 1</c> rarest, so only the sentences listed under those are candidates, and each
/// candidate's overlap is then counted exactly. Sentences are numbered in article order, so the lower
/// number wins a tie, as (article, sentence) order does.
/// </summary>
internal sealed class ShingleIndex
{
    private readonly int[][] _sets;
    private readonly int[] _start;
    private readonly int[] _sentences;

    /// <param name="sets">Each sentence's shingle numbers, ascending; replaced by their ranks, ascending.</param>
    /// <param name="shingles">How many shingle numbers there are.</param>
    public ShingleIndex(List<int[]> sets, int shingles)
    {
        var frequency = new int[shingles];
        var most = 0;
        foreach (var set in sets)
        {
            foreach (var id in set)
            {
                most = Math.Max(most, ++frequency[id]);
            }
        }

        // Rank: by frequency, then by number (a counting sort, stable in the numbers).
        var byFrequency = new int[most + 2];
        foreach (var f in frequency)
        {
            byFrequency[f + 1]++;
        }

        for (var f = 1; f < byFrequency.Length; f++)
        {
            byFrequency[f] += byFrequency[f - 1];
        }

        var rank = new int[shingles];
        for (var id = 0; id < shingles; id++)
        {
            rank[id] = byFrequency[frequency[id]]++;
        }

        _sets = new int[sets.Count][];
        _start = new int[shingles + 1];
        for (var s = 0; s < sets.Count; s++)
        {
            var set = sets[s];
            for (var k = 0; k < set.Length; k++)
            {
                set[k] = rank[set[k]];
                _start[set[k] + 1]++;
            }

            Array.Sort(set);
            _sets[s] = set;
        }

        for (var r = 1; r < _start.Length; r++)
        {
            _start[r] += _start[r - 1];
        }

        _sentences = new int[_start[^1]];
        var next = _start[..^1];
        for (var s = 0; s < _sets.Length; s++)
        {
            foreach (var r in _sets[s])
            {
                _sentences[next[r]++] = s;
            }
        }
    }

    /// <summary>
    /// The sentence of another article than <paramref name="article"/> that shares the most shingles
    /// with sentence <paramref name="s"/> (the lowest number of those), and how many, if that is at
    /// least <paramref name="required"/>; else (-1, 0).
    /// </summary>
    /// <param name="s">The sentence.</param>
    /// <param name="articleOf">The article of each sentence.</param>
    /// <param name="article">The article of <paramref name="s"/>.</param>
    /// <param name="required">The least overlap that counts.</param>
    /// <param name="counts">Zeros, one per sentence; left zero.</param>
    /// <param name="candidates">Scratch list.</param>
    public (int Sentence, int Overlap) Best(int s, List<int> articleOf, int article, int required, int[] counts, List<int> candidates)
    {
        var set = _sets[s];
        var prefix = set.Length - required + 1;
        candidates.Clear();
        for (var k = 0; k < prefix; k++)
        {
            var r = set[k];
            for (var p = _start[r]; p < _start[r + 1]; p++)
            {
                var other = _sentences[p];
                if (articleOf[other] != article && counts[other]++ == 0)
                {
                    candidates.Add(other);
                }
            }
        }

        var best = -1;
        var bestOverlap = required - 1;
        var rest = set.AsSpan(prefix);
        foreach (var other in candidates)
        {
            // counts[other]: its shingles among A's prefix; the rest of A (ranks above the prefix) is
            // intersected with the part of B that can hold them.
            var known = counts[other];
            counts[other] = 0;
            if (rest.IsEmpty)
            {
                if (Beats(known, other, best, bestOverlap))
                {
                    (best, bestOverlap) = (other, known);
                }

                continue;
            }

            // The rest of A can only meet B's shingles ranked from A's first remaining one on.
            var b = _sets[other].AsSpan();
            var from = b.BinarySearch(rest[0]);
            b = b[(from < 0 ? ~from : from)..];
            if (!Beats(known + Math.Min(rest.Length, b.Length), other, best, bestOverlap))
            {
                continue;
            }

            var overlap = known + Intersection(rest, b);
            if (Beats(overlap, other, best, bestOverlap))
            {
                (best, bestOverlap) = (other, overlap);
            }
        }

        return best < 0 ? (-1, 0) : (best, bestOverlap);
    }

    /// <summary>Whether an overlap of sentence <paramref name="other"/> wins over the best so far (none yet: <paramref name="best"/> −1 and the bar one below the required overlap).</summary>
    private static bool Beats(int overlap, int other, int best, int bestOverlap) =>
        overlap > bestOverlap || (overlap == bestOverlap && best >= 0 && other < best);

    /// <summary>How many of <paramref name="a"/> (ascending) are in <paramref name="b"/> (ascending).</summary>
    private static int Intersection(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, count = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                count++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return count;
    }
}
