using System.Xml.Linq;
using SiteGen.Publishing;
using SiteGen.Rendering;

namespace SiteGen.Tests.Publishing;

/// <summary>The sitemap's files on the built fixture site's own pages, cut small enough to need several.</summary>
[Collection(BuiltSiteGroup.Name)]
public class SitemapsTests(BuiltSite site)
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    // The built sitemap's urls, and its pages as entries: a page with alternates once (by its zh url), a page of one UI as itself.
    private (string[] Locs, SitemapEntry[] Entries) Built()
    {
        var urls = XDocument.Load(Path.Combine(site.OutDir, "sitemap-1.xml")).Descendants(Sm + "url").ToArray();
        var entries = new List<SitemapEntry>();
        foreach (var url in urls)
        {
            var path = Uri.UnescapeDataString(new Uri(url.Element(Sm + "loc")!.Value).AbsolutePath.TrimStart('/'));
            var (lang, suffix) = (path[..2], path[3..]);
            if (!url.Elements(Xhtml + "link").Any())
            {
                entries.Add(new SitemapEntry(suffix, lang));
            }
            else if (lang == "zh")
            {
                entries.Add(new SitemapEntry(suffix));
            }
        }

        return ([.. urls.Select(u => u.Element(Sm + "loc")!.Value)], [.. entries]);
    }

    [Fact]
    public void Files_hold_at_most_their_url_count_and_together_every_page_once_in_order()
    {
        var (built, entries) = Built();
        Assert.True(entries.Length > 20, $"{entries.Length} pages");
        Assert.Contains(entries, e => e.OnlyIn is "zh" && e.Suffix.StartsWith("articles/", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.OnlyIn is "en" && e.Suffix.StartsWith("articles/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.OnlyIn is null && e.Suffix.StartsWith("articles/", StringComparison.Ordinal));
        var sitemaps = new Sitemaps(new SiteUrls(new Uri(built[0]).GetLeftPart(UriPartial.Authority) + "/"), entries, "zh", "2024-01-02", maxUrlsPerFile: 10);

        var locs = new List<string>();
        for (var i = 0; i < sitemaps.Parts.Count; i++)
        {
            var urls = XDocument.Parse(System.Text.Encoding.UTF8.GetString(sitemaps.Part(i))).Root!.Elements(Sm + "url").ToArray();
            // Full up to a page of both UIs that would not fit (its two urls never split across files); the last may be short.
            Assert.InRange(urls.Length, i == sitemaps.Parts.Count - 1 ? 1 : 9, 10);
            locs.AddRange(urls.Select(u => u.Element(Sm + "loc")!.Value));
        }

        Assert.Equal(built, locs);
    }

    [Fact]
    public void The_index_lists_every_file_with_the_newest_date()
    {
        var sitemaps = new Sitemaps(new SiteUrls("https://example.org/repo/"), Built().Entries, "en", "2024-01-02", maxUrlsPerFile: 50);
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
