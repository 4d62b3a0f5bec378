using System.Runtime.CompilerServices;
using SiteGen.Model;

namespace SiteGen.Events;

/// <summary>
/// Memory for the event comparisons of repeated builds (<c>sitegen serve</c>): gives the same reports as
/// <see cref="TermStatistics.Build(IEnumerable{Article})"/> and <see cref="EventComparison.Compare(EventDefinition, IEnumerable{Article}, TermStatistics?)"/> on
/// every build, computing only what changed.
/// <list type="bullet">
/// <item>Each article's features (<see cref="Tokenizer.Features(string)"/> of <see cref="ArticleText.Full"/>)
/// are computed once per <see cref="Article"/> instance (the article cache hands back the same instance
/// for an unchanged file), as numbers; the archive's document frequencies are summed again on every
/// build from those numbers, which is cheap.</item>
/// <item>An event's report is computed again only when its articles (the same instances, in the same
/// order) or the archive statistics it reads changed: the number of articles, or the document frequency
/// of any feature of its articles' texts (the only features <see cref="TermExtractor"/> asks the
/// background about).</item>
/// </list>
/// One build at a time per instance.
/// </summary>
public sealed class EventComparisonCache
{
    private readonly ConditionalWeakTable<Article, Numbers> _features = new();
    private readonly FeatureNumbering _numbering = new();
    private Dictionary<string, Entry> _events = new(StringComparer.Ordinal);

    // The document frequencies of the last incremental background, and the article list they count (null when they are not right).
    private int[]? _counted;
    private IReadOnlyList<Article>? _countedFor;

    /// <summary>Of the last <see cref="CompareAll(IReadOnlyList{EventGroup}, TermStatistics)"/>: reports taken as they were, reports whose terms only were computed again (the archive statistics they read changed), reports computed.</summary>
    public (int Reused, int Terms, int Computed) LastCounts { get; private set; }

    /// <summary>The archive statistics over <paramref name="articles"/>, as <see cref="TermStatistics.Build(IEnumerable{Article})"/> gives them.</summary>
    public TermStatistics Background(IReadOnlyList<Article> articles) => Background(articles, ArticleTextMemo.None);

    /// <summary><see cref="Background(IReadOnlyList{Article})"/>, reading the articles' texts from <paramref name="texts"/>.</summary>
    internal TermStatistics Background(IReadOnlyList<Article> articles, ArticleTextMemo texts)
    {
        var ids = NumbersOf(articles, texts);
        var counts = new int[_numbering.Count]; // sized after numbering: new articles add features
        Count(counts, ids, +1);
        return TermStatistics.FromCounts(_numbering, counts, articles.Count);
    }

    /// <summary>
    /// <see cref="Background(IReadOnlyList{Article})"/> over <paramref name="articles"/>, which are the articles of
    /// <paramref name="previous"/> without <paramref name="removed"/> and with <paramref name="added"/>: when
    /// the last call counted <paramref name="previous"/> (the same list object), its counts are corrected
    /// for the changed articles only, else (or when it is null) they are all counted again. The statistics
    /// share their counts with this cache: they hold until the next call.
    /// </summary>
    internal TermStatistics Background(IReadOnlyList<Article> articles, IReadOnlyList<Article>? previous, IReadOnlyList<Article> removed, IReadOnlyList<Article> added, ArticleTextMemo texts)
    {
        if (_counted is null || previous is null || !ReferenceEquals(_countedFor, previous) || !removed.All(a => _features.TryGetValue(a, out _)))
        {
            _counted = null;
            var all = NumbersOf(articles, texts);
            var counts = new int[_numbering.Count + (_numbering.Count / 8) + 1024]; // room for the features of later edits
            Count(counts, all, +1);
            _counted = counts;
            _countedFor = articles;
            return TermStatistics.FromCounts(_numbering, _counted, articles.Count);
        }

        var numbers = NumbersOf(added, texts);
        _countedFor = null; // until the counts are right again
        if (_counted.Length < _numbering.Count)
        {
            Array.Resize(ref _counted, _numbering.Count + (_numbering.Count / 8));
        }

        Count(_counted, removed.Select(article => _features.TryGetValue(article, out var gone) ? gone : throw new InvalidOperationException("a removed article was never counted")), -1);
        Count(_counted, numbers, +1);
        _countedFor = articles;
        return TermStatistics.FromCounts(_numbering, _counted, articles.Count);
    }

