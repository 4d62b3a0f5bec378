using System.Xml.Linq;
using SiteGen.Bench;
using SiteGen.Publishing;

namespace SiteGen.Tests.Publishing;

/// <summary>
/// Issue 20's budget on the scale it is about: 50,000 articles of real text (the bench's generator,
/// drawing on ../shared) built as `sitegen build` builds them, within GitHub Pages' limits. About five
/// minutes and 3 GB on two cores, so it is not part of the default run: `scripts/test.sh --large`
/// (or SITEGEN_LARGE=1) runs it; `sitegen bench --large` prints the same figures.
/// </summary>
[Trait("Needs", "shared")]
[Trait("Size", "large")]
public class LargeArchiveBudgetTests
{
    private const int Articles = 50_000;

    [Fact]
    public void A_50000_article_real_text_archive_fits_github_pages_with_20_kb_per_article()
    {
        var dir = TestPaths.NewTempDir();
        var content = Path.Combine(dir, "content");
        var site = Path.Combine(dir, "public");
        ArchiveWriter.WriteContent(new ArchiveGenerator(new ArchiveSpec(Articles, 42)), content);

        var result = SiteBuilder.Build(new BuildOptions(content, site) { ThemesDir = SiteFixture.ThemesDir });

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(20)));
        Assert.Equal(Articles, result.Articles);
        var files = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToList();
        var budget = SiteBudget.Of(result, site);
        Console.WriteLine(SiteFigures.Budget(site, result.Articles));
        Assert.True(budget.BytesPerArticle <= SiteBudget.BytesPerArticleBudget, budget.Summary());
        Assert.True(files.Sum(f => f.Length) < 1L << 30, budget.Summary());
        var largest = files.MaxBy(f => f.Length)!;
        Assert.True(largest.Length <= 10_000_000, $"{largest.FullName}: {largest.Length:N0} bytes");
        Assert.True(files.Count <= 2.5 * Articles, $"{files.Count:N0} files for {Articles:N0} articles"); // about two files an article: grows linearly

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var index = XDocument.Load(Path.Combine(site, "sitemap.xml")).Root!;
        Assert.Equal(sm + "sitemapindex", index.Name);
        var entries = index.Elements(sm + "sitemap").ToList();
        Assert.All(entries, s => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", s.Element(sm + "lastmod")?.Value ?? ""));
        var parts = entries.Select(s => new Uri(s.Element(sm + "loc")!.Value).AbsolutePath.TrimStart('/')).ToList();
        Assert.True(parts.Count >= 2, "50,000 articles in both UIs need more than one sitemap file");
        foreach (var part in parts)
        {
            var file = new FileInfo(Path.Combine(site, part));
            var urls = XDocument.Load(file.FullName).Root!.Elements(sm + "url").ToList();
            Assert.InRange(urls.Count, 1, 50_000);
            Assert.True(file.Length <= 50L * 1024 * 1024, $"{part}: {file.Length:N0} bytes");
        }
    }
}
