using SiteGen.Bench;

namespace SiteGen.Tests.Bench;

/// <summary>The budget line the bench prints for a built site: the build's own size figures, the largest file, the sitemap files.</summary>
public class SiteFiguresTests
{
    [Fact]
    public void The_budget_line_of_the_shipped_archive_names_its_size_largest_file_and_sitemaps()
    {
        var site = Path.Combine(TestPaths.NewTempDir(), "public");
        var result = SiteFixture.Build(site);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var largest = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).MaxBy(f => f.Length)!;

        var line = SiteFigures.Budget(site, result.Articles);

        Assert.StartsWith($"size: ", line, StringComparison.Ordinal);
        Assert.Contains($"({result.Articles:N0} articles)", line, StringComparison.Ordinal);
        Assert.Contains($"largest file {Path.GetRelativePath(site, largest.FullName)} ", line, StringComparison.Ordinal);
        Assert.Contains("1 sitemap files, at most ", line, StringComparison.Ordinal);
        Assert.Contains("over the budget of 20 KB per article", line, StringComparison.Ordinal); // 69 articles: the fixed pages dominate
    }
}
