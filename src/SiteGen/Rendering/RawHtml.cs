using System.Net;

namespace SiteGen.Rendering;

/// <summary>
/// HTML the site made itself (Markdig output, a rendered partial or page) that templates print as it
/// is. Every other value a template prints is escaped by <see cref="PageTemplateContext"/>.
/// </summary>
public sealed class RawHtml(string html)
{
    public string Html { get; } = html;

    public override string ToString() => Html;

    /// <summary>Escapes text for element content and quoted attribute values (&amp; &lt; &gt; &quot; &#39;).</summary>
    public static string Escape(string? text) => text is null ? "" : WebUtility.HtmlEncode(text);
}