    /// <summary>Adds <paramref name="by"/> to the count of each feature of each article.</summary>
    private static void Count(int[] counts, IEnumerable<Numbers> articles, int by)
    {
        foreach (var numbers in articles)
        {
            foreach (var id in numbers.All)
            {
                counts[id] += by;
            }
        }
    }

    // Each article's feature numbers: remembered, or found now (new articles in parallel, then numbered in
    // article order: the numbers never leave this cache).
    private Numbers[] NumbersOf(IReadOnlyList<Article> articles, ArticleTextMemo texts)
    {
        var ids = new Numbers[articles.Count];
        var missing = new List<int>();
        for (var i = 0; i < articles.Count; i++)
        {
            if (_features.TryGetValue(articles[i], out var known))
            {
                ids[i] = known;
            }
            else
            {
                missing.Add(i);
            }
        }

        var found = new long[missing.Count][];
        Parallel.For(0, missing.Count, k => found[k] = _numbering.Keys(texts.Of(articles[missing[k]]).Full));

        // Numbers are given in article order (one thread: they must not depend on timing); the sorting
        // that follows is each article's own, done in parallel (it was most of this serial step).
        var made = new Numbers[missing.Count];
        var repeated = new List<int>();
        for (var k = 0; k < missing.Count; k++)
        {
            var keys = found[k];
            var all = new int[keys.Length];
            repeated.Clear();
            for (var j = 0; j < keys.Length; j++)
            {
                var id = _numbering.Number(keys[j] & ~FeatureNumbering.Repeated);
                all[j] = id;
                if ((keys[j] & FeatureNumbering.Repeated) != 0)
                {
                    repeated.Add(id);
                }
            }

            made[k] = new Numbers(all, [.. repeated]);
        }

        Parallel.For(0, missing.Count, k =>
        {
            Array.Sort(made[k].All);
            Array.Sort(made[k].Repeated);
        });
        for (var k = 0; k < missing.Count; k++)
        {
            ids[missing[k]] = made[k];
            _features.AddOrUpdate(articles[missing[k]], made[k]);
        }

        return ids;
    }

    /// <summary>
    /// Each group's report, as <see cref="EventComparison.Compare(EventDefinition, IEnumerable{Article}, TermStatistics?)"/> with <paramref name="background"/>
    /// gives it; reports whose inputs did not change since the last call are reused.
    /// </summary>
    /// <param name="groups">The events and their articles.</param>
    /// <param name="background">From <see cref="Background(IReadOnlyList{Article})"/> on this cache over the same build's articles, or <see cref="TermStatistics.None"/>.</param>
    public EventReport[] CompareAll(IReadOnlyList<EventGroup> groups, TermStatistics background) => CompareAll(groups, background, ArticleTextMemo.None);

