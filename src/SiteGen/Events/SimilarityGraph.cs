namespace SiteGen.Events;

/// <summary>
/// The comparison step of <see cref="EventSuggester"/>: which articles (sorted by publication time)
/// are linked by a cosine at least the threshold within the time window, the connected groups those
/// links make, and the cosines inside each group that average linkage needs.
/// <para>
/// Vectors arrive sorted by their string keys (ordinal); the keys are replaced by their ordinal rank
/// among all keys, so a cosine is a merge of two int arrays in the same order as the string merge,
/// adding the same products in the same order (equal to the bit). Rows of the window are compared on
/// every core and applied in order. Only cosines inside groups of two or more are kept (a second,
/// smaller pass), so memory follows the groups, not every windowed pair of the archive.
/// </para>
/// </summary>
internal sealed class SimilarityGraph
{
    private readonly int[][] _keys;
    private readonly double[][] _weights;
    private readonly long[] _times;
    private readonly long _window;

    public SimilarityGraph((string Key, double Weight)[][] vectors, long[] timeTicks, TimeSpan window)
    {
        var rank = RankKeys(vectors);
        _keys = vectors.Select(v => v.Select(f => rank[f.Key]).ToArray()).ToArray();
        _weights = vectors.Select(v => v.Select(f => f.Weight).ToArray()).ToArray();
        _times = timeTicks;
        _window = window.Ticks;
    }

    public int Count => _keys.Length;

    /// <summary>
    /// Links of cosine ≥ <paramref name="threshold"/> within the window, ordered by (first, second);
    /// <paramref name="progress"/> gets the number of rows compared.
    /// </summary>
    public List<(int A, int B, double Cosine)> Links(double threshold, Action<int>? progress = null)
    {
        var rows = new List<(int, int, double)>[Count];
        var done = 0;
        Parallel.For(0, Count, i =>
        {
            var row = new List<(int, int, double)>();
            for (var j = i + 1; j < Count && _times[j] - _times[i] <= _window; j++)
            {
                var cos = Cosine(i, j);
                if (cos > 0 && cos >= threshold)
                {
                    row.Add((i, j, cos));
                }
            }

            rows[i] = row;
            progress?.Invoke(Interlocked.Increment(ref done));
        });
        return rows.SelectMany(r => r).ToList();
    }

    /// <summary>
    /// Connected groups of at least <paramref name="minSize"/> articles under the links, each sorted,
    /// ordered by their first article.
    /// </summary>
    public List<List<int>> Groups(List<(int A, int B, double Cosine)> links, int minSize)
    {
        var parent = Enumerable.Range(0, Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var (a, b, _) in links)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }

        return Enumerable.Range(0, Count).GroupBy(Find).Where(g => g.Count() >= minSize).OrderBy(g => g.Key).Select(g => g.Order().ToList()).ToList();
    }

    /// <summary>The positive cosines of the pairs of one sorted group that lie within the window.</summary>
    public Dictionary<(int, int), double> Similarities(List<int> group)
    {
        var similarity = new Dictionary<(int, int), double>();
        for (var x = 0; x < group.Count; x++)
        {
            var i = group[x];
            for (var y = x + 1; y < group.Count && _times[group[y]] - _times[i] <= _window; y++)
            {
                var cos = Cosine(i, group[y]);
                if (cos > 0)
                {
                    similarity[(i, group[y])] = cos;
                }
            }
        }

        return similarity;
    }

    private double Cosine(int a, int b)
    {
        var (ka, kb, wa, wb) = (_keys[a], _keys[b], _weights[a], _weights[b]);
        double dot = 0;
        int i = 0, j = 0;
        while (i < ka.Length && j < kb.Length)
        {
            var (x, y) = (ka[i], kb[j]);
            if (x == y)
            {
                dot += wa[i++] * wb[j++];
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot;
    }

    private static Dictionary<string, int> RankKeys((string Key, double Weight)[][] vectors)
    {
        var keys = vectors.SelectMany(v => v.Select(f => f.Key)).Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var rank = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var r = 0; r < keys.Length; r++)
        {
            rank[keys[r]] = r;
        }

        return rank;
    }
}
