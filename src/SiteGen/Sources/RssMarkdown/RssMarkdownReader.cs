using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
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
        var body = HtmlFragment.ParseBody(document.Text[(head.Index + head.Length)..]);

        var (published, authors) = ReadDateLine(body, bodyLine);
        var image = TakeLeadImage(body);
        RssBodyShaper.RemoveFeedFooters(body);
        RssBodyShaper.MakeFigures(body);
        RssBodyShaper.SplitDoubleBreaks(body);
        RssBodyShaper.PromoteBoldHeadings(body);

        var (markdown, truncated) = Teaser.Cut(HtmlToMarkdown.Convert(body));
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
            Truncated = truncated,
            Version = CrawlTime(head) is { } fetched ? new VersionTime(Fetched: fetched) : null,
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

    /// <summary>The dump's first line, <c>&lt;!--1639568342000--&gt;</c>: when the crawler took this copy (ms since 1970), its version time.</summary>
    private static DateTimeOffset? CrawlTime(Match head)
    {
        var digits = head.Groups["crawl"].Value.Trim().TrimStart('<', '!', '-').TrimEnd('>', '-').Trim();
        return long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            && ms is > 0 and < 253402300799999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
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

        var captionBlock = RssBodyShaper.CaptionAfter(lead);
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

    // NonBacktracking: linear time on any input; backtracking took quadratic time on a hostile 1 MB line (docs/security.md).
    [GeneratedRegex(@"\A\s*(?<crawl><!--\s*\d+\s*-->\s*)?\[(?<title>[^\n]+)\]\((?<url>[^\s)]+)\)[ \t]*\r?\n[ \t]*-{3,}[ \t]*\r?\n", RegexOptions.NonBacktracking)]
    private static partial Regex Head();

    // NonBacktracking: linear time on any input; backtracking took quadratic time on a hostile 1 MB line (docs/security.md).
    [GeneratedRegex(@"(\d{4,})(?:\.html?)?$", RegexOptions.NonBacktracking)]
    private static partial Regex TrailingNumber();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex MarkdownEscape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
