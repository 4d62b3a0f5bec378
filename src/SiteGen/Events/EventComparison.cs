using SiteGen.Model;

namespace SiteGen.Events;

/// <summary>One article on the event page's timeline.</summary>
public sealed record TimelineEntry(string ArticleId, string Outlet, string Title, PublishedDate Published, DateTimeOffset SortKey, string Display);

/// <summary>One outlet's articles on the timeline, in time order.</summary>
public sealed record OutletLane(string Outlet, IReadOnlyList<TimelineEntry> Entries);

/// <summary>
/// The timeline of an event: <see cref="Entries"/> by publication time across outlets
/// (<see cref="EventTime"/>), and <see cref="Lanes"/>, outlet by outlet, outlets in order of their first article.
/// </summary>
public sealed record EventTimeline(IReadOnlyList<TimelineEntry> Entries, IReadOnlyList<OutletLane> Lanes);

/// <summary>
/// One column of the comparison (one card on a phone): the article's headline, outlet, time, lead
/// paragraph, lead image and length; the terms it stresses that the others do not; the quotations it
/// cites; and how much of its text has a near match in the other articles.
/// </summary>
public sealed record ArticleColumn(
    string ArticleId,
    string Headline,
    string Outlet,
    string Lang,
    PublishedDate Published,
    string Time,
    string Lead,
    ArticleImage? LeadImage,
    int Characters,
    int Words,
    IReadOnlyList<Term> DistinctiveTerms,
    IReadOnlyList<Quote> Quotes,
    NearMatchSummary NearMatches);

/// <summary>Everything the event page shows about its articles, computed at build time.</summary>
public sealed record EventReport(
    EventDefinition Event,
    IReadOnlyList<string> Outlets,
    EventTimeline Timeline,
    IReadOnlyList<ArticleColumn> Columns,
    IReadOnlyList<Term> SharedTerms);

/// <summary>
/// Sets an event's articles side by side (<see cref="Compare(EventDefinition, IEnumerable{Article}, TermStatistics?)"/>). Deterministic: the same articles
/// give the same report, whatever order they come in. Work grows with the event's text, not the
/// archive's (the archive enters only through the optional background <see cref="TermStatistics"/>).
/// </summary>
public static class EventComparison
{
    public const int DistinctiveTermCount = 10;

    public const int SharedTermCount = 12;

    /// <param name="ev">The event.</param>
    /// <param name="articles">Its articles (e.g. <see cref="EventGroup.Articles"/>), any order.</param>
    /// <param name="background">Archive statistics that weigh down common words; optional.</param>
    public static EventReport Compare(EventDefinition ev, IEnumerable<Article> articles, TermStatistics? background = null) =>
        Compare(ev, articles, background, ArticleText.From);

    /// <summary><see cref="Compare(EventDefinition, IEnumerable{Article}, TermStatistics?)"/> with the articles' texts from <paramref name="textOf"/> (made once per build).</summary>
    internal static EventReport Compare(EventDefinition ev, IEnumerable<Article> articles, TermStatistics? background, Func<Article, ArticleText> textOf)
    {
        var ordered = articles.DistinctBy(a => a.Id, StringComparer.Ordinal).ToList();
        ordered.Sort(EventTime.Compare);
        var texts = ordered.ConvertAll(a => textOf(a));
        var terms = new TermExtractor(texts.Select(t => t.Full).ToList(), background);
        var near = NearMatcher.Compare(ordered.Select((a, i) => (a.Id, texts[i])).ToList());

        var columns = new List<ArticleColumn>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var a = ordered[i];
            var t = texts[i];
            columns.Add(new ArticleColumn(
                a.Id,
                a.Title,
                a.Outlet,
                a.Lang,
                a.Published,
                EventTime.Display(a.Published),
                t.Lead,
                a.Image,
                t.Characters,
                t.Words,
                terms.Distinctive(i, DistinctiveTermCount),
                QuoteExtractor.Extract(t),
                near[i]));
        }

        var report = new EventReport(ev, ordered.Select(a => a.Outlet).Distinct(StringComparer.Ordinal).ToList(), Timeline(ordered), columns, terms.Shared(SharedTermCount));
        terms.Release();
        return report;
    }

    /// <summary>
    /// The report <see cref="Compare(EventDefinition, IEnumerable{Article}, TermStatistics?)"/> gives for the same event and articles with another
    /// <paramref name="background"/>: only the terms depend on it, so the rest of
    /// <paramref name="report"/> (timeline, leads, quotes, near matches) is kept.
    /// </summary>
    internal static EventReport WithBackground(EventReport report, EventDefinition ev, IReadOnlyList<Article> articles, TermStatistics background, Func<Article, ArticleText> textOf)
    {
        var byId = articles.DistinctBy(a => a.Id, StringComparer.Ordinal).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var terms = new TermExtractor(report.Columns.Select(c => textOf(byId[c.ArticleId]).Full).ToList(), background);
        var columns = report.Columns.Select((c, i) => c with { DistinctiveTerms = terms.Distinctive(i, DistinctiveTermCount) }).ToList();
        var result = report with { Event = ev, Columns = columns, SharedTerms = terms.Shared(SharedTermCount) };
        terms.Release();
        return result;
    }

    /// <summary>The timeline of some articles (any order in, time order out).</summary>
    public static EventTimeline Timeline(IEnumerable<Article> articles)
    {
        var ordered = articles.ToList();
        ordered.Sort(EventTime.Compare);
        var entries = ordered.Select(a => new TimelineEntry(a.Id, a.Outlet, a.Title, a.Published, EventTime.SortKey(a.Published), EventTime.Display(a.Published))).ToList();
        var lanes = entries.GroupBy(e => e.Outlet, StringComparer.Ordinal).Select(g => new OutletLane(g.Key, g.ToList())).ToList();
        return new EventTimeline(entries, lanes);
    }
}
