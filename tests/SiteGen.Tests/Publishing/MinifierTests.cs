using SiteGen.Publishing;

namespace SiteGen.Tests.Publishing;

public class MinifierTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="zh-Hans">
        <head>
          <meta charset="utf-8">
          <title>标题 &amp; &lt;script&gt;</title>
          <link rel="canonical" href="https://example.org/zh/">
          <link rel="alternate" hreflang="en" href="https://example.org/en/">
          <link rel="alternate" type="application/atom+xml" href="/zh/feed.xml">
        </head>
        <body>
          <!-- a comment -->
          <p lang="en">Hello   <b>big</b>   world &lt;script&gt;</p>
          <img src="x.jpg" alt="">
        </body>
        </html>
        """;

    [Fact]
    public void Minified_html_keeps_head_alternates_canonical_lang_and_escapes()
    {
        var html = Minifier.Html(Page);
        Assert.True(html.Length < Page.Length);
        var doc = SiteFixture.Parse(html);
        Assert.Contains("<head>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-Hans\">", html, StringComparison.Ordinal);
        Assert.Equal("https://example.org/zh/", doc.QuerySelector("head link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("https://example.org/en/", doc.QuerySelector("head link[rel=alternate][hreflang=en]")?.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector("head link[rel=alternate][type='application/atom+xml']"));
        Assert.Equal("en", doc.QuerySelector("p")?.GetAttribute("lang"));
        Assert.Equal("Hello big world <script>", doc.QuerySelector("p")?.TextContent);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Equal("", doc.QuerySelector("img")?.GetAttribute("alt"));
        Assert.DoesNotContain("a comment", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Css_is_minified()
    {
        Assert.Equal("a{color:#f00}", Minifier.Css("a {\n  color: red;\n}\n"));
    }
}

public class PagesLimitsTests
{
    [Fact]
    public void Warns_near_the_github_pages_limits_and_past_the_budget_of_one_file()
    {
        Assert.Empty(SiteBuilder.PagesLimits(new Dictionary<string, long> { ["a.html"] = 9 << 20, ["b.html"] = 9_999_999 }));
        Assert.Equal(["c.html is 47.7 MB: over the budget of 10 MB for one file (docs/publishing.md)"], SiteBuilder.PagesLimits(new Dictionary<string, long> { ["a.html"] = 9 << 20, ["c.html"] = 50_000_000 }));
        var warnings = SiteBuilder.PagesLimits(new Dictionary<string, long> { ["big.xml"] = 85L << 20, ["a.html"] = 800L << 20 }).ToArray();
        Assert.Equal(3, warnings.Length);
        Assert.Contains(warnings, w => w.StartsWith("big.xml is 85.0 MB", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("the site is 885 MB", StringComparison.Ordinal));
    }
}
