using AngleSharp.Dom;

namespace SiteGen.Tests.Rendering;

[Collection(BuiltSiteGroup.Name)]
public class PageKindTests(BuiltSite site)
{
    private const string Base = "https://example.org/";

    public static TheoryData<string> Languages => new() { "zh", "en" };

    private static string Other(string lang) => lang == "zh" ? "en" : "zh";

    private static string HtmlLang(string lang) => lang == "zh" ? "zh-Hans" : "en";

    /// <summary>What every page has: html lang, title, canonical, hreflang alternates with x-default, the switcher.</summary>
    private IDocument Common(string lang, string suffix)
    {
        var doc = site.Page($"{lang}/{suffix}index.html");
        suffix = SiteGen.Link.Slugs.EncodePath(suffix);
        Assert.Equal(HtmlLang(lang), doc.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(doc.Head);
        Assert.False(string.IsNullOrWhiteSpace(doc.Title));
        Assert.Equal($"{Base}{lang}/{suffix}", doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        var alternates = doc.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href"));
        Assert.Equal($"{Base}zh/{suffix}", alternates["zh-Hans"]);
        Assert.Equal($"{Base}en/{suffix}", alternates["en"]);
        Assert.Equal($"{Base}zh/{suffix}", alternates["x-default"]);
        var switcher = doc.QuerySelector("a.lang-switch");
        Assert.Equal($"/{Other(lang)}/{suffix}", switcher?.GetAttribute("href"));
        Assert.Equal(HtmlLang(Other(lang)), switcher?.GetAttribute("hreflang"));
        Assert.Equal($"{Base}{lang}/{suffix}", doc.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        Assert.NotNull(doc.QuerySelector("meta[http-equiv=Content-Security-Policy]"));
        Assert.NotNull(doc.QuerySelector("link[rel=alternate][type='application/atom+xml']"));
        return doc;
    }

    /// <summary>What an article page has: it exists in the UI of its own language only, so no alternates; its switch leads elsewhere.</summary>
    private IDocument ArticlePage(string lang, string id, string switchTo)
    {
        Assert.False(File.Exists(Path.Combine(site.OutDir, Other(lang), "articles", id, "index.html")), $"{id} has a page in the other UI too");
        var doc = site.Page($"{lang}/articles/{id}/index.html");
        Assert.Equal(HtmlLang(lang), doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal($"{Base}{lang}/articles/{id}/", doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Empty(doc.QuerySelectorAll("link[rel=alternate][hreflang]"));
        Assert.Equal(switchTo, doc.QuerySelector("a.lang-switch")?.GetAttribute("href"));
        Assert.Equal($"{Base}{lang}/articles/{id}/", doc.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        return doc;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Home_lists_latest_articles_outlets_and_events(string lang)
    {
        var doc = Common(lang, "");
        Assert.Equal(lang == "zh" ? "测试新闻档案" : "Test News Archive", doc.QuerySelector("h1")?.TextContent);
        var latest = doc.QuerySelectorAll(".latest .article-list > li");
        Assert.Equal(3, latest.Length); // page_size: 3
        Assert.Equal("/zh/articles/epochtimes-n13900001/", latest[0].QuerySelector("a.item-title")?.GetAttribute("href")); // its one page, in both UIs' lists
        Assert.Contains(doc.QuerySelectorAll(".home-side a"), a => a.GetAttribute("href") == $"/{lang}/outlets/epochtimes/");
        Assert.Contains(doc.QuerySelectorAll(".home-side a"), a => a.GetAttribute("href") == $"/{lang}/events/xi-putin-beijing-2022/");
    }

    [Fact]
    public void Article_page_shows_everything_about_the_article()
    {
        const string lang = "zh";
        var doc = ArticlePage(lang, "epochtimes-n13555352", "/en/outlets/epochtimes/"); // no translation: the switch goes to the outlet
        var h1 = doc.QuerySelector("article h1")!;
        Assert.Equal("普京抵京出席冬奥开幕 习近平与其会晤", h1.TextContent);
        Assert.Equal("zh-Hans", h1.GetAttribute("lang"));
        Assert.Equal("zh-Hans", doc.QuerySelector(".article-body")?.GetAttribute("lang"));
        Assert.Null(doc.QuerySelector(".alt-title"));
        Assert.Equal("大纪元", doc.QuerySelector(".kicker a")?.TextContent);
        var time = doc.QuerySelector(".byline time")!;
        Assert.Equal("2022-02-04T22:22:00+08:00", time.GetAttribute("datetime"));
        Assert.Contains("UTC+08:00", time.TextContent, StringComparison.Ordinal);
        Assert.Contains("李言", doc.QuerySelector(".byline")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("高静", doc.QuerySelector(".byline")!.TextContent, StringComparison.Ordinal);
        var img = doc.QuerySelector(".lead-image img")!;
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("no-referrer", img.GetAttribute("referrerpolicy"));
        Assert.Contains("Alexei Druzhinin/Sputnik/AFP", doc.QuerySelector(".lead-image figcaption .credit")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("《环球时报》", doc.QuerySelector(".article-body strong")?.TextContent);
        // 普京 is a tag of several articles: its page; the other two name only this article: a search for them.
        Assert.Equal([$"/{lang}/tags/%E6%99%AE%E4%BA%AC/", $"/{lang}/search/?q=%E4%B9%A0%E8%BF%91%E5%B9%B3", $"/{lang}/search/?q=%E5%86%AC%E5%A5%A5%E4%BC%9A"],
            doc.QuerySelectorAll(".tags a").Select(a => a.GetAttribute("href")));
        Assert.Equal($"/{lang}/events/xi-putin-beijing-2022/", doc.QuerySelector(".events a")?.GetAttribute("href"));
        Assert.Equal("https://www.epochtimes.com/gb/22/2/4/n13555352.htm", doc.QuerySelector("a.original")?.GetAttribute("href"));
        Assert.Contains(doc.QuerySelectorAll(".sources a"), a => a.GetAttribute("href")!.StartsWith("https://github.com/gfw-breaker/", StringComparison.Ordinal));
        Assert.Null(doc.QuerySelector(".neighbours a[rel=prev]"));
        Assert.Equal($"/{lang}/articles/epochtimes-n13900001/", doc.QuerySelector(".neighbours a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("article", doc.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
        Assert.StartsWith("https://i.epochtimes.com/", doc.QuerySelector("meta[property='og:image']")?.GetAttribute("content"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_other_UI_lists_an_article_by_its_own_title_or_its_title_in_that_language_and_links_its_one_page()
    {
        var en = site.Page("en/outlets/epochtimes/index.html");
        var link = en.QuerySelectorAll(".article-list a.item-title").Single(a => a.GetAttribute("href") == "/zh/articles/epochtimes-n13555352/");
        Assert.Equal("en", link.GetAttribute("lang"));
        Assert.Contains("Putin arrives in Beijing", link.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Article_page_links_previous_in_outlet_and_translations()
    {
        const string lang = "en";
        var doc = ArticlePage(lang, "voachinese-6426608-en", "/zh/articles/voachinese-6426608/"); // the switch leads to the translation
        Assert.Equal("/zh/articles/voachinese-6426608/", doc.QuerySelector(".neighbours a[rel=prev]")?.GetAttribute("href"));
        var translation = doc.QuerySelector(".translations a")!;
        Assert.Equal("/zh/articles/voachinese-6426608/", translation.GetAttribute("href"));
        Assert.Equal("zh-Hans", translation.GetAttribute("lang"));
        Assert.Equal("en", doc.QuerySelector("article h1")?.GetAttribute("lang"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Outlets_index_and_outlet_page(string lang)
    {
        var index = Common(lang, "outlets/");
        Assert.Equal(4, index.QuerySelectorAll(".card-list > li").Length);
        var outlet = Common(lang, "outlets/epochtimes/");
        Assert.Equal(lang == "zh" ? "大纪元" : "The Epoch Times", outlet.QuerySelector("h1")?.TextContent);
        Assert.Equal(2, outlet.QuerySelectorAll(".article-list > li").Length);
        Assert.Equal($"/{lang}/outlets/epochtimes/feed.xml", outlet.QuerySelector("link[type='application/atom+xml']")?.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Events_index_and_event_page_with_its_whole_timeline(string lang)
    {
        var index = Common(lang, "events/");
        Assert.Equal(2, index.QuerySelectorAll(".card-list > li").Length);
        var page = Common(lang, "events/xi-putin-beijing-2022/");
        Assert.Equal(lang == "zh" ? "习近平与普京北京会晤" : "Xi–Putin summit in Beijing", page.QuerySelector("h1")?.TextContent);

        // One page (no pager): the timeline in UTC order, oldest first, and one column per article.
        var times = page.QuerySelectorAll(".timeline time").Select(t => t.GetAttribute("datetime") ?? "").ToArray();
        Assert.Equal(["2022-02-04T22:22:00+08:00", "2022-02-04T14:22:53+00:00", "2022-02-04T16:00:00+00:00", "2022-02-05", "2022-02-06T09:00:00-05:00"], times);
        Assert.Null(page.QuerySelector(".pager"));
        Assert.Equal(5, page.QuerySelectorAll(".columns > article.column").Length);
        Assert.Contains("cols-many", page.QuerySelector(".columns")!.ClassList);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Tags_index_and_a_chinese_tag_page(string lang)
    {
        var index = Common(lang, "tags/");
        var first = index.QuerySelector(".tag-cloud a")!;
        Assert.Equal("普京", first.TextContent);
        Assert.Equal($"/{lang}/tags/%E6%99%AE%E4%BA%AC/", first.GetAttribute("href"));
        Assert.True(File.Exists(Path.Combine(site.OutDir, lang, "tags", "普京", "index.html")));
        var tag = Common(lang, "tags/普京/");
        Assert.Equal("普京", tag.QuerySelector("h1")?.TextContent);
        Assert.Equal(3, tag.QuerySelectorAll(".article-list > li").Length);
        Assert.Equal($"/{lang}/tags/%E6%99%AE%E4%BA%AC/page/2/", tag.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Archive_by_year_and_month(string lang)
    {
        var index = Common(lang, "archive/");
        Assert.Equal([$"/{lang}/archive/2022/12/", $"/{lang}/archive/2022/02/"], index.QuerySelectorAll(".month-list a").Select(a => a.GetAttribute("href")));
        var year = Common(lang, "archive/2022/");
        Assert.Equal(lang == "zh" ? "2022年" : "2022", year.QuerySelector("h1")?.TextContent);
        var month = Common(lang, "archive/2022/02/");
        Assert.Equal(lang == "zh" ? "2022年2月" : "February 2022", month.QuerySelector("h1")?.TextContent);
        Assert.Equal(3, month.QuerySelectorAll(".article-list > li").Length);
        Common(lang, "archive/2022/02/page/2/");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Search_page_has_a_form(string lang)
    {
        var doc = Common(lang, "search/");
        var form = doc.QuerySelector("form[role=search]")!;
        Assert.Equal($"/{lang}/search/", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[type=search][name=q]"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Language_404_page(string lang)
    {
        var doc = site.Page($"{lang}/404.html");
        Assert.Equal(HtmlLang(lang), doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal($"/{lang}/", doc.QuerySelector(".notfound a")?.GetAttribute("href"));
        Assert.Equal(lang == "zh" ? "页面不存在" : "Page not found", doc.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public void Root_404_offers_both_languages()
    {
        var doc = site.Page("404.html");
        Assert.Equal(["/zh/", "/en/"], doc.QuerySelectorAll(".notfound a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(doc.QuerySelector(".notfound [lang=en]"));
        Assert.NotNull(doc.QuerySelector(".notfound [lang=zh-Hans]"));
    }

    [Fact]
    public void Root_index_sends_readers_to_zh_without_javascript()
    {
        var doc = site.Page("index.html");
        Assert.Equal("0; url=/zh/", doc.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/zh/");
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.True(File.Exists(Path.Combine(site.OutDir, ".nojekyll")));
        Assert.Contains("Sitemap: https://example.org/sitemap.xml", site.Text("robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_html_page_has_head_lang_and_charset()
    {
        foreach (var file in site.HtmlFiles)
        {
            var doc = site.Page(file);
            Assert.True(doc.DocumentElement.HasAttribute("lang"), file);
            Assert.NotNull(doc.QuerySelector("head meta[charset]"));
        }
    }
}
