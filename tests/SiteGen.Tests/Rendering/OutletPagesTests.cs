namespace SiteGen.Tests.Rendering;

/// <summary>An outlet described but without articles is not published: no page, no feed, no sitemap entry, no card.</summary>
public class OutletPagesTests
{
    [Fact]
    public void An_outlet_without_articles_has_no_page_feed_or_sitemap_entry()
    {
        var content = SiteFixture.CopyContent();
        File.WriteAllText(Path.Combine(content, "outlets", "quietnews.yml"), "id: quietnews\nname_zh: 静默新闻\nname_en: Quiet News\nhome: https://quiet.example.org/\ndomains: [quiet.example.org]\nlang: en\n");
        var outDir = Path.Combine(Path.GetDirectoryName(content)!, "public");

        var result = SiteFixture.Build(outDir, content, "https://example.org/");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        foreach (var lang in new[] { "zh", "en" })
        {
            Assert.False(Directory.Exists(Path.Combine(outDir, lang, "outlets", "quietnews")), $"{lang}: a page for an outlet without articles");
            Assert.DoesNotContain("quietnews", File.ReadAllText(Path.Combine(outDir, lang, "outlets", "index.html")), StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(outDir, lang, "outlets", "epochtimes")));
        }

        Assert.DoesNotContain("quietnews", File.ReadAllText(Path.Combine(outDir, "sitemap-1.xml")), StringComparison.Ordinal);
    }
}
