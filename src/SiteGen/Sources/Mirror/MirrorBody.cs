using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SiteGen.Model;
using SiteGen.Normalize;

namespace SiteGen.Sources.Mirror;

/// <summary>A publication time written in the page (<c>&lt;time datetime&gt;</c>), and whether it is only a "last updated" time.</summary>
internal readonly record struct PageTimestamp(DateTimeOffset Value, bool IsUpdate);

/// <summary>
/// The article's HTML as a DOM, with everything that is not the article taken out and kept as
/// metadata: invisible nodes, the timestamp block, the lead image, credits lines, outlet
/// boilerplate, layout rules around the article; tag links are read and unwrapped.
/// </summary>
internal sealed partial record MirrorBody(
    IElement Root,
    ArticleImage? Image,
    PageTimestamp? Timestamp,
    List<string> Authors,
    string? Editor,
    List<string> Tags)
{
    /// <summary>Text that starts an outlet's own appeal at the end of its articles (看中国's membership drive).</summary>
    private static readonly string[] BoilerplateTails = ["【诚征荣誉会员】", "【誠徵榮譽會員】"];

    public static MirrorBody Parse(string html)
    {
        var document = HtmlFragment.ParseBody(html).Owner!;
        var root = document.Body!;
        RemoveInvisible(root);
        EscapedMarkup.Restore(root);
        AttachCaptions(root);
        var timestamp = TakeTimestamp(root);
        var image = LeadImage.Take(root);
        var (authors, editor) = TakeCredits(root);
        RemoveBoilerplate(root);
        TrimLayout(root);
        var tags = TagLinks.Take(root);
        return new MirrorBody(root, image, timestamp, authors, editor, tags);
    }

    /// <summary>
    /// The mirror's tracking pixel and nodes the page hides: 看中国's <c>display:none</c> spans, and text
    /// written white on the white page (Epoch Times' <c>&lt;font color=#ffffff&gt;(http://www.dajiyuan.com)&lt;/font&gt;</c>).
    /// </summary>
    private static void RemoveInvisible(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("*").ToList())
        {
            var style = (element.GetAttribute("style") ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            var zeroSized = element.LocalName == "img" && (IsZero(element.GetAttribute("width")) || IsZero(element.GetAttribute("height")));
            var white = IsWhite(element.LocalName == "font" ? element.GetAttribute("color") : null) || WhiteText().IsMatch(style);
            if (zeroSized || white || style.Contains("display:none", StringComparison.Ordinal) || element.HasAttribute("hidden"))
            {
                element.Remove();
            }
        }
    }

    /// <summary>
    /// Reuters copies put a picture's <c>&lt;figcaption&gt;</c> beside its <c>&lt;figure&gt;</c>, not inside it
    /// (<c>&lt;div class="Image_container"&gt;&lt;figure&gt;…&lt;/figure&gt;&lt;figcaption&gt;…</c>): it is moved into the
    /// figure it follows, so the caption stays with its picture instead of becoming a paragraph.
    /// </summary>
    private static void AttachCaptions(IElement root)
    {
        foreach (var caption in root.QuerySelectorAll("figcaption").Where(c => c.ParentElement?.LocalName != "figure").ToList())
        {
            if (caption.PreviousElementSibling is { LocalName: "figure" } figure && figure.QuerySelector("figcaption") is null)
            {
                figure.AppendChild(caption);
            }
        }
    }

    private static bool IsZero(string? size) => size?.Trim() is "0" or "0px";

    private static bool IsWhite(string? color) => color?.Trim().ToLowerInvariant() is "#fff" or "#ffffff" or "white";

    /// <summary>VOA copies: <c>&lt;div class="published"&gt;&lt;time datetime="2018-09-11T05:28:41+08:00"&gt;</c>.</summary>
    private static PageTimestamp? TakeTimestamp(IElement root)
    {
        PageTimestamp? found = null;
        foreach (var block in root.QuerySelectorAll(".published").ToList())
        {
            var time = block.QuerySelector("time[datetime]");
            var value = time?.GetAttribute("datetime")?.Trim() ?? "";
            if (found is null && ExplicitOffset().IsMatch(value)
                && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                found = new PageTimestamp(instant, block.TextContent.Contains("更新", StringComparison.Ordinal));
            }

            block.Remove();
        }

        return found;
    }

    /// <summary>
    /// Credits lines, wherever the page put them: a paragraph, a <c>div</c>, a <c>pre</c>, or the text
    /// after a video in the same paragraph (<c>&lt;p&gt;&lt;iframe …&gt;&lt;/iframe&gt;责任编辑：孙芸&lt;/p&gt;</c>).
    /// The credits are recorded and their text removed; media beside them stay. A label without a
    /// name (<c>责任编辑：</c>) credits nobody and is removed as well.
    /// </summary>
    private static (List<string> Authors, string? Editor) TakeCredits(IElement root)
    {
        var authors = new List<string>();
        string? editor = null;
        foreach (var block in root.QuerySelectorAll("p, div, pre").Where(e => e.QuerySelector("p, div, pre") is null).ToList())
        {
            var text = block.TextContent;
            if (EmptyCredit().IsMatch(text.Trim()))
            {
                block.Remove();
            }
            else if (Credits.TryParseLine(text, out var named, out var responsible))
            {
                authors.AddRange(named);
                editor ??= responsible;
                RemoveText(block);
            }
        }

        // A credits line left outside any paragraph: "<p><center>…</center>责任编辑：钟元</p>" parses as a
        // closed <p>, the <center>, then the text on its own.
        foreach (var text in root.GetDescendants().OfType<IText>().Where(IsStandalone).ToList())
        {
            if (Credits.TryParseLine(text.Data, out var named, out var responsible))
            {
                authors.AddRange(named);
                editor ??= responsible;
                text.RemoveFromParent();
            }
        }

        return (authors, editor);
    }

    /// <summary>A text node that is a line of its own: nothing inline on either side of it.</summary>
    private static bool IsStandalone(IText text) =>
        IsLineEdge(text.PreviousSibling) && IsLineEdge(text.NextSibling);

    private static bool IsLineEdge(INode? node) =>
        node is null || (node is IElement e && (e.LocalName is "br" or "hr" or "iframe" or "center" or "figure" or "table" || HtmlToMarkdown.IsBlock(e)));

    /// <summary>Removes a block's text; the block goes too unless it still holds an image or a video.</summary>
    private static void RemoveText(IElement block)
    {
        foreach (var text in block.GetDescendants().OfType<IText>().ToList())
        {
            text.RemoveFromParent();
        }

        if (block.QuerySelector("img, iframe, video, audio, embed, object") is null)
        {
            block.Remove();
        }
    }

    private static void RemoveBoilerplate(IElement root)
    {
        // Reuters' "our standards" trust badge.
        foreach (var badge in root.QuerySelectorAll("[class*='trustBadgeContainer']").ToList())
        {
            badge.Remove();
        }

        Boilerplate.Remove(root);
        var tail = root.GetDescendants().OfType<IText>()
            .FirstOrDefault(t => BoilerplateTails.Any(b => t.Data.TrimStart().StartsWith(b, StringComparison.Ordinal)));
        if (tail?.Parent is not { } parent)
        {
            return;
        }

        // The appeal runs to the end of the article's container; the rule and breaks before it are its frame.
        var start = tail as INode;
        while (start.PreviousSibling is { } previous && IsLayout(previous))
        {
            start = previous;
        }

        while (start.NextSibling is { } next)
        {
            parent.RemoveChild(next);
        }

        parent.RemoveChild(start);
    }

    /// <summary>Rules and breaks at the very start or end of the page are the mirror's layout, not the article's.</summary>
    private static void TrimLayout(IElement root)
    {
        while (root.FirstChild is { } first && IsLayout(first))
        {
            root.RemoveChild(first);
        }

        while (root.LastChild is { } last && IsLayout(last))
        {
            root.RemoveChild(last);
        }
    }

    private static bool IsLayout(INode node) =>
        node is IElement { LocalName: "hr" or "br" } || (node is IText text && string.IsNullOrWhiteSpace(text.Data));

    [GeneratedRegex(@"^[（(]?(?:责任编辑|責任編輯|责编|責編)\s*[：:]?\s*[)）]?#?$")]
    private static partial Regex EmptyCredit();

    /// <summary>A text colour of white in a style without spaces (<c>background-color</c> does not count).</summary>
    [GeneratedRegex(@"(?<![-\w])color:(?:#fff(?:fff)?|white)\b")]
    private static partial Regex WhiteText();

    [GeneratedRegex(@"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex ExplicitOffset();
}
