using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace SiteGen.Tests.Publishing;

[Collection(BuiltSiteGroup.Name)]
public class FeedAndSitemapTests(BuiltSite site)
{
    private SyndicationFeed Feed(string relativePath)
    {
        using var reader = XmlReader.Create(Path.Combine(site.OutDir, relativePath));
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), relativePath);
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    [Theory]
    [InlineData("zh", "测试新闻档案")]
    [InlineData("en", "Test News Archive")]
    public void Site_feed_is_valid_atom_newest_first(string lang, string title)
    {
        var feed = Feed($"{lang}/feed.xml");
        Assert.Equal(title, feed.Title.Text);
        Assert.Equal(7, feed.Items.Count());
        var first = feed.Items.First();
        Assert.Equal("https://example.org/zh/articles/epochtimes-n13900001/", first.Id); // the article's one page, in both UIs' feeds
        Assert.Equal(new DateTimeOffset(2022, 12, 31, 3, 10, 0, TimeSpan.FromHours(8)), first.PublishDate);
        Assert.Equal(new DateTimeOffset(2022, 12, 31, 3, 10, 0, TimeSpan.FromHours(8)), feed.LastUpdatedTime);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsoluteUri == $"https://example.org/{lang}/feed.xml");
        var markets = feed.Items.Single(i => i.Id.EndsWith("reuters-markets-summit/", StringComparison.Ordinal));
        Assert.Equal("Markets shrug off <script>alert(\"x\")</script> summit & \"deals\"", markets.Title.Text);
        Assert.Contains("&lt;script&gt;", ((TextSyndicationContent)markets.Content).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh", "大纪元 · 测试新闻档案")]
    [InlineData("en", "The Epoch Times · Test News Archive")]
    public void Outlet_feed_is_valid_atom(string lang, string title)
    {
        var feed = Feed($"{lang}/outlets/epochtimes/feed.xml");
        Assert.Equal(title, feed.Title.Text);
        Assert.Equal(2, feed.Items.Count());
        Assert.All(feed.Items, i => Assert.Contains(i.Categories, c => c.Name == "epochtimes"));
        AssertSummariesOnly(feed);
    }

    /// <summary>An outlet's or event's feed gives each entry a summary and its link, not its body (the site feed has the bodies).</summary>
    private static void AssertSummariesOnly(SyndicationFeed feed) => Assert.All(feed.Items, i =>
    {
        Assert.Null(i.Content);
        Assert.False(string.IsNullOrWhiteSpace(i.Summary?.Text), i.Id);
        Assert.True(i.Summary!.Text.Length <= 320, $"{i.Id}: a summary of {i.Summary.Text.Length} characters");
        Assert.DoesNotMatch("</?(p|a|em|strong|img|h[1-6]|blockquote|figure)[ >]", i.Summary.Text); // the body's text, not its markup
        Assert.Contains(i.Links, l => l.RelationshipType == "alternate");
    });

    [Theory]
    [InlineData("zh", "习近平与普京北京会晤 · 测试新闻档案")]
    [InlineData("en", "Xi–Putin summit in Beijing · Test News Archive")]
    public void Event_feed_is_valid_atom(string lang, string title)
    {
        var feed = Feed($"{lang}/events/xi-putin-beijing-2022/feed.xml");
        Assert.Equal(title, feed.Title.Text);
        Assert.Equal(5, feed.Items.Count());
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri.AbsoluteUri == $"https://example.org/{lang}/events/xi-putin-beijing-2022/");
        AssertSummariesOnly(feed);
    }

    [Fact]
    public void Sitemap_lists_every_page_once_with_hreflang_alternates_where_both_languages_have_it()
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var index = XDocument.Load(Path.Combine(site.OutDir, "sitemap.xml")).Root!;
        Assert.Equal(sm + "sitemapindex", index.Name);
        var entry = Assert.Single(index.Elements(sm + "sitemap"));
        Assert.Equal("https://example.org/sitemap-1.xml", entry.Element(sm + "loc")!.Value);
        var newest = Feed("zh/feed.xml").Items.Max(i => i.PublishDate);
        Assert.Equal(newest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), entry.Element(sm + "lastmod")!.Value);
        var doc = XDocument.Load(Path.Combine(site.OutDir, "sitemap-1.xml"));
        var urls = doc.Root!.Elements(sm + "url").ToArray();
        var locs = urls.Select(u => u.Element(sm + "loc")!.Value).ToArray();
        Assert.Equal(locs.Length, locs.Distinct().Count());
        Assert.Contains("https://example.org/zh/", locs);
        Assert.Contains("https://example.org/zh/articles/epochtimes-n13555352/", locs);
        Assert.Contains("https://example.org/en/articles/voachinese-6426608-en/", locs);
        Assert.DoesNotContain("https://example.org/en/articles/epochtimes-n13555352/", locs);
        Assert.Contains("https://example.org/zh/tags/%E6%99%AE%E4%BA%AC/page/2/", locs);
        Assert.DoesNotContain(locs, l => l.Contains("404", StringComparison.Ordinal));
        var htmlPages = site.HtmlFiles.Count(f => f.StartsWith("zh/", StringComparison.Ordinal) || f.StartsWith("en/", StringComparison.Ordinal)) - 2;
        Assert.Equal(htmlPages, locs.Length);
        foreach (var url in urls)
        {
            var links = url.Elements(xhtml + "link").ToDictionary(l => (string)l.Attribute("hreflang")!, l => (string)l.Attribute("href")!);
            var loc = url.Element(sm + "loc")!.Value;
            if (loc.Contains("/articles/", StringComparison.Ordinal))
            {
                Assert.Empty(links); // an article page exists in one UI only
                continue;
            }

            Assert.Equal(["zh-Hans", "en", "x-default"], links.Keys);
            Assert.Contains(loc, links.Values);
            Assert.Equal(links["zh-Hans"], links["x-default"]);
        }
    }
}
