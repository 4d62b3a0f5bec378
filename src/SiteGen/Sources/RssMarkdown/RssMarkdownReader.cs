using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Model;
using SiteGen.Normalize;

namespace SiteGen.Sources.RssMarkdown;

/// <summary>
/// Reads RSS-to-Markdown dumps (duty-machine/news: VOA Chinese, DW), one feed item per file:
/// <code>
/// &lt;!--1643985543000--&gt;                      crawl time in ms: dropped
/// [title](https://www.voachinese.com/…/6426608.html)
/// ------
/// &lt;div&gt;&lt;i&gt;[author&lt;br&gt;]date&lt;/i&gt;&lt;/div&gt;     RFC 1123 or ISO 8601
/// &lt;img src="https://images.weserv.nl?url=…"&gt;&lt;div&gt;&lt;small&gt;caption (credit)&lt;/small&gt;&lt;/div&gt;   lead image
/// &lt;p&gt;…&lt;/p&gt; …                                  the article
/// &lt;br&gt;&lt;hr&gt;&lt;div&gt;获取更多RSS：…&lt;/div&gt;              feed footer: removed
/// </code>
/// See docs/formats-feeds.md for every rule and the reasons.
/// </summary>
public sealed partial class RssMarkdownReader : ISourceReader
{
    public const string FormatName = "rss-markdown";

    /// <summary>A <c>&lt;p&gt;&lt;strong&gt;…&lt;/strong&gt;&lt;/p&gt;</c> longer than this is an emphasized sentence, not a heading.</summary>
    private const int MaxHeadingLength = 40;

    private static readonly HtmlParser Parser = new();

    public string Format => FormatName;

    public int Sniff(SourceDocument document)
    {
        var head = Head().Match(document.Text);
        if (!head.Success)
        {
            return 0;
        }

        var score = 60;
        if (head.Groups["crawl"].Success)
        {
            score += 20;
        }

        var rest = document.Text.AsSpan(head.Index + head.Length).TrimStart();
        if (rest.StartsWith("<div><i>", StringComparison.Ordinal))
        {
            score += 15;
        }

        return score;
    }

    public Article Read(SourceDocument document, ReaderContext context)
    {
        var head = Head().Match(document.Text);
        if (!head.Success)
        {
            throw new SourceRejectedException("not an RSS-to-Markdown dump: no '[title](url)' line underlined with '------'", 1);
        }

        var title = UnescapeTitle(head.Groups["title"].Value);
        var url = UrlPolicy.Clean(head.Groups["url"].Value)
            ?? throw new SourceRejectedException($"the title link '{head.Groups["url"].Value}' is not an http(s) URL", document.LineOf(head.Groups["url"].Index));
        var outlet = context.Outlets.ByUrl(url)
            ?? throw new SourceRejectedException(
                $"no outlet has the domain '{new Uri(url).Host}': add it to the outlet's 'domains' in content/outlets/<id>.yml (or create that file)",
                document.LineOf(head.Groups["url"].Index));

        var bodyLine = document.LineOf(head.Index + head.Length);
        var body = Parser.ParseDocument("<!DOCTYPE html><html><body>" + document.Text[(head.Index + head.Length)..] + "</body></html>").Body!;

        var (published, authors) = ReadDateLine(body, bodyLine);
        var image = TakeLeadImage(body);
        RemoveFeedFooters(body);
        MakeFigures(body);
        SplitDoubleBreaks(body);
        PromoteBoldHeadings(body);

        var markdown = HtmlToMarkdown.Convert(body);
        if (markdown.Trim().Length == 0)
        {
            throw new SourceRejectedException("the feed item has no article text", bodyLine);
        }

        return new Article
        {
            Id = ArticleIds.Create(outlet.Id, ArticleKey(url)),
            Title = title,
            Lang = LanguageDetector.Detect(title + "\n" + body.TextContent),
            Outlet = outlet.Id,
            Published = published,
            Url = url,
            Authors = authors,
            Image = image,
            Body = markdown,
        };
    }

    /// <summary>The URL's own article number: VOA <c>/6426608.html</c>, DW <c>/a-70111745</c>; else its last segment.</summary>
    internal static string ArticleKey(string url)
    {
        var path = new Uri(url).AbsolutePath.TrimEnd('/');
        var number = TrailingNumber().Match(path);
        if (number.Success)
        {
            return number.Groups[1].Value;
        }

        var last = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        return ArticleIds.Sanitize(last).Length > 0 ? last : ArticleIds.Sanitize(url);
    }

