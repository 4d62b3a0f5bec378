using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SiteGen.Model;
using SiteGen.Normalize;

namespace SiteGen.Sources.Hexo;

/// <summary>
/// Reads Hexo-style posts written by RSSHub mirrors (RSSHUB-PAGE: Al Jazeera Chinese, Boston.com,
/// Chicago Tribune, Simons Foundation): YAML front matter (<c>title</c>, <c>categories</c>,
/// <c>headimg</c>, <c>author</c>, <c>comments</c>, <c>date</c>, <c>thumbnail</c>) then the item's HTML.
/// The outlet comes from <c>author</c> (a byline in content/outlets/*.yml); there is no original URL,
/// so the id is a hash of outlet, title and date. See docs/formats-feeds.md.
/// </summary>
public sealed partial class HexoReader : ISourceReader
{
    public const string FormatName = "hexo";

    /// <summary>Keys only Hexo posts have; our own normalized files have none of them.</summary>
    private static readonly string[] HexoKeys = ["categories", "author", "date", "comments", "thumbnail", "headimg"];

    public string Format => FormatName;

    public int Sniff(SourceDocument document)
    {
        var split = Split(document.Text);
        if (split is null)
        {
            return 0;
        }

        var keys = TopLevelKey().Matches(split.Value.Yaml).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        if (keys.Contains("id") && keys.Contains("outlet"))
        {
            return 0;
        }

        var hits = HexoKeys.Count(keys.Contains);
        return hits >= 3 && keys.Contains("title") ? 90 : hits * 10;
    }

    public Article Read(SourceDocument document, ReaderContext context)
    {
        var split = Split(document.Text)
            ?? throw new SourceRejectedException("no front matter: expected a '---' line, YAML, and a closing '---' line", 1);
        var (yaml, yamlLine, html, bodyLine) = split;
        var front = HexoFrontMatter.Parse(yaml, yamlLine);

        var title = front.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            throw new SourceRejectedException("the front matter has no 'title'", yamlLine);
        }

        if (!FeedDate.TryParse(front.Date, out var published))
        {
            throw new SourceRejectedException($"'date' is missing or not an RFC 1123 / ISO 8601 date: '{front.Date}'", yamlLine);
        }

        var byline = front.Author?.Trim();
        if (string.IsNullOrEmpty(byline))
        {
            throw new SourceRejectedException("the front matter has no 'author', so the outlet is unknown", yamlLine);
        }

        var outlet = context.Outlets.ByByline(byline)
            ?? throw new SourceRejectedException(
                $"unknown outlet byline '{byline}': add it to the outlet's 'bylines' in content/outlets/<id>.yml (or create that file)",
                yamlLine);

        var body = HtmlFragment.ParseBody(html);
        HexoBodyCleaner.RemoveNonArticle(body);
        var (markdown, truncated) = Teaser.Cut(HtmlToMarkdown.Convert(body));
        if (markdown.Trim().Length == 0)
        {
            throw new SourceRejectedException("the post has no article text", bodyLine);
        }

        return new Article
        {
            Id = ArticleIds.FromContent(outlet.Id, title, published.ToString()),
            Title = title,
            Lang = LanguageDetector.Detect(title + "\n" + body.TextContent),
            Outlet = outlet.Id,
            Published = published,
            Image = LeadImage(front, body),
            Truncated = truncated,
            Version = FeedDate.TryParse(front.Updated, out var updated) && updated.HasTime ? new VersionTime(Page: updated.Value) : null,
            Body = markdown,
        };
    }

    /// <summary>
    /// <c>headimg</c> (else <c>thumbnail</c>) is the lead image; its caption and credit come from the
    /// body figure that shows the same picture, which stays in the body.
    /// </summary>
    private static ArticleImage? LeadImage(HexoFrontMatter front, IElement body)
    {
        var src = UrlPolicy.Clean(front.Headimg) ?? UrlPolicy.Clean(front.Thumbnail);
        if (src is null)
        {
            return null;
        }

        var figure = body.QuerySelectorAll("figure")
            .FirstOrDefault(f => f.QuerySelectorAll("img").Any(img => SameImage(UrlPolicy.Clean(img.GetAttribute("src")), src)));
        var captionSource = figure is null ? null : figure.QuerySelector("figcaption") ?? figure;
        var text = captionSource is null ? "" : Spaces().Replace(captionSource.TextContent, " ").Trim();
        if (text.Length == 0)
        {
            return new ArticleImage(src);
        }

        var (caption, credit) = CaptionCredit.Split(text);
        return new ArticleImage(src, caption, credit);
    }

    /// <summary>The same picture: equal URLs, or equal but for the resizing query (<c>?w=770&amp;resize=…</c>).</summary>
    private static bool SameImage(string? a, string b) =>
        a is not null && (a == b || a.Split('?')[0] == b.Split('?')[0]);

    /// <summary>
    /// Finds the front matter: optional blank lines (the dump starts with one), a <c>---</c> line, the
    /// YAML, a closing <c>---</c> line. Returns the YAML and HTML with their first file lines.
    /// </summary>
    private static (string Yaml, int YamlLine, string Html, int BodyLine)? Split(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var open = 0;
        while (open < lines.Length && lines[open].Trim().Length == 0)
        {
            open++;
        }

        if (open >= lines.Length || lines[open].TrimEnd() != "---")
        {
            return null;
        }

        for (var close = open + 1; close < lines.Length; close++)
        {
            if (lines[close].TrimEnd() == "---")
            {
                var yaml = string.Join('\n', lines[(open + 1)..close]);
                var html = string.Join('\n', lines[(close + 1)..]);
                return (yaml, open + 2, html, close + 2);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^([A-Za-z_]+):", RegexOptions.Multiline)]
    private static partial Regex TopLevelKey();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
