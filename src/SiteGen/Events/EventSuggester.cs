using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SiteGen.Model;

namespace SiteGen.Events;

/// <summary>Settings of <see cref="EventSuggester"/>.</summary>
public sealed record SuggestOptions
{
    /// <summary>Two articles are compared only when published at most this many days apart.</summary>
    public double WindowDays { get; init; } = 3;

    /// <summary>Least cosine similarity (TF-IDF vectors) for two articles to be linked.</summary>
    public double Threshold { get; init; } = 0.12;

    /// <summary>
    /// How much of the body, after the headline, an article is compared by. News puts the happening in
    /// the headline and lead and the background (which many stories share) further down.
    /// </summary>
    public int LeadCharacters { get; init; } = 600;

    /// <summary>Least number of articles in a proposed event.</summary>
    public int MinArticles { get; init; } = 2;
}

/// <summary>How far <see cref="EventSuggester.Suggest"/> is: articles compared, then proposals made.</summary>
public sealed record SuggestProgress(string Stage, int Done, int Total);

/// <summary>One link that put two articles in a cluster.</summary>
public sealed record SimilarPair(string First, string Second, double Cosine);

/// <summary>
/// A proposed event: its articles (timeline order), the dates they span, the terms they all share, the
/// links (pairs and cosine) that made the cluster, and a draft event file (<see cref="Yaml"/>) whose
/// rules were checked against the archive (<see cref="RuleCheck"/>).
/// </summary>
public sealed record SuggestedEvent(
    string Id,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<Article> Articles,
    IReadOnlyList<Term> SharedTerms,
    IReadOnlyList<SimilarPair> Links,
    string RuleCheck,
    string Yaml)
{
    public double MeanCosine => Links.Count == 0 ? 0 : Math.Round(Links.Average(l => l.Cosine), 4);

    /// <summary>One line saying why these articles were grouped.</summary>
    public string Reason =>
        $"{Articles.Count} articles from {Start:yyyy-MM-dd} to {End:yyyy-MM-dd}, mean cosine {MeanCosine.ToString("0.00", CultureInfo.InvariantCulture)} over {Links.Count} links; shared terms: {(SharedTerms.Count == 0 ? "(none)" : string.Join("、", SharedTerms.Select(t => t.Text)))}";
}

/// <summary>
/// Proposes events from articles that are in none: articles are vectors of TF-IDF weights over Han
/// character bigrams and English content words (<c>(1 + ln tf) × idf</c>, idf over the whole archive,
/// L2-normalized) of the headline and the first <see cref="SuggestOptions.LeadCharacters"/> characters
/// of the body; they are sorted by publication time and
/// each is compared only with those published within <see cref="SuggestOptions.WindowDays"/> after it
/// (a sliding window, so the work is n log n for the sort plus n × window neighbours, never all
/// pairs). Pairs with cosine at least <see cref="SuggestOptions.Threshold"/> connect articles into
/// groups; inside each group, average linkage (merge while the mean cosine between two clusters
/// reaches the threshold) splits off articles that only touch the topic — a Ukraine-crisis story the
/// same day as the Xi–Putin summit shares words with one summit report, not with all of them.
/// Ids, order and output are deterministic.
/// </summary>
public static class EventSuggester
{
    public static IReadOnlyList<SuggestedEvent> Suggest(IEnumerable<Article> archive, EventAssignment? assignment = null, SuggestOptions? options = null, IProgress<SuggestProgress>? progress = null)
    {
        options ??= new SuggestOptions();
        var all = archive.ToList();
        all.Sort(EventTime.Compare);
        var texts = new string[all.Count];
        var heads = new string[all.Count];
        Parallel.For(0, all.Count, i =>
        {
            var text = ArticleText.From(all[i]);
            (texts[i], heads[i]) = (text.Full, Head(text, options.LeadCharacters));
        });
        var textOf = Enumerable.Range(0, all.Count).ToDictionary(i => all[i].Id, i => texts[i], StringComparer.Ordinal);
        var background = TermStatistics.Build(heads);
        var freeIndexes = Enumerable.Range(0, all.Count).Where(i => assignment?.IsAssigned(all[i].Id) != true).ToArray();
        var free = freeIndexes.Select(i => all[i]).ToList();
        var vectors = new (string Key, double Weight)[freeIndexes.Length][];
        Parallel.For(0, freeIndexes.Length, k => vectors[k] = Vector(heads[freeIndexes[k]], background));
        var graph = new SimilarityGraph(vectors, free.Select(a => EventTime.SortKey(a.Published).UtcTicks).ToArray(), TimeSpan.FromDays(options.WindowDays));

        // Links: pairs inside the time window whose cosine reaches the threshold (single linkage gives
        // the connected groups); inside each group, average linkage over the group's windowed cosines.
        var links = graph.Links(options.Threshold, done => progress?.Report(new SuggestProgress("comparing", done, free.Count)));
        var clusters = graph.Groups(links, options.MinArticles)
            .SelectMany(g => AverageLinkage(g, graph.Similarities(g), options.Threshold))
            .Where(c => c.Count >= options.MinArticles).OrderBy(c => c[0]).ToList();
        var linksFrom = links.ToLookup(l => l.A);
        var result = new SuggestedEvent[clusters.Count];
        var proposed = 0;
        Parallel.For(0, clusters.Count, c =>
        {
            result[c] = Propose(clusters[c], free, linksFrom, textOf, background);
            progress?.Report(new SuggestProgress("proposing", Interlocked.Increment(ref proposed), clusters.Count));
        });
        return result;
    }

