using SiteGen.Publishing;

namespace SiteGen.Tests.Publishing;

/// <summary>The published bytes against GitHub Pages' limits: per article, projected at 50,000, and what --strict refuses.</summary>
public class SiteBudgetTests
{
    [Fact]
    public void Bytes_per_article_leave_out_the_fixed_files_and_the_projection_adds_them_once()
    {
        var budget = new SiteBudget(Articles: 2_000, Files: 9_000, Bytes: (2_000 * 30_000L) + 500_000, FixedBytes: 500_000);

        Assert.Equal(30_000, budget.BytesPerArticle);
        Assert.Equal(500_000 + (30_000L * 50_000), budget.Projected);
        Assert.Contains("29.3 KB per article (2,000 articles)", budget.Summary(), StringComparison.Ordinal);
        Assert.Contains(budget.Warnings(), w => w.Contains("would pass GitHub Pages' 1 GB at about 35,774 articles", StringComparison.Ordinal));
    }

    [Fact]
    public void Over_the_budget_but_under_the_limit_warns_of_the_budget_and_a_small_archive_not_at_all()
    {
        Assert.Contains("over the budget of 20 KB", Assert.Single(new SiteBudget(2_000, 9_000, 2_000 * 21_000L, 0).Warnings()), StringComparison.Ordinal);
        Assert.Empty(new SiteBudget(2_000, 9_000, 2_000 * 19_000L, 0).Warnings());
        Assert.Empty(new SiteBudget(70, 300, 70 * 60_000L, 0).Warnings()); // the shipped archive: fixed files dominate, nothing to project
    }

    [Fact]
    public void A_limit_passed_is_marked_for_strict_and_a_limit_neared_is_not()
    {
        var checks = SiteBuilder.PagesLimitChecks(new Dictionary<string, long> { ["big.xml"] = 11_000_000, ["near.xml"] = 85L << 20, ["over.bin"] = 101L << 20, ["small.xml"] = 9_000_000 }, 900L << 20).ToArray();

        Assert.Equal([("big.xml", false), ("near.xml", false), ("over.bin", true), ("the site", false)], checks.Select(c => (c.Message.Split(' ')[0] == "the" ? "the site" : c.Message.Split(' ')[0], c.Passed)));
        Assert.Contains("over the budget of 10 MB", checks[0].Message, StringComparison.Ordinal);
        Assert.True(SiteBuilder.PagesLimitChecks([], (1L << 30) + 1).Single().Passed);
    }

    [Fact]
    public void The_fixed_part_is_the_assets_and_the_root_files_but_the_sitemaps()
    {
        var outDir = TestPaths.NewTempDir();
        Directory.CreateDirectory(Path.Combine(outDir, "assets"));
        Directory.CreateDirectory(Path.Combine(outDir, "zh"));
        File.WriteAllBytes(Path.Combine(outDir, "assets", "site.css"), new byte[1000]);
        File.WriteAllBytes(Path.Combine(outDir, "index.html"), new byte[200]);
        File.WriteAllBytes(Path.Combine(outDir, "sitemap-1.xml"), new byte[5000]);
        File.WriteAllBytes(Path.Combine(outDir, "zh", "index.html"), new byte[3000]);

        var budget = SiteBudget.Of(new BuildResult(10, 4, 4, 9200, TimeSpan.Zero, [], []), outDir);

        Assert.Equal(1200, budget.FixedBytes);
        Assert.Equal(800, budget.BytesPerArticle);
    }
}
