using Markdig;
using Markdig.Renderers;

namespace SiteGen.Search;

/// <summary>
/// <c>Markdown.ToPlainText</c>
/// with one renderer per thread: Markdig makes a new <see cref="HtmlRenderer"/> (two dozen object
/// renderers, set up by the pipeline) for every call, a fifth of the plain-text work of indexing a
/// body. The renderer is the one Markdig would make (HTML off for blocks and inlines, no escaping),
/// set up once, and reset between bodies as Markdig resets the renderers it pools itself.
/// </summary>
internal sealed class PlainTextRenderer : HtmlRenderer
{
    [ThreadStatic]
    private static PlainTextRenderer? t_idle;

    private readonly StringWriter _writer;

    private PlainTextRenderer(StringWriter writer, MarkdownPipeline pipeline)
        : base(writer)
    {
        _writer = writer;
        EnableHtmlForBlock = false;
        EnableHtmlForInline = false;
        EnableHtmlEscape = false;
        Pipeline = pipeline;
        pipeline.Setup(this);
    }

    private MarkdownPipeline Pipeline { get; }

    /// <summary>The plain text of <paramref name="markdown"/> parsed with <paramref name="pipeline"/>.</summary>
    public static string ToPlainText(string markdown, MarkdownPipeline pipeline)
    {
        var document = Markdown.Parse(markdown, pipeline);

        // Taken while it renders: a renderer that failed half-way is not used again.
        var renderer = t_idle is { } idle && ReferenceEquals(idle.Pipeline, pipeline) ? idle : new PlainTextRenderer(new StringWriter(), pipeline);
        t_idle = null;
        renderer.Render(document);
        renderer._writer.Flush();
        var text = renderer._writer.ToString();
        renderer.Reset();
        t_idle = renderer;
        return text;
    }
}
