using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace SiteGen.Sources.RssMarkdown;

/// <summary>
/// Reshapes an RSS-to-Markdown item's HTML on the DOM before conversion: removes the footers the
/// feed service and outlets append, turns the dump's caption idiom into figures, splits paragraphs
/// at double line breaks, and promotes bold-only lines to headings. No article text is dropped.
/// </summary>
internal static partial class RssBodyShaper
{
    /// <summary>A <c>&lt;p&gt;&lt;strong&gt;…&lt;/strong&gt;&lt;/p&gt;</c> longer than this is an emphasized sentence, not a heading.</summary>
    private const int MaxHeadingLength = 40;

    /// <summary>The <c>&lt;div&gt;&lt;small&gt;caption&lt;/small&gt;&lt;/div&gt;</c> right after a media element, or null.</summary>
    public static IElement? CaptionAfter(IElement media)
    {
        for (var n = media.NextSibling; n is not null; n = n.NextSibling)
        {
            if (n is IElement { LocalName: "div" } div && div.Children.Length == 1 && div.Children[0].LocalName == "small"
                && div.TextContent.Trim() == div.Children[0].TextContent.Trim())
            {
                return div;
            }

            if (n is IElement || n.TextContent.Trim().Length > 0)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Removes what the feed service or the outlet appends to every item: feedx's
    /// <c>&lt;hr&gt;&lt;div&gt;获取更多RSS：…&lt;/div&gt;</c> (with the breaks before it) and DW's
    /// <c>© 2024 年德国之声版权声明…</c> paragraph.
    /// </summary>
    public static void RemoveFeedFooters(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("div, p").ToList())
        {
            var text = Spaces().Replace(element.TextContent, "");
            if (element.LocalName == "div" && text.StartsWith("获取更多RSS", StringComparison.Ordinal))
            {
                while (element.PreviousSibling is { } previous
                    && (previous is IElement { LocalName: "hr" or "br" } || (previous is IText && previous.TextContent.Trim().Length == 0)))
                {
                    previous.RemoveFromParent();
                }

                element.Remove();
            }
            else if (IsCopyrightNotice(text))
            {
                element.Remove();
            }
        }
    }

    /// <summary>DW's copyright paragraph (<c>© 2024 年德国之声版权声明：…</c>), whitespace already removed.</summary>
    public static bool IsCopyrightNotice(string text) =>
        text.StartsWith('©') && text.Contains("版权声明", StringComparison.Ordinal);

    /// <summary>
    /// In-body media are written as <c>&lt;img&gt;&lt;div&gt;&lt;small&gt;caption&lt;/small&gt;&lt;/div&gt;</c>: images
    /// become <c>&lt;figure&gt;</c> with a <c>&lt;figcaption&gt;</c>; audio and video (which the site does
    /// not embed) become a paragraph linking to the clip, its caption the link text.
    /// </summary>
    public static void MakeFigures(IElement body)
    {
        var document = body.Owner!;
        foreach (var media in body.QuerySelectorAll("img, audio, video").ToList())
        {
            var captionBlock = CaptionAfter(media);
            if (captionBlock is null)
            {
                continue;
            }

            if (media.LocalName == "img")
            {
                var figure = document.CreateElement("figure");
                var figcaption = document.CreateElement("figcaption");
                figcaption.Append(captionBlock.Children[0].ChildNodes.ToArray());
                media.Before(figure);
                figure.Append(media, figcaption);
            }
            else
            {
                var src = media.GetAttribute("src") ?? media.QuerySelector("source")?.GetAttribute("src");
                var paragraph = document.CreateElement("p");
                var link = document.CreateElement("a");
                link.SetAttribute("href", src ?? "");
                link.Append(captionBlock.Children[0].ChildNodes.ToArray());
                paragraph.Append(link);
                media.Replace(paragraph);
            }

            captionBlock.Remove();
        }
    }

    /// <summary>VOA separates paragraphs with <c>&lt;br /&gt;&lt;br /&gt;</c> inside one <c>&lt;p&gt;</c>: split there.</summary>
    public static void SplitDoubleBreaks(IElement body)
    {
        var document = body.Owner!;
        foreach (var paragraph in body.QuerySelectorAll("p").ToList())
        {
            if (paragraph.QuerySelectorAll("br").Length < 2)
            {
                continue;
            }

            var parts = new List<List<INode>> { new() };
            var nodes = paragraph.ChildNodes.ToList();
            for (var i = 0; i < nodes.Count; i++)
            {
                if (nodes[i] is IElement { LocalName: "br" })
                {
                    var last = i;
                    for (var next = NextBreak(nodes, last); next > 0; next = NextBreak(nodes, last))
                    {
                        last = next;
                    }

                    if (last > i)
                    {
                        parts.Add([]);
                        i = last;
                        continue;
                    }
                }

                parts[^1].Add(nodes[i]);
            }

            if (parts.Count == 1)
            {
                continue;
            }

            foreach (var part in parts)
            {
                var piece = document.CreateElement("p");
                piece.Append(part.ToArray());
                paragraph.Before(piece);
            }

            paragraph.Remove();
        }
    }

    /// <summary>The index of a <c>&lt;br&gt;</c> following the one at <paramref name="at"/> with only whitespace between, or -1.</summary>
    private static int NextBreak(List<INode> nodes, int at)
    {
        for (var j = at + 1; j < nodes.Count; j++)
        {
            if (nodes[j] is IElement { LocalName: "br" })
            {
                return j;
            }

            if (nodes[j] is IElement || nodes[j].TextContent.Trim().Length > 0)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// VOA and DW mark section headings as a paragraph that is one short bold run
    /// (<c>&lt;p&gt;&lt;strong&gt;拜登的问题&lt;/strong&gt;&lt;/p&gt;</c>): those become <c>&lt;h3&gt;</c>.
    /// </summary>
    public static void PromoteBoldHeadings(IElement body)
    {
        foreach (var paragraph in body.QuerySelectorAll("p").ToList())
        {
            var text = paragraph.TextContent.Trim();
            if (paragraph.Children.Length != 1 || paragraph.Children[0].LocalName is not ("strong" or "b")
                || paragraph.Children[0].TextContent.Trim() != text
                || text.Length is 0 or > MaxHeadingLength || "。.!！?？:：;；,，)）".Contains(text[^1], StringComparison.Ordinal))
            {
                continue;
            }

            var heading = body.Owner!.CreateElement("h3");
            heading.Append(paragraph.Children[0].ChildNodes.ToArray());
            paragraph.Replace(heading);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