    private static string UnescapeTitle(string title) =>
        WebUtility.HtmlDecode(MarkdownEscape().Replace(title, "$1")).Trim();

    /// <summary>
    /// The first block is <c>&lt;div&gt;&lt;i&gt;[author&lt;br&gt;]date&lt;/i&gt;&lt;/div&gt;</c>: the date is the
    /// last line, lines before it are the reporter (DW). The block leaves the body.
    /// </summary>
    private static (PublishedDate Date, List<string> Authors) ReadDateLine(IElement body, int line)
    {
        var block = body.FirstElementChild;
        var italic = block is { LocalName: "div" } ? block.FirstElementChild : null;
        if (block is null || italic is not { LocalName: "i" })
        {
            throw new SourceRejectedException("no date line ('<div><i>date</i></div>') after the title", line);
        }

        var lines = new List<string>();
        var current = "";
        foreach (var node in italic.ChildNodes)
        {
            if (node is IElement { LocalName: "br" })
            {
                lines.Add(current);
                current = "";
            }
            else
            {
                current += node.TextContent;
            }
        }

        lines.Add(current);
        lines = lines.Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || !FeedDate.TryParse(lines[^1], out var date))
        {
            throw new SourceRejectedException($"the date line '{italic.TextContent.Trim()}' is not an RFC 1123 or ISO 8601 date", line);
        }

