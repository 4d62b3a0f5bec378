namespace SiteGen.Tests.Rendering;

[Collection(BuiltSiteGroup.Name)]
public class EscapingTests(BuiltSite site)
{
    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void A_title_with_a_script_tag_comes_out_as_text(string lang)
    {
        var doc = site.Page("en/articles/reuters-markets-summit/index.html"); // an English article: its one page, linked from both UIs
        Assert.Equal("Markets shrug off <script>alert(\"x\")</script> summit & \"deals\"", doc.QuerySelector("article h1")?.TextContent);
        Assert.StartsWith("Markets shrug off <script>", doc.Title, StringComparison.Ordinal);
        Assert.Equal("Mark <b>Editor</b>", doc.QuerySelectorAll(".byline dd")[^1].TextContent);
        Assert.Empty(doc.QuerySelectorAll(".byline b"));
        Assert.Contains("<script>alert('body')</script>", doc.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#", doc.QuerySelectorAll(".article-body a")[0].GetAttribute("href"));
        var lists = site.Page($"{lang}/outlets/reuters/index.html");
        Assert.Contains("Markets shrug off <script>", lists.QuerySelector(".article-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Investors <i>barely</i> reacted.", lists.QuerySelector(".item-summary")?.TextContent);
    }

    [Fact]
    public void No_page_has_a_script_element_but_our_own_an_event_handler_or_a_third_party_load()
    {
        foreach (var file in site.HtmlFiles)
        {
            var doc = site.Page(file);
            Assert.Empty(doc.QuerySelectorAll("iframe, object, embed"));

            // The only script is the theme's own search script, loaded from our assets, never inline.
            foreach (var script in doc.QuerySelectorAll("script"))
            {
                Assert.Equal("", script.TextContent);
                Assert.Matches("^/assets/search\\.js\\?v=[0-9a-f]{10}$", script.GetAttribute("src") ?? "");
                Assert.EndsWith("/search/index.html", file.Replace('\\', '/'), StringComparison.Ordinal);
            }

            foreach (var element in doc.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                Assert.Null(element.GetAttribute("style"));
            }

            foreach (var link in doc.QuerySelectorAll("link[rel=stylesheet], link[rel=icon]"))
            {
                Assert.StartsWith("/assets/", link.GetAttribute("href"), StringComparison.Ordinal);
            }

            foreach (var img in doc.QuerySelectorAll("img"))
            {
                Assert.Equal("lazy", img.GetAttribute("loading"));
                Assert.Equal("no-referrer", img.GetAttribute("referrerpolicy"));
            }
        }
    }

    [Fact]
    public void Templates_escape_every_printed_value_unless_the_site_made_the_html()
    {
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts"));
        File.WriteAllText(Path.Combine(content, "layouts", "search.scriban"),
            "<p id=\"a\">{{ \"<b>bold</b>\" }}</p><p id=\"b\" title=\"{{ '\"><script>x</script>' }}\">{{ page.title | string.append '<i>' }}</p>");
        var outDir = Path.Combine(TestPaths.NewTempDir(), "public");
        var result = SiteFixture.Build(outDir, content);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var doc = SiteFixture.Parse(File.ReadAllText(Path.Combine(outDir, "en", "search", "index.html")));
        Assert.Equal("<b>bold</b>", doc.QuerySelector("#a")?.TextContent);
        Assert.Equal("\"><script>x</script>", doc.QuerySelector("#b")?.GetAttribute("title"));
        Assert.Equal("Search<i>", doc.QuerySelector("#b")?.TextContent);
        Assert.Empty(doc.QuerySelectorAll("script"));
    }
}
