using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Link;
using SiteGen.Model;

namespace SiteGen.Tests.Link;

public class SiteModelTests
{
    private static SiteModel Load()
    {
        var dir = SiteFixture.ContentDir;
        var events = EventStore.Load(dir);
        Assert.Empty(events.Errors);
        return SiteModel.Build(ArticleStore.Open(dir).Articles.Select(a => a.Article), OutletStore.Load(dir), events.Events);
    }

    [Fact]
    public void Fixture_articles_are_in_the_canonical_normalized_format()
    {
        var store = ArticleStore.Open(SiteFixture.ContentDir);
        Assert.Empty(store.Errors);
        Assert.Equal(7, store.Articles.Count());
        foreach (var stored in store.Articles)
        {
            Assert.Equal(stored.Text, ArticleFile.Write(stored.Article));
        }
    }

    [Fact]
    public void Articles_are_newest_first_across_time_zones()
    {
        var ids = Load().Articles.Select(a => a.Id).ToArray();
        // 2022-12-31T03:10+08:00 is 19:10 UTC on the 30th, after 12:00 UTC.
        Assert.Equal(["epochtimes-n13900001", "reuters-putin-xi-video-call", "reuters-markets-summit", "aljazeera-h3f9c2a1b7d"], ids[..4]);
    }

    [Fact]
    public void Previous_and_next_stay_within_the_outlet()
    {
        var model = Load();
        var first = model.NeighboursById["epochtimes-n13555352"];
        Assert.Null(first.Older);
        Assert.Equal("epochtimes-n13900001", first.Newer?.Id);
        Assert.Equal("epochtimes-n13555352", model.NeighboursById["epochtimes-n13900001"].Older?.Id);
        Assert.Equal("voachinese-6426608", model.NeighboursById["voachinese-6426608-en"].Older?.Id);
    }

    [Fact]
    public void Groups_by_outlet_event_tag_and_month()
    {
        var model = Load();
        Assert.Equal(2, model.ByOutlet["epochtimes"].Count);
        Assert.Equal(5, model.ByEvent["xi-putin-beijing-2022"].Count);
        Assert.Equal(2, model.ByEvent["xi-putin-video-2022"].Count);
        Assert.Equal(4, model.Tags.Single(t => t.Slug == "普京").Articles.Count);
        Assert.Equal("Putin", model.Tags.Single(t => t.Slug == "putin").Name);
        var year = Assert.Single(model.Years);
        Assert.Equal([12, 2], year.Months.Select(m => m.Month));
    }

    [Fact]
    public void Translations_link_both_ways()
    {
        var model = Load();
        Assert.Equal("voachinese-6426608-en", Assert.Single(model.Translations["voachinese-6426608"]).Id);
        Assert.Equal("voachinese-6426608", Assert.Single(model.Translations["voachinese-6426608-en"]).Id);
    }

    [Fact]
    public void An_event_named_only_by_articles_is_a_warning_naming_the_article_and_gets_no_page()
    {
        var article = new Article { Id = "x-1", Title = "t", Lang = "en", Outlet = "nowhere", Published = PublishedDate.FromDate(2022, 1, 1), Events = ["some-event"] };
        var model = SiteModel.Build([article], new OutletCatalog([]), []);
        Assert.False(model.EventById.ContainsKey("some-event"));
        Assert.Empty(model.EventsOf("x-1"));
        Assert.Contains(model.Warnings, w => w.Contains("some-event", StringComparison.Ordinal) && w.Contains("articles/nowhere/2022/x-1.md (x-1)", StringComparison.Ordinal) && w.Contains("unknown-event", StringComparison.Ordinal));
        Assert.Contains(model.Warnings, w => w.Contains("nowhere", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("普京", "普京")]
    [InlineData("Putin", "putin")]
    [InlineData("New York", "new-york")]
    [InlineData("a/b?c#d", "a-b-c-d")]
    [InlineData("..", "")]
    public void Tag_folders_keep_their_characters_but_not_path_syntax(string tag, string slug) =>
        Assert.Equal(slug, Slugs.Tag(tag));
}
