using System.Text.RegularExpressions;
using SiteGen.Model;
using SiteGen.Normalize;
using SiteGen.Sources.Dates;

namespace SiteGen.Sources.Mirror;

/// <summary>
/// What both mirror layouts share: the page is split into its Markdown frame and the article's HTML
/// (<see cref="MirrorFrame"/>), the HTML is cleaned as a DOM (<see cref="MirrorBody"/>) and converted
/// with <see cref="HtmlToMarkdown"/>; metadata comes from the frame (title, original and mirror
/// addresses), the DOM (lead image, timestamp, credits, tags) and the lead paragraph (dateline,
/// byline). The family mirrors several outlets; the outlet is the original URL's host.
/// </summary>
public abstract partial class MirrorReader : ISourceReader
{
    /// <summary>Leading characters of the body searched for the dateline and the byline.</summary>
    private const int LeadLength = 400;

    /// <summary>Query parameters that only say how a link was found (feeds, campaigns), not which article it is.</summary>
    private static readonly string[] TrackingParameters = ["feedType", "feedName", "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"];

    public abstract string Format { get; }

    public abstract int Sniff(SourceDocument document);

    public Article Read(SourceDocument document, ReaderContext context)
    {
        var signals = MirrorSignals.Of(document.Text);
        if (signals.IsIndex)
        {
            throw new SourceRejectedException($"an index page listing {signals.IndexLinkCount} articles, not an article");
        }

        var frame = MirrorFrame.Split(document);
        if (frame.OriginalUrl is null || UrlPolicy.Clean(frame.OriginalUrl) is not { } cleaned)
        {
            throw new SourceRejectedException("no original URL line (原文地址/原文链接): the outlet and the article id cannot be known");
        }

        var url = WithoutTracking(cleaned);
        var outlet = context.Outlets.ByUrl(url)
            ?? throw new SourceRejectedException(
                $"unknown outlet: no outlet has the domain '{new Uri(url).Host}' of the original URL {url}; " +
                "add content/outlets/<id>.yml listing that domain");

        var body = MirrorBody.Parse(frame.Html);
        var (markdown, truncated) = Teaser.Cut(HtmlToMarkdown.Convert(body.Root));
        if (markdown.Trim().Length == 0)
        {
            throw new SourceRejectedException("empty body: the page holds no article text");
        }

        var lead = markdown.Length > LeadLength ? markdown[..LeadLength] : markdown;
        var published = PublicationDate.Decide(
                body.Timestamp, url, markdown, () => DateStamps.Latest(frame.Html), () => context.Folders.LatestStampNear(document.Path))
            ?? throw new SourceRejectedException(
                $"no publication date: the original URL {url} has none, the page has no timestamp and no dateline; no month and day with a year from a date stamp");

        var byline = Credits.FromByline(lead, markdown);
        var mirror = frame.MirrorUrl is null ? null : UrlPolicy.Clean(frame.MirrorUrl);
        return new Article
        {
            Id = ArticleIds.Create(outlet.Id, ArticleKey(url)),
            Title = frame.Title,
            Lang = LanguageDetector.Detect(markdown),
            Outlet = outlet.Id,
            Published = published.Date,
            DateFrom = published.Signal,
            Url = url,
            Mirrors = mirror is null ? [] : [mirror],
            Authors = byline.Authors.Concat(body.Authors).Distinct(StringComparer.Ordinal).ToList(),
            Editor = body.Editor ?? byline.Editor,
            Image = body.Image,
            Tags = body.Tags,
            Truncated = truncated,
            Version = body.Timestamp is { IsUpdate: true } updated ? new VersionTime(Page: updated.Value) : null,
            Body = markdown,
        };
    }

    /// <summary>
    /// The article's id at its outlet, from the original URL: the last path segment without its
    /// extension (<c>n13555352</c>, <c>4565810</c>, <c>a102950178</c>, <c>jkdv-01032020175326</c>), or the
    /// Reuters story id at its end (<c>…-interfax-08-idCNKCS1LF0VN</c> → <c>idCNKCS1LF0VN</c>). Stable across
    /// mirrors, so two copies of one story get the same id.
    /// </summary>
    internal static string ArticleKey(string url)
    {
        var path = new Uri(url).AbsolutePath;
        var segment = path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        segment = Extension().Replace(segment, "");
        if (ReutersId().Match(segment) is { Success: true } reuters)
        {
            return reuters.Groups["id"].Value;
        }

        return ArticleIds.Sanitize(segment).Length > 0 ? segment : throw new SourceRejectedException($"the original URL {url} has no article id in its path");
    }

    internal static string WithoutTracking(string url)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return url;
        }

        var hash = url.IndexOf('#', q);
        var query = hash < 0 ? url[(q + 1)..] : url[(q + 1)..hash];
        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !TrackingParameters.Contains(p.Split('=')[0], StringComparer.OrdinalIgnoreCase))
            .ToArray();
        return url[..q] + (kept.Length > 0 ? "?" + string.Join('&', kept) : "") + (hash < 0 ? "" : url[hash..]);
    }

    [GeneratedRegex(@"\.(?:s?html?|php|aspx?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Extension();

    [GeneratedRegex(@"-(?<id>id[A-Z0-9]{6,})$")]
    private static partial Regex ReutersId();
}
