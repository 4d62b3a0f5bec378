using System.Text;
using System.Xml;
using SiteGen.Rendering;

namespace SiteGen.Publishing;

/// <summary>
/// The sitemap as the protocol allows it at any size: <c>sitemap.xml</c> is an index of files
/// <c>sitemap-1.xml</c>, <c>sitemap-2.xml</c>… of at most 50,000 URLs (sitemaps.org) and 10 MB each (the
/// site's own budget: no file over 10 MB, issue 20; sitemaps.org allows 50 MB),
/// every page in each language it exists in, with <c>hreflang</c> alternates where it exists in both. The
/// index's <c>lastmod</c> is the newest article's date, never the clock, so two builds give the same bytes.
/// </summary>
public sealed class Sitemaps
{
    public const string IndexPath = "sitemap.xml";
    public const int MaxUrlsPerFile = 50_000;
    public const long MaxBytesPerFile = 10_000_000;
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    // Room kept under 10 MB for what the estimate of an entry leaves out (indentation, the file's head).
    private const long ByteMargin = 1024 * 1024;

    private readonly SiteUrls _urls;
    private readonly string _defaultLang;

    /// <param name="suffixes">The pages: site paths under the language prefix (<c>tags/x/</c>), each a page in every
    /// language unless it names the one it is in (an article's).</param>
    /// <param name="lastmod">W3C date (<c>2024-03-01</c>) of the newest content, or null for none.</param>
    public Sitemaps(SiteUrls urls, IReadOnlyList<SitemapEntry> suffixes, string defaultLang, string? lastmod, int maxUrlsPerFile = MaxUrlsPerFile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUrlsPerFile, SitePages.Languages.Length);
        (_urls, _defaultLang, LastModified) = (urls, defaultLang, lastmod);
        Parts = Split(suffixes, maxUrlsPerFile);
    }

    /// <summary>The pages each file lists, in order; at least one file, empty when the site has no page.</summary>
    public IReadOnlyList<SitemapEntry[]> Parts { get; }

    public string? LastModified { get; }

    /// <summary>Every file's site path: the parts, then the index.</summary>
    public IEnumerable<string> Paths => Enumerable.Range(0, Parts.Count).Select(PartPath).Append(IndexPath);

    /// <summary>The newest article's date as the sitemap's <c>lastmod</c>, or null for a site without articles.</summary>
    public static string? Newest(IEnumerable<Model.Article> articles) =>
        articles.Select(a => a.Published.Value).DefaultIfEmpty().Max() is var newest && newest != default
            ? newest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static string PartPath(int index) => $"sitemap-{index + 1}.xml";

    /// <summary>The index: every part with the newest content's date.</summary>
    public byte[] Index()
    {
        return Write(w =>
        {
            w.WriteStartElement("sitemapindex", SitemapNs);
            for (var i = 0; i < Parts.Count; i++)
            {
                w.WriteStartElement("sitemap", SitemapNs);
                w.WriteElementString("loc", SitemapNs, _urls.Absolute(PartPath(i)));
                if (LastModified is not null)
                {
                    w.WriteElementString("lastmod", SitemapNs, LastModified);
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
    }

    /// <summary>One file of the sitemap: its suffixes' pages in every language, with their alternates.</summary>
    public byte[] Part(int index)
    {
        return Write(w =>
        {
            w.WriteStartElement("urlset", SitemapNs);
            w.WriteAttributeString("xmlns", "xhtml", null, XhtmlNs);
            foreach (var entry in Parts[index])
            {
                foreach (var lang in entry.Languages)
                {
                    WriteUrl(w, lang, entry);
                }
            }

            w.WriteEndElement();
        });
    }

    private void WriteUrl(XmlWriter w, string lang, SitemapEntry entry)
    {
        var suffix = entry.Suffix;
        w.WriteStartElement("url", SitemapNs);
        w.WriteElementString("loc", SitemapNs, _urls.Absolute($"{lang}/{suffix}"));
        foreach (var (hreflang, alternateLang) in Alternates(entry))
        {
            w.WriteStartElement("xhtml", "link", XhtmlNs);
            w.WriteAttributeString("rel", "alternate");
            w.WriteAttributeString("hreflang", hreflang);
            w.WriteAttributeString("href", _urls.Absolute($"{alternateLang}/{suffix}"));
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private (string HrefLang, string Lang)[] Alternates(SitemapEntry entry) =>
        entry.OnlyIn is null ? [("zh-Hans", "zh"), ("en", "en"), ("x-default", _defaultLang)] : [];

    // Files are cut by URL count, and before 10 MB by an upper bound of each entry's bytes (its
    // addresses as escaped UTF-8 plus the markup around them), so no file is written twice.
    private List<SitemapEntry[]> Split(IReadOnlyList<SitemapEntry> entries, int maxUrls)
    {
        var parts = new List<SitemapEntry[]>();
        var current = new List<SitemapEntry>();
        var (urls, bytes) = (0, 0L);
        foreach (var entry in entries)
        {
            var size = EntryBytes(entry);
            if (current.Count > 0 && (urls + entry.Languages.Count > maxUrls || bytes + size > MaxBytesPerFile - ByteMargin))
            {
                parts.Add([.. current]);
                (current, urls, bytes) = ([], 0, 0);
            }

            current.Add(entry);
            urls += entry.Languages.Count;
            bytes += size;
        }

        parts.Add([.. current]);
        return parts;
    }

    private long EntryBytes(SitemapEntry entry)
    {
        var suffix = entry.Suffix;
        const int MarkupPerUrl = 120;  // <url><loc></loc>, and per alternate <xhtml:link rel="alternate" hreflang="…" href=""/>
        const int MarkupPerLink = 70;
        long total = 0;
        foreach (var lang in entry.Languages)
        {
            total += MarkupPerUrl + EscapedLength(_urls.Absolute($"{lang}/{suffix}"));
            foreach (var (_, alternateLang) in Alternates(entry))
            {
                total += MarkupPerLink + EscapedLength(_urls.Absolute($"{alternateLang}/{suffix}"));
            }
        }

        return total;
    }

    // At most five bytes for a character XML escapes (&amp;), else its UTF-8 bytes.
    private static int EscapedLength(string text) => Encoding.UTF8.GetByteCount(text) + (4 * text.Count(c => c is '&' or '<' or '>' or '"' or '\''));

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = " ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        }))
        {
            w.WriteStartDocument();
            body(w);
            w.WriteEndDocument();
        }

        return stream.ToArray();
    }
}

/// <summary>A page of the sitemap: its path under the language prefix, and the one UI it exists in, or null for every UI.</summary>
public sealed record SitemapEntry(string Suffix, string? OnlyIn = null)
{
    public IReadOnlyList<string> Languages => OnlyIn is null ? SitePages.Languages : [OnlyIn];
}
