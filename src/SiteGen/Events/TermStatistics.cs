namespace SiteGen.Events;

/// <summary>
/// Document frequencies of features (Han bigrams, content words) over a set of texts — the archive,
/// usually. Gives a background weight that lowers features common everywhere (表示, 中国, 美国) so
/// they do not pass for what one event's article stresses.
/// </summary>
public sealed class TermStatistics
{
    private readonly Dictionary<string, int> _df;

    // Or, from an EventComparisonCache: feature ids and the count of each id (ids past the end count 0).
    private readonly FeatureNumbering? _ids;
    private readonly int[] _counts = [];

    private TermStatistics(Dictionary<string, int> df, int documents)
    {
        _df = df;
        Documents = documents;
    }

    private TermStatistics(FeatureNumbering ids, int[] counts, int documents)
    {
        _df = [];
        _ids = ids;
        _counts = counts;
        Documents = documents;
    }

    /// <summary>No background: every feature weighs 1.</summary>
    public static TermStatistics None { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal), 0);

    public int Documents { get; }

    /// <summary>Builds the statistics over texts (one document each), in one pass.</summary>
    public static TermStatistics Build(IEnumerable<string> texts)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        foreach (var text in texts)
        {
            n++;
            foreach (var feature in Tokenizer.Features(text).Keys)
            {
                df[feature] = df.GetValueOrDefault(feature) + 1;
            }
        }

        return new TermStatistics(df, n);
    }

    /// <summary>Builds the statistics over articles' titles and text.</summary>
    public static TermStatistics Build(IEnumerable<Model.Article> articles) => Build(articles.Select(a => ArticleText.From(a).Full));

    public int DocumentFrequency(string feature) =>
        _ids is null ? _df.GetValueOrDefault(feature) : _ids.IdOf(feature) is var id and >= 0 ? DocumentFrequency(id) : 0;

    /// <summary>Statistics whose features are numbered (<paramref name="ids"/>, which may grow later) with the count of each number.</summary>
    internal static TermStatistics FromCounts(FeatureNumbering ids, int[] counts, int documents) => new(ids, counts, documents);

    /// <summary>The feature numbering of <see cref="FromCounts"/>, or null.</summary>
    internal FeatureNumbering? Numbering => _ids;

    internal int DocumentFrequency(int id) => id < _counts.Length ? _counts[id] : 0;

    /// <summary>Smoothed inverse document frequency, <c>ln((1 + N) / (1 + df)) + 1</c>; 1 without a background.</summary>
    public double Weight(string feature) =>
        Documents == 0 ? 1.0 : Math.Log((1.0 + Documents) / (1.0 + DocumentFrequency(feature))) + 1.0;
}
