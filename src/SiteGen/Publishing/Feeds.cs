using System.Globalization;
using System.Text;
using System.Xml;
using SiteGen.Model;
using SiteGen.Rendering;

namespace SiteGen.Publishing;

/// <summary>
/// Atom feeds (RFC 4287), written with <see cref="XmlWriter"/> so they are always
/// well-formed. Dates come from the articles, never from the clock, so two builds give the same bytes.
/// The site's feed of each UI carries every entry's body as <c>content</c>; an outlet's or an event's
/// feed carries a <c>summary</c> (the article's own, else the start of its body) and the link: the
/// bodies in every outlet and event feed of both UIs were 23 % of a real-text archive's bytes, each
/// body written up to five times more (issue 20: a body is published once).
/// </summary>
public static partial class Feeds
{
    public const int MaxEntries = 50;

    /// <summary>Length of the summary an entry gets from its body, in display columns (as search excerpts).</summary>
    public const int SummaryColumns = 300;
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    private static XmlWriterSettings Settings => new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = " ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <param name="feedPath">Site path of the feed itself (<c>zh/outlets/x/feed.xml</c>).</param>
    /// <param name="pagePath">Site path of the HTML page the feed belongs to (<c>zh/outlets/x/</c>).</param>
    public static byte[] Atom(SitePages pages, string lang, string feedPath, string pagePath, string title, string? subtitle, IEnumerable<Article> newestFirst)
    {
        var urls = pages.Urls;
        var entries = newestFirst.Take(MaxEntries).ToArray();
        var withBodies = feedPath == $"{lang}/feed.xml";
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", AtomNs);
            w.WriteAttributeString("xml", "lang", null, SitePages.HtmlLang(lang));
            w.WriteElementString("id", AtomNs, urls.Absolute(pagePath));
            w.WriteElementString("title", AtomNs, title);
            if (!string.IsNullOrWhiteSpace(subtitle))
            {
                w.WriteElementString("subtitle", AtomNs, subtitle);
            }

            w.WriteElementString("updated", AtomNs, Instant(entries.Length > 0 ? entries.Max(e => e.Published) : PublishedDate.FromDate(2000, 1, 1)));
            Link(w, "self", urls.Absolute(feedPath), "application/atom+xml");
            Link(w, "alternate", urls.Absolute(pagePath), "text/html");
            w.WriteStartElement("author", AtomNs);
            w.WriteElementString("name", AtomNs, pages.SiteTitle(lang));
            w.WriteElementString("uri", AtomNs, urls.Absolute($"{lang}/"));
            w.WriteEndElement();
            w.WriteElementString("generator", AtomNs, "SiteGen");

            foreach (var article in entries)
            {
                var view = pages.View(article, lang);
                var url = urls.Absolute(pages.ArticlePath(article));
                w.WriteStartElement("entry", AtomNs);
                w.WriteAttributeString("xml", "lang", null, article.Lang);
                w.WriteElementString("id", AtomNs, url);
                w.WriteElementString("title", AtomNs, view.AltTitle is null ? view.Title : $"{view.AltTitle} — {view.Title}");
                w.WriteElementString("published", AtomNs, Instant(article.Published));
                w.WriteElementString("updated", AtomNs, Instant(article.Published));
                Link(w, "alternate", url, "text/html");
                if (view.OriginalUrl is { } original)
                {
                    Link(w, "via", original, "text/html");
                }

                var authors = article.Authors.Count > 0 ? article.Authors : [view.Outlet.Title];
                foreach (var author in authors)
                {
                    w.WriteStartElement("author", AtomNs);
                    w.WriteElementString("name", AtomNs, author);
                    w.WriteEndElement();
                }

                w.WriteStartElement("category", AtomNs);
                w.WriteAttributeString("term", article.Outlet);
                w.WriteAttributeString("label", view.Outlet.Title);
                w.WriteEndElement();
                foreach (var tag in view.Tags)
                {
                    w.WriteStartElement("category", AtomNs);
                    w.WriteAttributeString("term", tag.Title);
                    w.WriteEndElement();
                }

                if (!string.IsNullOrWhiteSpace(article.Summary))
                {
                    w.WriteElementString("summary", AtomNs, article.Summary);
                }
                else if (!withBodies)
                {
                    w.WriteElementString("summary", AtomNs, Search.SearchIndexWriter.Excerpt(TextOf(view.Body.Html), SummaryColumns));
                }

                if (withBodies)
                {
                    w.WriteStartElement("content", AtomNs);
                    w.WriteAttributeString("type", "html");
                    w.WriteString(view.Body.Html);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>The text of a rendered body (Markdig's own markup: tags dropped, entities decoded).</summary>
    private static string TextOf(string html) => System.Net.WebUtility.HtmlDecode(Tag().Replace(html, " "));

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tag();

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", AtomNs);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    private static string Instant(PublishedDate date) =>
        date.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
