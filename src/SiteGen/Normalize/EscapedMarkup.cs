using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace SiteGen.Normalize;

/// <summary>
/// Markup a source escaped twice: its text reads <c>&lt;a class="wsw__a" href="…"&gt;青岛景象&lt;/a&gt;</c>
/// (the page's HTML held <c>&amp;lt;a …&amp;gt;</c>). The tags were meant as markup, not as words, so the
/// text is parsed as the HTML it is and takes its place; every later rule (hidden nodes, boilerplate,
/// the conversion) then treats it as any other markup. Only HTML's own element names count as tags,
/// so a sentence like <c>a &lt;b</c> or <c>&lt;专访&gt;</c> stays text. Markup the HTML guard refuses
/// (nested too deep) loses its tags and keeps its words.
/// </summary>
public static partial class EscapedMarkup
{
    public static void Restore(IElement root)
    {
        foreach (var text in root.GetDescendants().OfType<IText>().ToList())
        {
            if (!text.Data.Contains('<', StringComparison.Ordinal) || !Tag().IsMatch(text.Data) || text.Parent is not IElement parent)
            {
                continue;
            }

            if (HtmlGuard.Check(text.Data) is not null)
            {
                text.Data = Tag().Replace(text.Data, "");
                continue;
            }

            var holder = parent.Owner!.CreateElement("div");
            holder.InnerHtml = text.Data;
            foreach (var node in holder.ChildNodes.ToList())
            {
                parent.InsertBefore(node, text);
            }

            text.RemoveFromParent();
        }
    }

    // NonBacktracking: linear time on any input (docs/security.md).
    [GeneratedRegex(@"</?(?:a|abbr|article|aside|audio|b|big|blockquote|br|button|caption|center|cite|code|dd|div|dl|dt|em|figcaption|figure|font|footer|h[1-6]|header|hr|i|iframe|img|input|label|li|nav|noscript|ol|p|picture|pre|q|script|section|small|source|span|strong|style|sub|sup|table|tbody|td|th|thead|time|tr|u|ul|video)(?:\s[^<>]*)?/?>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Tag();
}
