using System.Text.Json;
using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Link;
using SiteGen.Model;

namespace SiteGen.Tests.Events;

/// <summary>
/// The event comparisons kept between builds (<see cref="EventComparisonCache"/>) give exactly the
/// reports of a clean computation after each kind of change to the shipped archive, and reuse what
/// did not change.
/// </summary>
public class EventComparisonCacheTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    [Fact]
    public void Reports_equal_a_clean_computation_after_edits_additions_and_removals()
    {
        var articles = ArticleStore.Open(TestPaths.Content).Articles.Select(a => a.Article).ToList();
        var outlets = OutletStore.Load(TestPaths.Content);
        var events = EventStore.Load(TestPaths.Content).Events.ToList();
        var cache = new EventComparisonCache();

        var first = SiteModel.Build(articles, outlets, events, cache);
        Assert.Equal(Dump(SiteModel.Build(articles, outlets, events)), Dump(first));
        Assert.Equal((0, 0, first.Reports.Count), cache.LastCounts);

        // Nothing changed: every report is reused.
        Assert.Equal(Dump(first), Dump(SiteModel.Build(articles, outlets, events, cache)));
        Assert.Equal((first.Reports.Count, 0, 0), cache.LastCounts);

        var member = first.ByEvent.Values.First(v => v.Count >= 2)[0];
        var outsider = articles.First(a => first.EventsOf(a.Id).Count == 0);
        var steps = new (string What, Action Change)[]
        {
            ("an English word added to an event's article", () => Replace(articles, member, a => a.Body += "\n\nProbe edit.\n")),
            ("a Chinese sentence of common words added", () => Replace(articles, member, a => a.Body += "\n\n中国外交部发言人表示，美国应当停止干涉。\n")),
            ("an article in no event edited", () => Replace(articles, outsider, a => a.Body += "\n\n俄罗斯总统普京表示，北约东扩威胁俄罗斯安全。\n")),
            ("an article in no event removed", () => articles.RemoveAll(a => a.Id == outsider.Id)),
            ("an article added to an event by front matter", () => articles.Add(Clone(outsider, a => { a.Id += "-copy"; a.Events = [events[0].Id]; }))),
            ("an event's title changed", () => events[0] = new EventDefinition { Id = events[0].Id, Start = events[0].Start, End = events[0].End, TitleZh = events[0].TitleZh + "（更新）", TitleEn = events[0].TitleEn + " (updated)", Match = events[0].Match, Path = events[0].Path }),
        };
        foreach (var (what, change) in steps)
        {
            change();
            var cached = SiteModel.Build(articles, outlets, events, cache);
            Assert.True(Dump(SiteModel.Build(articles, outlets, events)) == Dump(cached), what);
        }
    }

    [Fact]
    public void An_edit_that_moves_no_statistics_of_other_events_recomputes_only_its_own_event()
    {
        var articles = ArticleStore.Open(TestPaths.Content).Articles.Select(a => a.Article).ToList();
        var outlets = OutletStore.Load(TestPaths.Content);
        var events = EventStore.Load(TestPaths.Content).Events.ToList();
        var cache = new EventComparisonCache();
        var model = SiteModel.Build(articles, outlets, events, cache);
        var member = model.ByEvent.Values.First(v => v.Count >= 2)[0];

        // A word no other article has changes only its own article's statistics.
        Replace(articles, member, a => a.Body += "\n\nZyxwvutsrqp.\n");
        SiteModel.Build(articles, outlets, events, cache);
        var inEvents = model.EventsOf(member.Id).Count;
        Assert.Equal((model.Reports.Count - inEvents, 0, inEvents), cache.LastCounts);
    }

    private static void Replace(List<Article> articles, Article old, Action<Article> change)
    {
        var i = articles.FindIndex(a => a.Id == old.Id);
        articles[i] = Clone(articles[i], change);
    }

    private static Article Clone(Article article, Action<Article> change)
    {
        var copy = ArticleFile.Parse(ArticleFile.Write(article));
        change(copy);
        return copy;
    }

    private static string Dump(SiteModel model) =>
        string.Join('\n', model.Reports.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "\t" + JsonSerializer.Serialize(kv.Value, Json)));
}
