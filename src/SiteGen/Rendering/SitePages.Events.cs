using System.Globalization;
using SiteGen.Events;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>The views of events: index entries, the event page's comparison, and the article page's coverage links.</summary>
public sealed partial class SitePages
{
    /// <summary>How many of an event's other articles an article page lists (the event page has them all).</summary>
    public const int CoverageLinks = 12;

    /// <summary>How many events the home page shows, newest first.</summary>
    public const int HomeEvents = 6;

    public static (string Title, string Lang) EventTitle(EventDefinition e, string lang) =>
        lang == "zh" ? (e.TitleZh, HtmlLang("zh")) : (e.TitleEn, HtmlLang("en"));

    /// <summary>The summary in the UI language, else the other one (with its language), else none.</summary>
    public static (string? Summary, string? Lang) EventSummary(EventDefinition e, string lang)
    {
        var (first, second) = lang == "zh" ? (e.SummaryZh, e.SummaryEn) : (e.SummaryEn, e.SummaryZh);
        return first is not null ? (first, HtmlLang(lang)) : second is not null ? (second, HtmlLang(Other(lang))) : (null, null);
    }

    private IEnumerable<EventView> EventViews(string lang) => _model.Events.Select(e => EventView(e, lang));

    private LinkView EventLink(EventDefinition e, string lang)
    {
        var (title, titleLang) = EventTitle(e, lang);
        return new LinkView(title, Urls.Path($"{lang}/events/{e.Id}/"), titleLang, Note: Dates.Range(e.Start, e.End, lang));
    }

    private EventView EventView(EventDefinition e, string lang)
    {
        var (title, titleLang) = EventTitle(e, lang);
        var (summary, summaryLang) = EventSummary(e, lang);
        var articles = _model.ByEvent[e.Id];
        var outlets = _model.Reports[e.Id].Outlets
            .Select(id => new LinkView(OutletName(_model.OutletById[id], lang), Urls.Path($"{lang}/outlets/{id}/"), Count: articles.Count(a => a.Outlet == id)))
            .ToArray();
        return new EventView
        {
            Id = e.Id,
            Url = Urls.Path($"{lang}/events/{e.Id}/"),
            Title = title,
            TitleLang = titleLang,
            Summary = summary,
            SummaryLang = summaryLang,
            DateText = Dates.Range(e.Start, e.End, lang),
            Count = articles.Count,
            OutletCount = outlets.Length,
            Outlets = outlets,
            FeedUrl = Urls.Path($"{lang}/events/{e.Id}/feed.xml"),
        };
    }

    /// <summary>The event page's comparison in one UI language, from the report computed once per build.</summary>
    private EventPageView EventPage(EventDefinition e, string lang)
    {
        var report = _model.Reports[e.Id];
        var views = _views[Array.IndexOf(Languages, lang)];
        var timeline = report.Timeline.Entries.Select((entry, i) => TimelineItem(views[entry.ArticleId], entry.Published, i + 1, lang)).ToArray();
        var byId = timeline.ToDictionary(t => t.Article.Id, StringComparer.Ordinal);
        var lanes = report.Timeline.Lanes
            .Select(l => new OutletLaneView(
                new LinkView(OutletName(_model.OutletById[l.Outlet], lang), Urls.Path($"{lang}/outlets/{l.Outlet}/"), Count: l.Entries.Count),
                l.Entries.Select(x => byId[x.ArticleId]).ToArray()))
            .ToArray();

        var columns = report.Columns.Select(c =>
        {
            var chinese = c.Lang.StartsWith("zh", StringComparison.Ordinal);
            return new EventColumnView
            {
                Number = byId[c.ArticleId].Number,
                Article = views[c.ArticleId],
                Id = ColumnId(c.ArticleId),
                Time = byId[c.ArticleId],
                Lead = c.Lead,
                Length = c.Words,
                LengthUnit = chinese ? "chars" : "words",
                Terms = c.DistinctiveTerms.Select(t => new TermView(t.Text, c.Lang, t.Count)).ToArray(),
                Quotes = c.Quotes.Select(q => new QuoteView(q.Text, q.Speaker)).ToArray(),
                Sentences = c.NearMatches.Sentences,
                Matched = c.NearMatches.Matched,
                SharePercent = (int)Math.Round(c.NearMatches.Share * 100, MidpointRounding.AwayFromZero),
            };
        }).ToArray();

        // A shared term is in every article: give it the language of the first article whose script it is in.
        var firstChinese = report.Columns.FirstOrDefault(c => c.Lang.StartsWith("zh", StringComparison.Ordinal))?.Lang ?? "zh-Hans";
        var firstOther = report.Columns.FirstOrDefault(c => !c.Lang.StartsWith("zh", StringComparison.Ordinal))?.Lang ?? "en";
        var shared = report.SharedTerms
            .Select(t => new TermView(t.Text, t.Text.Any(IsHan) ? firstChinese : firstOther, t.Count))
            .ToArray();

        return new EventPageView
        {
            Timeline = timeline,
            Lanes = lanes,
            SharedTerms = shared,
            Columns = columns,
            Layout = columns.Length <= 4 ? "cols-" + Invariant(Math.Max(1, columns.Length)) : "cols-many",
        };
    }

    private static TimelineItemView TimelineItem(ArticleView article, PublishedDate published, int number, string lang)
    {
        string? utc = null;
        if (published.HasTime && published.Value.Offset != TimeSpan.Zero)
        {
            var u = published.Utc;
            var time = u.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";
            utc = DateOnly.FromDateTime(u.DateTime) == DateOnly.FromDateTime(published.Value.DateTime)
                ? time
                : Dates.Day(DateOnly.FromDateTime(u.DateTime), lang) + " " + time;
        }

        return new TimelineItemView
        {
            Number = number,
            Article = article,
            Anchor = "#" + ColumnId(article.Id),
            TimeIso = article.DateIso,
            TimeText = article.DateText,
            UtcText = utc,
            DateOnly = !published.HasTime,
        };
    }

    /// <summary>The events an article is in, each with the other articles on it in time order (outlet as the note).</summary>
    private EventCoverageView[] Coverage(Article a, string lang) => _model.EventsOf(a.Id).Select(id =>
    {
        var e = _model.EventById[id];
        var others = (_model.Assignment.Find(id)?.Members ?? []).Where(m => m.Article.Id != a.Id).Select(m => m.Article).ToArray();
        return new EventCoverageView(EventLink(e, lang), Dates.Range(e.Start, e.End, lang), others.Take(CoverageLinks).Select(o => CoverageLink(o, lang)).ToArray(), others.Length);
    }).ToArray();

    private LinkView CoverageLink(Article o, string lang)
    {
        var ownIsUi = ArticleHome.WrittenIn(o.Lang, lang);
        var alt = ownIsUi ? null : lang == "en" ? o.TitleEn : o.TitleZh;
        var outlet = OutletName(_model.OutletById[o.Outlet], lang);
        return string.IsNullOrWhiteSpace(alt)
            ? new LinkView(o.Title, Urls.Path(ArticlePath(o)), o.Lang, Note: outlet)
            : new LinkView(alt.Trim(), Urls.Path(ArticlePath(o)), HtmlLang(lang), Note: outlet);
    }

    private static string ColumnId(string articleId) => "a-" + articleId;

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