    /// <summary>The proposal for one cluster (sorted indexes into the time-sorted free articles).</summary>
    private static SuggestedEvent Propose(List<int> members, List<Article> free, ILookup<int, (int A, int B, double Cosine)> linksFrom, Dictionary<string, string> texts, TermStatistics background)
    {
        var set = members.ToHashSet();
        var articles = members.Select(i => free[i]).ToList();
        var pairs = members.SelectMany(a => linksFrom[a]).Where(l => set.Contains(l.B)).Select(l => new SimilarPair(free[l.A].Id, free[l.B].Id, Math.Round(l.Cosine, 4))).ToList();
        var extractor = new TermExtractor(articles.Select(a => texts[a.Id]).ToList(), background);
        var shared = extractor.Shared(6);
        var start = articles.Min(a => EventTime.Day(a.Published));
        var end = articles.Max(a => EventTime.Day(a.Published));
        var id = MakeId(start, articles);
        var (rules, check) = ProposeRules(articles, shared, free, texts, start, end);
        return new SuggestedEvent(id, start, end, articles, shared, pairs, check, DraftYaml(id, start, end, articles, shared, rules, pairs));
    }

    /// <summary>
    /// Average-linkage agglomerative clustering of one connected group: start from single articles and
    /// merge the two clusters with the highest mean pairwise cosine (pairs outside the time window count
    /// 0) while that mean reaches the threshold. Ties go to the clusters with the earliest articles.
    /// Quadratic in the group's size only; groups are small because links need the time window.
    /// </summary>
    private static List<List<int>> AverageLinkage(List<int> members, Dictionary<(int, int), double> similarity, double threshold)
    {
        var clusters = members.Select(m => new List<int> { m }).ToList();
        double Sim(int a, int b) => similarity.GetValueOrDefault(a < b ? (a, b) : (b, a));
        while (clusters.Count > 1)
        {
            var best = (A: -1, B: -1, Mean: double.MinValue);
            for (var x = 0; x < clusters.Count; x++)
            {
                for (var y = x + 1; y < clusters.Count; y++)
                {
                    var sum = 0.0;
                    foreach (var a in clusters[x])
                    {
                        foreach (var b in clusters[y])
                        {
                            sum += Sim(a, b);
                        }
                    }

                    var mean = sum / (clusters[x].Count * clusters[y].Count);
                    if (mean > best.Mean)
                    {
                        best = (x, y, mean);
                    }
                }
            }

            if (best.Mean < threshold)
            {
                break;
            }

            clusters[best.A].AddRange(clusters[best.B]);
            clusters[best.A].Sort();
            clusters.RemoveAt(best.B);
        }

        return clusters;
    }

    /// <summary>
    /// Saves a proposal as <c>events/drafts/&lt;id&gt;.yml</c> under the content folder, unless that file
    /// exists (a draft is never overwritten, so hand edits survive another run). Returns the path
    /// written, or null when the file was already there.
    /// </summary>
    public static string? WriteDraft(string contentDir, SuggestedEvent suggestion)
    {
        var dir = Path.Combine(contentDir, "events", "drafts");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, suggestion.Id + ".yml");
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            var bytes = new UTF8Encoding(false).GetBytes(suggestion.Yaml);
            stream.Write(bytes);
            return path;
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    /// <summary>The part of an article that is compared: the headline, then the body's first characters.</summary>
    public static string Head(ArticleText text, int leadCharacters) =>
        text.Title + "\n" + (text.Body.Length > leadCharacters ? text.Body[..leadCharacters] : text.Body);

    /// <summary>Cosine of two L2-normalized sparse vectors sorted by key (ordinal).</summary>
    public static double Cosine((string Key, double Weight)[] a, (string Key, double Weight)[] b)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var c = string.CompareOrdinal(a[i].Key, b[j].Key);
            if (c == 0)
            {
                dot += a[i++].Weight * b[j++].Weight;
            }
            else if (c < 0)
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

