using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Model;

namespace SiteGen.Link;

/// <summary>Articles under one tag: the folder name, the name shown (first spelling met), newest first.</summary>
public sealed record TagGroup(string Slug, string Name, IReadOnlyList<Article> Articles);

/// <summary>Articles of one month, newest first.</summary>
public sealed record MonthGroup(int Year, int Month, IReadOnlyList<Article> Articles);

/// <summary>Articles of one year, newest first, with its months (newest first).</summary>
public sealed record YearGroup(int Year, IReadOnlyList<MonthGroup> Months, IReadOnlyList<Article> Articles);

/// <summary>A build's warnings by kind, in the order <see cref="SiteModel.Warnings"/> lists them.</summary>
internal sealed record LinkWarnings(string[] Outlets, string[] Events, string[] UnusableTags, string[] SharedFolders, string[] Translations)
{
    public List<string> All() => [.. Outlets, .. Events, .. UnusableTags, .. SharedFolders, .. Translations];
}

/// <summary>An article's neighbours in its outlet: the one published just before and just after.</summary>
public sealed record Neighbours(Article? Older, Article? Newer);

/// <summary>
/// The linked site: every article placed by outlet, event (front matter and rules), tag and month, neighbours within an outlet,
/// and translations both ways. Built once from all articles (the link phase); immutable afterwards.
/// Every list is ordered newest first, ties broken by id (ordinal), so the site is deterministic.
/// <para>
/// Repeated builds (<c>sitegen serve</c>) make it with <see cref="SiteModelMemory"/>, which gives the
/// same contents and, for every part whose contents did not change since its last model (a
/// <see cref="ByOutlet"/>, <see cref="ByEvent"/> or <see cref="Translations"/> list, a <see cref="TagGroup"/>,
/// <see cref="YearGroup"/>, <see cref="MonthGroup"/>, <see cref="Neighbours"/>, <see cref="EventGroup"/>,
/// a reused <see cref="EventReport"/>, and whole dictionaries or lists), the very same object as that
/// model: later steps may compare them by reference.
/// </para>
/// </summary>
public sealed class SiteModel
{
    internal SiteModel()
    {
    }

    public required IReadOnlyList<Article> Articles { get; init; }

    public required IReadOnlyList<Outlet> Outlets { get; init; }