        block.Remove();
        return (date, lines.SkipLast(1).ToList());
    }

    /// <summary>
    /// The lead image (or a lead video's poster frame) and the <c>&lt;div&gt;&lt;small&gt;</c> caption after
    /// it become <see cref="Article.Image"/> and leave the body; a trailing bracket is the credit.
    /// </summary>
    private static ArticleImage? TakeLeadImage(IElement body)
    {
        var lead = body.FirstElementChild;
        if (lead is null || lead.LocalName is not ("img" or "video") || !OnlyWhitespaceBefore(lead))
        {
            return null;
        }

        var src = UrlPolicy.Clean(lead.LocalName == "img" ? lead.GetAttribute("src") : lead.GetAttribute("poster"));
        if (src is null)
        {
            return null;
        }

        var captionBlock = CaptionAfter(lead);
        lead.Remove();
        if (captionBlock is null)
        {
            return new ArticleImage(src);
        }

        var captionText = Spaces().Replace(captionBlock.TextContent, " ").Trim();
        captionBlock.Remove();
        var (caption, credit) = CaptionCredit.Split(captionText);
        return new ArticleImage(src, caption.Length > 0 ? caption : null, credit);
    }

    private static bool OnlyWhitespaceBefore(INode node)
    {
        for (var n = node.PreviousSibling; n is not null; n = n.PreviousSibling)
        {
            if (n is IElement || n.TextContent.Trim().Length > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The <c>&lt;div&gt;&lt;small&gt;caption&lt;/small&gt;&lt;/div&gt;</c> right after a media element, or null.</summary>
    private static IElement? CaptionAfter(IElement media)
    {
        for (var n = media.NextSibling; n is not null; n = n.NextSibling)
        {
            if (n is IElement { LocalName: "div" } div && div.Children.Length == 1 && div.Children[0].LocalName == "small"
                && div.TextContent.Trim() == div.Children[0].TextContent.Trim())
            {
                return div;
            }

            if (n is IElement || n.TextContent.Trim().Length > 0)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Removes what the feed service or the outlet appends to every item: feedx's
    /// <c>&lt;hr&gt;&lt;div&gt;获取更多RSS：…&lt;/div&gt;</c> (with the breaks before it) and DW's
    /// <c>© 2024 年德国之声版权声明…</c> paragraph.
    /// </summary>
    private static void RemoveFeedFooters(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("div, p").ToList())
        {
            var text = Spaces().Replace(element.TextContent, "");
            if (element.LocalName == "div" && text.StartsWith("获取更多RSS", StringComparison.Ordinal))
            {
                while (element.PreviousSibling is { } previous
                    && (previous is IElement { LocalName: "hr" or "br" } || (previous is IText && previous.TextContent.Trim().Length == 0)))
                {
                    previous.RemoveFromParent();
                }

                element.Remove();
            }
            else if (IsCopyrightNotice(text))
            {
                element.Remove();
            }
        }
    }

    /// <summary>DW's copyright paragraph (<c>© 2024 年德国之声版权声明：…</c>), whitespace already removed.</summary>
    internal static bool IsCopyrightNotice(string text) =>
        text.StartsWith('©') && text.Contains("版权声明", StringComparison.Ordinal);

    /// <summary>
    /// In-body media are written as <c>&lt;img&gt;&lt;div&gt;&lt;small&gt;caption&lt;/small&gt;&lt;/div&gt;</c>: images
    /// become <c>&lt;figure&gt;</c> with a <c>&lt;figcaption&gt;</c>; audio and video (which the site does
    /// not embed) become a paragraph linking to the clip, its caption the link text.
    /// </summary>
    private static void MakeFigures(IElement body)
    {
        var document = body.Owner!;
        foreach (var media in body.QuerySelectorAll("img, audio, video").ToList())
        {
            var captionBlock = CaptionAfter(media);
            if (captionBlock is null)
            {
                continue;
            }

            if (media.LocalName == "img")
            {
                var figure = document.CreateElement("figure");
                var figcaption = document.CreateElement("figcaption");
                figcaption.Append(captionBlock.Children[0].ChildNodes.ToArray());
                media.Before(figure);
                figure.Append(media, figcaption);
            }
            else
            {
                var src = media.GetAttribute("src") ?? media.QuerySelector("source")?.GetAttribute("src");
                var paragraph = document.CreateElement("p");
                var link = document.CreateElement("a");
                link.SetAttribute("href", src ?? "");
                link.Append(captionBlock.Children[0].ChildNodes.ToArray());
                paragraph.Append(link);
                media.Replace(paragraph);
            }

            captionBlock.Remove();
        }
    }

    /// <summary>VOA separates paragraphs with <c>&lt;br /&gt;&lt;br /&gt;</c> inside one <c>&lt;p&gt;</c>: split there.</summary>
    private static void SplitDoubleBreaks(IElement body)
    {
        var document = body.Owner!;
        foreach (var paragraph in body.QuerySelectorAll("p").ToList())
        {
            if (paragraph.QuerySelectorAll("br").Length < 2)
            {
                continue;
            }

            var parts = new List<List<INode>> { new() };
            var nodes = paragraph.ChildNodes.ToList();
            for (var i = 0; i < nodes.Count; i++)
            {
                if (nodes[i] is IElement { LocalName: "br" })
                {
                    var last = i;
                    for (var next = NextBreak(nodes, last); next > 0; next = NextBreak(nodes, last))
                    {
                        last = next;
                    }

                    if (last > i)
                    {
                        parts.Add([]);
                        i = last;
                        continue;
                    }
                }

                parts[^1].Add(nodes[i]);
            }

            if (parts.Count == 1)
            {
                continue;
            }

            foreach (var part in parts)
            {
                var piece = document.CreateElement("p");
                piece.Append(part.ToArray());
                paragraph.Before(piece);
            }

            paragraph.Remove();
        }
    }

    /// <summary>The index of a <c>&lt;br&gt;</c> following the one at <paramref name="at"/> with only whitespace between, or -1.</summary>
    private static int NextBreak(List<INode> nodes, int at)
    {
        for (var j = at + 1; j < nodes.Count; j++)
        {
            if (nodes[j] is IElement { LocalName: "br" })
            {
                return j;
            }

            if (nodes[j] is IElement || nodes[j].TextContent.Trim().Length > 0)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// VOA and DW mark section headings as a paragraph that is one short bold run
    /// (<c>&lt;p&gt;&lt;strong&gt;拜登的问题&lt;/strong&gt;&lt;/p&gt;</c>): those become <c>&lt;h3&gt;</c>.
    /// </summary>
    private static void PromoteBoldHeadings(IElement body)
    {
        foreach (var paragraph in body.QuerySelectorAll("p").ToList())
        {
            var text = paragraph.TextContent.Trim();
            if (paragraph.Children.Length != 1 || paragraph.Children[0].LocalName is not ("strong" or "b")
                || paragraph.Children[0].TextContent.Trim() != text
                || text.Length is 0 or > MaxHeadingLength || "。.!！?？:：;；,，)）".Contains(text[^1], StringComparison.Ordinal))
            {
                continue;
            }

            var heading = body.Owner!.CreateElement("h3");
            heading.Append(paragraph.Children[0].ChildNodes.ToArray());
            paragraph.Replace(heading);
        }
    }

    [GeneratedRegex(@"\A\s*(?<crawl><!--\s*\d+\s*-->\s*)?\[(?<title>[^\n]+)\]\((?<url>[^\s)]+)\)[ \t]*\r?\n[ \t]*-{3,}[ \t]*\r?\n")]
    private static partial Regex Head();

    [GeneratedRegex(@"(\d{4,})(?:\.html?)?$")]
    private static partial Regex TrailingNumber();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex MarkdownEscape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
