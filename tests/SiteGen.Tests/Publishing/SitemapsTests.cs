using System.Xml.Linq;
using SiteGen.Publishing;
using SiteGen.Rendering;

namespace SiteGen.Tests.Publishing;

/// <summary>The sitemap's files on the built fixture site's own pages, cut small enough to need several.</summary>
[Collection(BuiltSiteGroup.Name)]
public class SitemapsTests(BuiltSite site)
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    // The suffixes the build put in its sitemap, in its order: the zh pages' paths under /zh/.
    private string[] BuiltSuffixes() =>
        XDocument.Load(Path.Combine(site.OutDir, "sitemap-1.xml")).Descendants(Sm + "loc")
            .Select(l => new Uri(l.Value).AbsolutePath)
            .Where(p => p.StartsWith("/zh/", StringComparison.Ordinal))
            .Select(p => Uri.UnescapeDataString(p["/zh/".Length..]))
            .ToArray();

    [Fact]
    public void Files_hold_at_most_their_url_count_and_together_every_page_once_in_order()
    {
        var suffixes = BuiltSuffixes();
        Assert.True(suffixes.Length > 30, $"{suffixes.Length} pages");
        var sitemaps = new Sitemaps(new SiteUrls("https://example.org/"), suffixes, "zh", "2024-01-02", maxUrlsPerFile: 10);

        var locs = new List<string>();
        for (var i = 0; i < sitemaps.Parts.Count; i++)
        {
            var urls = XDocument.Parse(System.Text.Encoding.UTF8.GetString(sitemaps.Part(i))).Root!.Elements(Sm + "url").ToArray();
            Assert.InRange(urls.Length, 1, 10);
            locs.AddRange(urls.Select(u => u.Element(Sm + "loc")!.Value));
        }

        Assert.Equal((suffixes.Length * 2 + 9) / 10, sitemaps.Parts.Count);
        Assert.Equal(suffixes.SelectMany(s => new[] { $"zh/{s}", $"en/{s}" }).Select(new SiteUrls("https://example.org/").Absolute), locs);
    }

    [Fact]
    public void The_index_lists_every_file_with_the_newest_date()
    {
        var sitemaps = new Sitemaps(new SiteUrls("https://example.org/repo/"), BuiltSuffixes(), "en", "2024-01-02", maxUrlsPerFile: 50);
        var index = XDocument.Parse(System.Text.Encoding.UTF8.GetString(sitemaps.Index())).Root!;

        Assert.Equal(Sm + "sitemapindex", index.Name);
        var entries = index.Elements(Sm + "sitemap").ToArray();
        Assert.Equal(Enumerable.Range(1, sitemaps.Parts.Count).Select(n => $"https://example.org/repo/sitemap-{n}.xml"), entries.Select(e => e.Element(Sm + "loc")!.Value));
        Assert.All(entries, e => Assert.Equal("2024-01-02", e.Element(Sm + "lastmod")!.Value));
        Assert.Equal([.. Enumerable.Range(1, sitemaps.Parts.Count).Select(n => $"sitemap-{n}.xml"), "sitemap.xml"], sitemaps.Paths);
    }

    [Fact]
    public void A_site_without_pages_has_one_empty_file_and_no_date()
    {
        var sitemaps = new Sitemaps(new SiteUrls("https://example.org/"), [], "zh", Sitemaps.Newest([]));

        Assert.Null(sitemaps.LastModified);
        Assert.Empty(XDocument.Parse(System.Text.Encoding.UTF8.GetString(sitemaps.Part(0))).Root!.Elements());
        Assert.DoesNotContain("lastmod", System.Text.Encoding.UTF8.GetString(sitemaps.Index()), StringComparison.Ordinal);
    }
}