    public required IReadOnlyDictionary<string, Outlet> OutletById { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<Article>> ByOutlet { get; init; }

    /// <summary>Every event of <c>content/events/</c>, newest first (start day, then id).</summary>
    public required IReadOnlyList<EventDefinition> Events { get; init; }

    public required IReadOnlyDictionary<string, EventDefinition> EventById { get; init; }

    /// <summary>An event's articles (front matter and rules, <see cref="EventAssigner"/>), newest first in timeline order (<see cref="EventTime"/>).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<Article>> ByEvent { get; init; }

    /// <summary>How the articles were put into events: members in timeline order, diagnostics.</summary>
    public required EventAssignment Assignment { get; init; }

    /// <summary>Each event's comparison (timeline, columns, terms, quotes, near matches), computed once per build.</summary>
    public required IReadOnlyDictionary<string, EventReport> Reports { get; init; }

    public required IReadOnlyList<TagGroup> Tags { get; init; }

    public required IReadOnlyDictionary<string, string> TagSlug { get; init; }

    public required IReadOnlyList<YearGroup> Years { get; init; }

    public required IReadOnlyDictionary<string, Neighbours> NeighboursById { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<Article>> Translations { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Newest first; equal instants by id.</summary>
    public static readonly Comparison<Article> NewestFirst = (a, b) =>
    {
        var byDate = b.Published.CompareTo(a.Published);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.Id, b.Id);
    };

    /// <summary>The ids of the events an article is in (event order: start day, then id).</summary>
    public IReadOnlyList<string> EventsOf(string articleId) => Assignment.EventsOf(articleId);

    /// <param name="articles">Every article of the archive.</param>
    /// <param name="outlets">The outlet files.</param>
    /// <param name="events">The event files (<see cref="EventStore.Load"/>); articles join them by front matter and rules.</param>
    /// <param name="comparisons">Memory of the event comparisons of earlier builds (the same reports, computed only where something changed); null computes them all.</param>
    public static SiteModel Build(IEnumerable<Article> articles, OutletCatalog outlets, IEnumerable<EventDefinition> events, EventComparisonCache? comparisons = null) =>
        Build(articles, outlets, events, comparisons, Slugs.Tag, out _);

    /// <summary><see cref="Build(IEnumerable{Article}, OutletCatalog, IEnumerable{EventDefinition}, EventComparisonCache?)"/>, with the tag slugs from <paramref name="slugOf"/> (<see cref="Slugs.Tag"/> or a memo of it) and the warnings by kind.</summary>
    internal static SiteModel Build(IEnumerable<Article> articles, OutletCatalog outlets, IEnumerable<EventDefinition> events, EventComparisonCache? comparisons, Func<string, string> slugOf, out LinkWarnings sections)
    {
        var outletWarnings = new List<string>();
        var all = articles.ToList();
        all.Sort(NewestFirst);

        // Outlets: every outlet of the catalog, plus a stand-in for an id that articles use but no file defines.
        var outletById = outlets.All.ToDictionary(o => o.Id, StringComparer.Ordinal);
        foreach (var missing in all.Select(a => a.Outlet).Where(id => !outletById.ContainsKey(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            outletWarnings.Add(MissingOutletWarning(missing));
            outletById[missing] = new Outlet { Id = missing, NameZh = missing, NameEn = missing };
        }

        var byOutlet = Group(all, a => [a.Outlet]);
        foreach (var id in outletById.Keys.Where(id => !byOutlet.ContainsKey(id)))
        {
            byOutlet[id] = [];
        }

        // Events: membership by front matter and rules; what looks wrong is a warning naming the event file
        // and the article. Each event's comparison is computed here, once, and shared by both languages.
        var eventList = events.ToList();
        var eventById = eventList.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var assignment = EventAssigner.Assign(all, eventList);
        var articleById = all.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var eventWarnings = assignment.Diagnostics.Select(d => Warning(d, eventById, articleById)).ToArray();

        var byEvent = new Dictionary<string, IReadOnlyList<Article>>(StringComparer.Ordinal);
        foreach (var group in assignment.Groups)
        {
            // Newest first by the event timeline's clock (EventTime: a bare date at the end of its UTC day).
            byEvent[group.Event.Id] = group.Articles.Reverse().ToArray();
        }

        var groups = assignment.Groups.ToArray();
        EventReport[] reports;
        var anyMembers = groups.Any(g => g.Members.Count > 0);
        if (comparisons is not null)
        {
            // The members' texts are made once, for the archive statistics, and read again by their events.
            var texts = new ArticleTextMemo(groups.SelectMany(g => g.Articles));
            // Counted so that the next build with this memory can correct the counts for what changed.
            reports = comparisons.CompareAll(groups, anyMembers ? comparisons.Background(all, null, [], [], texts) : TermStatistics.None, texts);
        }
        else
        {
            reports = new EventReport[groups.Length];
            var background = anyMembers ? TermStatistics.Build(all) : TermStatistics.None;
            Parallel.For(0, groups.Length, i => reports[i] = EventComparison.Compare(groups[i].Event, groups[i].Articles, background));
        }

        var eventsNewestFirst = eventList
            .OrderByDescending(e => e.Start)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToArray();

        // Tags: grouped by folder name; the name shown is the first spelling in newest-first order.
        var tagSlug = new Dictionary<string, string>(StringComparer.Ordinal);
        var tagName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in all.SelectMany(a => a.Tags))
        {
            if (!tagSlug.ContainsKey(tag) && slugOf(tag) is { Length: > 0 } slug)
            {
                tagSlug[tag] = slug;
            }
        }

        var tagWarnings = UnusableTagWarnings(all, slugOf);
        FoldCase(tagSlug);
        foreach (var tag in all.SelectMany(a => a.Tags).Where(tagSlug.ContainsKey))
        {
            tagName.TryAdd(tagSlug[tag], tag.Trim());
        }

        var folderWarnings = SharedFolderWarnings(tagSlug, slug => tagName[slug]);
        var byTag = Group(all, a => a.Tags.Where(tagSlug.ContainsKey).Select(t => tagSlug[t]).Distinct(StringComparer.Ordinal));
        var tags = byTag.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new TagGroup(kv.Key, tagName[kv.Key], kv.Value)).ToArray();

        var years = all.GroupBy(a => a.Published.Year)
            .OrderByDescending(g => g.Key)
            .Select(y => new YearGroup(
                y.Key,
                y.GroupBy(a => a.Published.Month).OrderByDescending(m => m.Key).Select(m => new MonthGroup(y.Key, m.Key, m.ToArray())).ToArray(),
                y.ToArray()))
            .ToArray();

        var neighbours = new Dictionary<string, Neighbours>(StringComparer.Ordinal);
        foreach (var list in byOutlet.Values)
        {
            for (var i = 0; i < list.Count; i++)
            {
                neighbours[list[i].Id] = new Neighbours(i + 1 < list.Count ? list[i + 1] : null, i > 0 ? list[i - 1] : null);
            }
        }

        var translations = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        foreach (var article in all.Where(a => a.TranslationOf is not null))
        {
            if (articleById.TryGetValue(article.TranslationOf!, out var original))
            {
                Add(translations, original.Id, article);
                Add(translations, article.Id, original);
            }
        }

        sections = new LinkWarnings([.. outletWarnings], eventWarnings, tagWarnings, folderWarnings, TranslationWarnings(all, articleById));

        return new SiteModel
        {
            Articles = all,
            Outlets = outletById.Values.OrderBy(o => o.Id, StringComparer.Ordinal).ToArray(),
            OutletById = outletById,
            ByOutlet = byOutlet.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Article>)kv.Value, StringComparer.Ordinal),
            Events = eventsNewestFirst,
            EventById = eventById,
            ByEvent = byEvent,
            Assignment = assignment,
            Reports = groups.Select((g, i) => (g.Event.Id, Report: reports[i])).ToDictionary(x => x.Id, x => x.Report, StringComparer.Ordinal),
            Tags = tags,
            TagSlug = tagSlug,
            Years = years,
            NeighboursById = neighbours,
            Translations = translations.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Article>)kv.Value.Distinct().OrderBy(a => a.Id, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal),
            Warnings = sections.All(),
        };
    }

    internal static string MissingOutletWarning(string id) => $"outlet '{id}' is used by articles but has no file outlets/{id}.yml; its id is shown as its name";

    /// <summary>The warning for an event diagnostic, naming the event file and the article.</summary>
    internal static string Warning(EventDiagnostic d, IReadOnlyDictionary<string, EventDefinition> eventById, IReadOnlyDictionary<string, Article> articleById)
    {
        var file = eventById.TryGetValue(d.EventId, out var known) && known.Path.Length > 0 ? known.Path : $"events/{d.EventId}.yml";
        var article = d.ArticleId is not null && articleById.TryGetValue(d.ArticleId, out var a) ? $" {ArticleStore.RelativePath(a)} ({a.Id}):" : "";
        return d.Code == "unknown-event"
            ? $"{article.TrimStart()} {d.Code}: {d.Message}"
            : $"{file}:{article} {d.Code}: {d.Message}";
    }

    /// <summary>One warning per use of a tag that has no characters usable in a path, newest article first.</summary>
    internal static string[] UnusableTagWarnings(IEnumerable<Article> newestFirst, Func<string, string> slugOf) =>
        newestFirst.SelectMany(a => a.Tags).Where(t => slugOf(t).Length == 0).Select(t => $"tag '{t}' has no characters usable in a path and is left out").ToArray();

    /// <summary>
    /// Folder names that differ only in case are one folder on Windows and macOS: they meet under
    /// the ordinal-first spelling, whatever order the articles came in. Changes <paramref name="tagSlug"/> in place.
    /// </summary>
    internal static void FoldCase(Dictionary<string, string> tagSlug)
    {
        var folded = tagSlug.Values.Distinct(StringComparer.Ordinal).GroupBy(s => s.ToUpperInvariant(), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(s => (From: s, To: g.Min(StringComparer.Ordinal)!)))
            .Where(p => p.From != p.To)
            .ToDictionary(p => p.From, p => p.To, StringComparer.Ordinal);
        if (folded.Count == 0)
        {
            return;
        }

        foreach (var tag in tagSlug.Keys.ToArray())
        {
            tagSlug[tag] = folded.GetValueOrDefault(tagSlug[tag], tagSlug[tag]);
        }
    }

    /// <summary>
    /// Different tags that share a folder are one tag: said once per folder, spellings in ordinal order
    /// (spellings that differ only in case, width of spaces or Unicode composition are not reported).
    /// </summary>
    internal static string[] SharedFolderWarnings(IReadOnlyDictionary<string, string> tagSlug, Func<string, string> nameOf)
    {
        var warnings = new List<string>();
        foreach (var group in tagSlug.GroupBy(kv => kv.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var spellings = group.Select(kv => kv.Key.Trim()).DistinctBy(t => t.Normalize(System.Text.NormalizationForm.FormC).ToUpperInvariant(), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (spellings.Length > 1)
            {
                warnings.Add($"tags {string.Join(", ", spellings.Select(t => $"'{t}'"))} share the folder tags/{group.Key}/ and are shown as one tag, '{nameOf(group.Key)}'");
            }
        }

        return [.. warnings];
    }

    /// <summary>One warning per translation whose original is not in the archive, newest first.</summary>
    internal static string[] TranslationWarnings(IEnumerable<Article> newestFirst, IReadOnlyDictionary<string, Article> articleById) =>
        newestFirst.Where(a => a.TranslationOf is not null && !articleById.ContainsKey(a.TranslationOf))
            .Select(a => $"article '{a.Id}' is a translation of '{a.TranslationOf}', which is not in the archive").ToArray();

    private static Dictionary<string, IReadOnlyList<Article>> Group(List<Article> newestFirst, Func<Article, IEnumerable<string>> keys)
    {
        var groups = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        foreach (var article in newestFirst)
        {
            foreach (var key in keys(article))
            {
                Add(groups, key, article);
            }
        }

        return groups.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Article>)kv.Value, StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, List<Article>> groups, string key, Article article)
    {
        if (!groups.TryGetValue(key, out var list))
        {
            groups[key] = list = [];
        }

        list.Add(article);
    }
}
