using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteGen.Rendering;

/// <summary>
/// Article bodies to HTML. One Markdig pipeline, built once and shared by every thread: raw HTML is
/// disabled (a <c>&lt;script&gt;</c> in a body comes out as text), figures (<c>^^^</c>) as the importer
/// writes them, GitHub-style heading ids that keep Chinese letters, CJK-friendly emphasis
/// (<c>**《环球时报》**</c> is bold), images lazy with no referrer and on https,
/// headings shifted under the page's title with no level skipped (<see cref="HeadingLevels"/>), external links
/// <c>rel="noopener noreferrer"</c>, and links or images whose scheme is not http(s)/mailto made inert.
/// </summary>
public static class MarkdownRenderer
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseCjkFriendlyEmphasis()
        .UseFigures()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseEmphasisExtras()
        .Use<SafeLinksExtension>()
        .Build();

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>Adds attributes to links and images once the document is parsed.</summary>
    private sealed class SafeLinksExtension : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Process;

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
        }

        private static void Process(MarkdownDocument document)
        {
            foreach (var link in document.Descendants<LinkInline>())
            {
                if (!IsSafe(link.Url))
                {
                    link.Url = "#";
                }

                var attributes = link.GetAttributes();
                if (link.IsImage)
                {
                    link.Url = link.Url is { } src ? ImageAddress.Upgrade(src) : null;
                    attributes.AddPropertyIfNotExist("loading", "lazy");
                    attributes.AddPropertyIfNotExist("decoding", "async");
                    attributes.AddPropertyIfNotExist("referrerpolicy", "no-referrer");
                }
                else if (IsExternal(link.Url))
                {
                    attributes.AddPropertyIfNotExist("rel", "noopener noreferrer");
                }
            }

            HeadingLevels.Shift(document);
            foreach (var link in document.Descendants<AutolinkInline>())
            {
                if (!IsSafe(link.Url))
                {
                    link.Url = "#";
                }
                else if (IsExternal(link.Url))
                {
                    link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
                }
            }
        }

        private static bool IsExternal(string? url) =>
            url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal));

        /// <summary>The importer's own policy (<see cref="Normalize.MarkdownSafety.IsSafeUrl"/>): http, https, mailto or relative, whitespace and controls in a scheme ignored as browsers do.</summary>
        private static bool IsSafe(string? url) => Normalize.MarkdownSafety.IsSafeUrl(url);
    }
}