    /// <summary>The TF-IDF vector of a text: <c>(1 + ln tf) × idf</c>, L2-normalized, sorted by key.</summary>
    public static (string Key, double Weight)[] Vector(string text, TermStatistics background)
    {
        var features = Tokenizer.Features(text);
        var vector = features.Select(f => (f.Key, Weight: (1 + Math.Log(f.Value)) * background.Weight(f.Key))).ToArray();
        var norm = Math.Sqrt(vector.Sum(v => v.Weight * v.Weight));
        if (norm > 0)
        {
            for (var k = 0; k < vector.Length; k++)
            {
                vector[k].Weight /= norm;
            }
        }

        Array.Sort(vector, (x, y) => string.CompareOrdinal(x.Key, y.Key));
        return vector;
    }

    private static string MakeId(DateOnly start, List<Article> articles)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", articles.Select(a => a.Id).Order(StringComparer.Ordinal))));
        return $"{start:yyyy-MM-dd}-suggested-{Convert.ToHexStringLower(hash)[..8]}";
    }

    /// <summary>
    /// Rules for the draft: every shared term (best first, up to four) in <c>all</c> until the rule picks
    /// no article outside the cluster in its window; the check says whether that was reached.
    /// </summary>
    private static (EventRules Rules, string Check) ProposeRules(List<Article> members, IReadOnlyList<Term> shared, List<Article> free, Dictionary<string, string> texts, DateOnly start, DateOnly end)
    {
        const int window = 1;
        var ids = members.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var inWindow = free.Where(a => EventTime.Day(a.Published) >= start.AddDays(-window) && EventTime.Day(a.Published) <= end.AddDays(window)).ToList();
        var all = new List<string>();
        EventRules rules = new() { All = all, WindowDays = window };

        // The rule is all of the terms so far, so the articles outside the cluster it picks are those
        // of the previous step that also hold the new term: each step tests only the survivors.
        var extra = inWindow.Where(a => !ids.Contains(a.Id)).ToList();
        foreach (var term in shared.Take(4))
        {
            all.Add(term.Text);
            rules = new EventRules { All = [.. all], WindowDays = window };
            var one = new EventRules { All = [term.Text], WindowDays = window };
            extra = extra.Where(a => EventAssigner.Matches(one, texts[a.Id], out _)).ToList();
            if (extra.Count == 0)
            {
                var missed = members.Where(a => !EventAssigner.Matches(rules, texts[a.Id], out _)).Select(a => a.Id).ToList();
                return (rules, missed.Count == 0 ? "the proposed rule selects exactly these articles" : $"the proposed rule misses {string.Join(", ", missed)}");
            }
        }

        if (all.Count == 0)
        {
            return (rules, "no term is shared by all articles: write the rule by hand (or list the event in the articles' events:)");
        }

        return (rules, $"the proposed rule also selects {string.Join(", ", extra.Select(a => a.Id))}: narrow it by hand");
    }

    private static string DraftYaml(string id, DateOnly start, DateOnly end, List<Article> articles, IReadOnlyList<Term> shared, EventRules rules, List<SimilarPair> pairs)
    {
        var zh = articles.FirstOrDefault(a => a.Lang.StartsWith("zh", StringComparison.Ordinal));
        var en = articles.FirstOrDefault(a => a.Lang.StartsWith("en", StringComparison.Ordinal));
        var sb = new StringBuilder();
        sb.Append("# Draft proposed by `sitegen events suggest`: check the articles, write the titles and summaries,\n");
        sb.Append("# rename the file and id, then move it up into content/events/.\n");
        sb.Append("# Articles:\n");
        foreach (var a in articles)
        {
            sb.Append(CultureInfo.InvariantCulture, $"#   {EventTime.Display(a.Published)}  {a.Outlet}  {a.Id}  {OneLine(a.Title)}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"# Why: shared terms {string.Join("、", shared.Select(t => t.Text))}; cosine {string.Join(", ", pairs.Select(p => p.Cosine.ToString("0.00", CultureInfo.InvariantCulture)))}\n");
        sb.Append(CultureInfo.InvariantCulture, $"id: {id}\n");
        if (start == end)
        {
            sb.Append(CultureInfo.InvariantCulture, $"date: {start:yyyy-MM-dd}\n");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"start: {start:yyyy-MM-dd}\nend: {end:yyyy-MM-dd}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"title_zh: {Scalar(zh?.Title ?? zh?.TitleZh ?? "待填：中文标题")}\n");
        sb.Append(CultureInfo.InvariantCulture, $"title_en: {Scalar(en?.Title ?? articles.Select(a => a.TitleEn).FirstOrDefault(t => t is not null) ?? "TODO: English title")}\n");
        sb.Append("summary_zh: 待填\n");
        sb.Append("summary_en: TODO\n");
        sb.Append("match:\n");
        sb.Append(CultureInfo.InvariantCulture, $"  all: [{string.Join(", ", rules.All.Select(Scalar))}]\n");
        sb.Append(CultureInfo.InvariantCulture, $"  window_days: {rules.WindowDays}\n");
        return sb.ToString();
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    /// <summary>A YAML double-quoted scalar (always quoted: titles hold colons, quotes and #).</summary>
    private static string Scalar(string s) =>
        "\"" + OneLine(s).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
