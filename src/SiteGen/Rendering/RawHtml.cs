using System.Net;
using System.Text;

namespace SiteGen.Rendering;

/// <summary>
/// HTML the site made itself (Markdig output, a rendered partial or page) that templates print as it
/// is. Every other value a template prints is escaped by <see cref="PageTemplateContext"/>.
/// </summary>
public sealed class RawHtml
{
    private readonly StringBuilder? _pending;
    private string? _html;

    public RawHtml(string html)
    {
        _html = html;
    }

    /// <summary>
    /// HTML still in a builder (a page template's output, for its layout's <c>content</c>), made a string
    /// only if something asks for <see cref="Html"/>: printing it appends the builder. The builder must
    /// not change while the value can be read (it is the page's, for the time its layout renders).
    /// </summary>
    internal RawHtml(StringBuilder pending)
    {
        _pending = pending;
    }

    public string Html => _html ??= _pending!.ToString();

    /// <summary>The builder holding the HTML while it is not yet a string.</summary>
    internal StringBuilder? Pending => _html is null ? _pending : null;

    public override string ToString() => Html;

    /// <summary>Escapes text for element content and quoted attribute values (&amp; &lt; &gt; &quot; &#39;).</summary>
    public static string Escape(string? text) => text is null ? "" : WebUtility.HtmlEncode(text);
}
