using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteGen.Normalize;

/// <summary>
/// The no-injection check for an article body: parsed by Markdig with raw HTML enabled (and the
/// figure extension the readers use), the Markdown must hold no HTML block or inline, and every
/// link, image, autolink and link reference must be relative or http(s)/mailto. Readers' output
/// passes by construction (<see cref="HtmlToMarkdown"/>); the importer checks every body anyway,
/// and <c>sitegen check</c> checks hand-edited articles.
/// </summary>
public static class MarkdownSafety
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseFigures().Build();

    /// <summary>Null when the body is safe, else the first problem and its 1-based line in the body.</summary>
    public static (string Reason, int Line)? Check(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants())
        {
            var problem = node switch
            {
                HtmlBlock or HtmlInline => "raw HTML (the body is Markdown without HTML)",
                LinkInline link when !IsSafeUrl(link.Url) => $"a link or image to '{Shorten(link.Url)}' (only http, https, mailto and relative addresses)",
                AutolinkInline auto when !auto.IsEmail && !IsSafeUrl(auto.Url) => $"an autolink to '{Shorten(auto.Url)}' (only http, https, mailto and relative addresses)",
                LinkReferenceDefinition reference when !IsSafeUrl(reference.Url) => $"a link reference to '{Shorten(reference.Url)}' (only http, https, mailto and relative addresses)",
                _ => null,
            };
            if (problem is not null)
            {
                return (problem, node.Line + 1);
            }
        }

        return null;
    }

    /// <summary>
    /// True for a relative address or one whose scheme is http, https or mailto. Browsers ignore
    /// ASCII whitespace and control characters inside a scheme (<c>java&#9;script:</c>), so they are
    /// ignored here too before the scheme is read.
    /// </summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var compact = new string(url.Where(c => c > ' ' && c != '\u007f').ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var beforeColon = compact[..colon];
        if (beforeColon.IndexOfAny(['/', '?', '#']) >= 0)
        {
            // The colon is in the path, query or fragment: no scheme.
            return true;
        }

        return beforeColon.ToLowerInvariant() is "http" or "https" or "mailto";
    }

    private static string Shorten(string? url) => url is null ? "" : url.Length > 80 ? url[..80] + "…" : url;
}
