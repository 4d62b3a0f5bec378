using System.Globalization;

namespace SiteGen.Publishing;

/// <summary>
/// The published bytes of a build against what GitHub Pages allows: bytes per article and the size the
/// archive would have at <see cref="ProjectedArticles"/> articles. The model is linear: the files that do
/// not grow with the archive (<c>assets/</c> and the files at the root but the sitemaps) are the fixed part,
/// everything else is divided among the articles. Lists grow a little slower than that and the search
/// index a little faster (more distinct terms), so it is an estimate, printed as one. Budget: 20 KB per
/// article (docs/publishing.md), so that 50,000 articles fit in GitHub Pages' 1 GB.
/// </summary>
public sealed record SiteBudget(int Articles, int Files, long Bytes, long FixedBytes)
{
    public const int ProjectedArticles = 50_000;
    public const long BytesPerArticleBudget = 20 * 1024;

    // Below this many articles the fixed files and list pages dominate, and a projection says nothing.
    public const int MinArticlesToProject = 1_000;

    public long BytesPerArticle => Articles == 0 ? 0 : (Bytes - FixedBytes) / Articles;

    public long Projected => FixedBytes + (BytesPerArticle * ProjectedArticles);

    /// <summary>Measures the published folder: its total from the build, the fixed part from the folder itself.</summary>
    public static SiteBudget Of(BuildResult result, string outDir) =>
        new(result.Articles, result.Files, result.Bytes, FixedPart(outDir));

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"size: {Bytes / 1048576.0:F1} MB in {Files:N0} files, {BytesPerArticle / 1024.0:F1} KB per article ({Articles:N0} articles) → {Projected / 1073741824.0:F2} GB projected at {ProjectedArticles:N0} articles (GitHub Pages publishes at most 1 GB)");

    /// <summary>The budget's warnings: a projection over 1 GB or over 20 KB per article, once the archive is large enough to tell.</summary>
    public IEnumerable<string> Warnings()
    {
        if (Articles < MinArticlesToProject)
        {
            yield break;
        }

        if (Projected > SiteBuilder.SiteLimit)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"at {BytesPerArticle / 1024.0:F1} KB per article the site would pass GitHub Pages' 1 GB at about {(SiteBuilder.SiteLimit - FixedBytes) / Math.Max(1, BytesPerArticle):N0} articles");
        }
        else if (BytesPerArticle > BytesPerArticleBudget)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{BytesPerArticle / 1024.0:F1} KB per article is over the budget of {BytesPerArticleBudget / 1024} KB (docs/publishing.md)");
        }
    }

    private static long FixedPart(string outDir)
    {
        var root = new DirectoryInfo(outDir);
        if (!root.Exists)
        {
            return 0;
        }

        var rootFiles = root.EnumerateFiles().Where(f => !f.Name.StartsWith("sitemap", StringComparison.Ordinal)).Sum(f => f.Length);
        var assets = new DirectoryInfo(Path.Combine(outDir, "assets"));
        return rootFiles + (assets.Exists ? assets.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0);
    }
}
