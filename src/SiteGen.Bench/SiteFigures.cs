using System.Globalization;
using System.Xml.Linq;
using SiteGen.Publishing;

namespace SiteGen.Bench;

/// <summary>
/// The published bytes of a built site against the budget of issue 20, as the bench prints them beside
/// its timings: bytes per article and the size projected at 50,000 (<see cref="SiteBudget"/>, what
/// <c>sitegen build</c> prints), the largest file, and the sitemap files with their URLs.
/// </summary>
public static class SiteFigures
{
    public static string Budget(string siteDir, int articles)
    {
        var files = Directory.EnumerateFiles(siteDir, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToList();
        var budget = SiteBudget.Of(new BuildResult(articles, 0, files.Count, files.Sum(f => f.Length), TimeSpan.Zero, [], []), siteDir);
        var largest = files.MaxBy(f => f.Length);
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sitemaps = files.Where(f => f.Directory?.FullName == new DirectoryInfo(siteDir).FullName && f.Name.StartsWith("sitemap-", StringComparison.Ordinal)).ToList();
        var urls = sitemaps.Select(f => XDocument.Load(f.FullName).Root!.Elements(sm + "url").Count()).DefaultIfEmpty(0).Max();
        var within = budget.BytesPerArticle <= SiteBudget.BytesPerArticleBudget ? "within" : "over";
        return string.Create(CultureInfo.InvariantCulture,
            $"{budget.Summary()}; {within} the budget of {SiteBudget.BytesPerArticleBudget / 1024} KB per article; largest file {Path.GetRelativePath(siteDir, largest?.FullName ?? siteDir)} ({(largest?.Length ?? 0) / 1048576.0:F1} MB); {sitemaps.Count} sitemap files, at most {urls:N0} URLs and {sitemaps.Select(f => f.Length).DefaultIfEmpty(0).Max() / 1048576.0:F1} MB each");
    }
}
