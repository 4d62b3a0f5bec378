using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Link;
using SiteGen.Model;
using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

/// <summary>
/// A rebuild hands out the very same article views when what they were made from is the same objects,
/// and makes new ones exactly where a translation, an event's coverage, a neighbour or a global part
/// (outlets, URLs) changed: each input on its own, in a model where no other input also changes.
/// </summary>
public class ArticleViewMemoTests
{
    // A and E are neighbours (reuters); B (aljazeera) is A's translation; C and D share the event "ev".
    private static readonly OutletCatalog Outlets = OutletStore.Load(SiteFixture.ContentDir);

    private static readonly EventDefinition Event = new() { Id = "ev", Start = new DateOnly(2022, 1, 3), End = new DateOnly(2022, 1, 4), TitleZh = "事件", TitleEn = "The event" };

    private static Article Make(string id, string outlet, int day, string title, string? translationOf = null, string[]? events = null) => new()
    {
        Id = id,
        Title = title,
        Lang = "en",
        Outlet = outlet,
        Published = PublishedDate.FromDate(2022, 1, day),
        TranslationOf = translationOf,
        Events = [.. events ?? []],
        Body = "Body of " + id + ".",
    };

    private static Dictionary<string, Article> Articles() => new(StringComparer.Ordinal)
    {
        ["a"] = Make("reuters-a", "reuters", 1, "A"),
        ["b"] = Make("aljazeera-b", "aljazeera", 2, "B", translationOf: "reuters-a"),
        ["c"] = Make("epochtimes-c", "epochtimes", 3, "C", events: ["ev"]),
        ["d"] = Make("voachinese-d", "voachinese", 4, "D", events: ["ev"]),
        ["e"] = Make("reuters-e", "reuters", 5, "E"),
    };

    private static SitePages Pages(IEnumerable<Article> articles, ArticleViewMemo memo, OutletCatalog? outlets = null, string baseUrl = "https://example.org/")
    {
        var model = SiteModel.Build(articles, outlets ?? Outlets, [Event]);
        return new SitePages(model, new SiteSettings(), new SiteUrls(baseUrl), "/assets/site.css", "/assets/icon.svg", (_, key) => key, memo: memo);
    }

    private static ArticleView View(SitePages pages, Article article) => pages.View(article, "en");

    /// <summary>Which of the five articles got a view other than the first build's.</summary>
    private static string Remade(SitePages before, SitePages after, Dictionary<string, Article> first, Dictionary<string, Article> now) =>
        string.Concat(first.Keys.Where(k => !ReferenceEquals(View(before, first[k]), View(after, now[k]))));

    private static string RemadeAfter(Action<Dictionary<string, Article>> change, Func<IEnumerable<Article>, ArticleViewMemo, SitePages>? rebuild = null)
    {
        var memo = new ArticleViewMemo();
        var first = Articles();
        var before = Pages(first.Values, memo);
        var now = new Dictionary<string, Article>(first, StringComparer.Ordinal);
        change(now);
        var after = (rebuild ?? ((a, m) => Pages(a, m)))(now.Values, memo);
        return Remade(before, after, first, now);
    }

    [Fact]
    public void The_same_objects_give_the_same_views_without_making_any()
    {
        var memo = new ArticleViewMemo();
        var articles = Articles();
        var before = Pages(articles.Values, memo);
        Assert.Equal(5, memo.LastMade);
        var after = Pages(articles.Values, memo);
        Assert.Equal((0, 5), (memo.LastMade, memo.LastReused));
        Assert.All(articles.Values, a => Assert.Same(View(before, a), View(after, a)));
    }

    [Fact]
    public void A_retitled_translation_remakes_the_article_that_links_to_it()
    {
        Assert.Equal("ab", RemadeAfter(now => now["b"] = Make("aljazeera-b", "aljazeera", 2, "B retitled", translationOf: "reuters-a")));
    }

    [Fact]
    public void A_retitled_event_member_remakes_the_members_whose_coverage_lists_it()
    {
        Assert.Equal("cd", RemadeAfter(now => now["d"] = Make("voachinese-d", "voachinese", 4, "D retitled", events: ["ev"])));
    }

    [Fact]
    public void A_retitled_neighbour_remakes_the_article_next_to_it()
    {
        Assert.Equal("ae", RemadeAfter(now => now["e"] = Make("reuters-e", "reuters", 5, "E retitled")));
    }

    [Fact]
    public void A_new_event_member_remakes_the_other_members()
    {
        // And its translation (a): the member is a new object, whatever changed in it.
        Assert.Equal("abcd", RemadeAfter(now => now["b"] = Make("aljazeera-b", "aljazeera", 2, "B", translationOf: "reuters-a", events: ["ev"])));
    }

    [Fact]
    public void Other_outlet_objects_or_another_base_url_remake_every_view()
    {
        Assert.Equal("abcde", RemadeAfter(_ => { }, (a, m) => Pages(a, m, new OutletCatalog(Outlets.All.Select(o => new Outlet { Id = o.Id, NameZh = o.NameZh, NameEn = o.NameEn, Home = o.Home })))));
        Assert.Equal("abcde", RemadeAfter(_ => { }, (a, m) => Pages(a, m, baseUrl: "https://example.com/news/")));
    }

    [Fact]
    public void Views_made_again_show_what_changed()
    {
        var memo = new ArticleViewMemo();
        var articles = Articles();
        Pages(articles.Values, memo);
        articles["b"] = Make("aljazeera-b", "aljazeera", 2, "B retitled", translationOf: "reuters-a");
        var after = Pages(articles.Values, memo);
        Assert.Equal("B retitled", Assert.Single(View(after, articles["a"]).Translations).Title);
    }
}