    /// <summary><see cref="CompareAll(IReadOnlyList{EventGroup}, TermStatistics)"/>, reading the articles' texts from <paramref name="texts"/>.</summary>
    internal EventReport[] CompareAll(IReadOnlyList<EventGroup> groups, TermStatistics background, ArticleTextMemo texts)
    {
        var reports = new EventReport[groups.Count];
        if (background.Documents > 0 && !ReferenceEquals(background.Numbering, _numbering))
        {
            // Statistics from elsewhere: nothing to compare them with next time.
            Parallel.For(0, groups.Count, i => reports[i] = EventComparison.Compare(groups[i].Event, groups[i].Articles, background, texts.Of));
            _events = new Dictionary<string, Entry>(StringComparer.Ordinal);
            LastCounts = (0, 0, groups.Count);
            return reports;
        }

        // Reports whose articles and statistics did not change are taken first, on this thread: after an
        // edit that is nearly all of them, and handing each to the thread pool would cost more than checking it.
        var entries = new Entry[groups.Count];
        var reused = 0;
        var retermed = 0;
        var rest = new List<int>();
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            if (_events.TryGetValue(group.Event.Id, out var old) && old.SameArticles(group.Members) && old.SameBackground(background))
            {
                entries[i] = old;
                reports[i] = old.Report.Event == group.Event ? old.Report : old.Report with { Event = group.Event };
                reused++;
            }
            else
            {
                rest.Add(i);
            }
        }

        Parallel.For(0, rest.Count, k =>
        {
            var i = rest[k];
            var group = groups[i];
            var articles = group.Articles.ToArray();
            if (_events.TryGetValue(group.Event.Id, out var old) && old.SameArticles(group.Members))
            {
                // Only the archive statistics moved: the terms are computed again, the rest is kept.
                var terms = EventComparison.WithBackground(old.Report, group.Event, articles, background, texts.Of);
                entries[i] = Entry.Of(articles, background, old.Features, terms);
                reports[i] = terms;
                Interlocked.Increment(ref retermed);
                return;
            }

            var report = EventComparison.Compare(group.Event, articles, background, texts.Of);
            entries[i] = Entry.Of(articles, background, FeaturesOf(articles, background), report);
            reports[i] = report;
        });

        var next = new Dictionary<string, Entry>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            next[groups[i].Event.Id] = entries[i];
        }

        _events = next;
        LastCounts = (reused, retermed, groups.Count - reused - retermed);
        return reports;
    }

    /// <summary>
    /// The features whose archive statistics the terms of these articles read (sorted numbers): those
    /// an article has at least twice (seeds of its distinctive terms, and every feature inside them),
    /// and those all the articles have (seeds of the shared terms, and every feature inside them). None
    /// without a background.
    /// </summary>
    private int[] FeaturesOf(Article[] articles, TermStatistics background)
    {
        if (background.Documents == 0 || articles.Length == 0)
        {
            return [];
        }

        // Present for every article of the build Background was given.
        var numbers = articles.Select(a => _features.TryGetValue(a, out var n) ? n : throw new InvalidOperationException($"article {a.Id} was not in the background")).ToArray();
        var set = new HashSet<int>();
        foreach (var n in numbers)
        {
            set.UnionWith(n.Repeated);
        }

        if (articles.DistinctBy(a => a.Id, StringComparer.Ordinal).Count() >= 2)
        {
            var common = new HashSet<int>(numbers[0].All);
            foreach (var n in numbers.Skip(1))
            {
                common.IntersectWith(n.All);
            }

            set.UnionWith(common);
        }

        var result = set.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>An article's feature numbers (sorted): all of them, and those it has at least twice.</summary>
    private sealed record Numbers(int[] All, int[] Repeated);

    private sealed record Entry(Article[] Articles, int Documents, int[] Features, int[] Frequencies, EventReport Report)
    {
        public static Entry Of(Article[] articles, TermStatistics background, int[] features, EventReport report) =>
            new(articles, background.Documents, features, features.Select(background.DocumentFrequency).ToArray(), report);

        public bool SameArticles(IReadOnlyList<EventMember> members)
        {
            if (Articles.Length != members.Count)
            {
                return false;
            }

            for (var i = 0; i < Articles.Length; i++)
            {
                if (!ReferenceEquals(Articles[i], members[i].Article))
                {
                    return false;
                }
            }

            return true;
        }

        public bool SameBackground(TermStatistics background)
        {
            if (Documents != background.Documents)
            {
                return false;
            }

            for (var i = 0; i < Features.Length; i++)
            {
                if (background.DocumentFrequency(Features[i]) != Frequencies[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
