using AngleSharp.Dom;

namespace SiteGen.Sources.Mirror;

/// <summary>
/// Tags from the outlets' tag links, which the mirrors keep as <c>&lt;ok href&gt;</c> (or <c>&lt;a&gt;</c>,
/// or 看中国's <c>&lt;span href&gt;</c>): <c>…/gb/tag/%E6%99%AE%E4%BA%AC.html</c> → 普京, NTD's
/// <c>…/gb/乌克兰.htm</c> around the word 乌克兰 → 乌克兰. In order of first appearance, no duplicates.
/// In the body a tag link becomes its plain words: the site renders tags from front matter.
/// </summary>
internal static class TagLinks
{
    public static List<string> Take(IElement root)
    {
        var tags = new List<string>();
        foreach (var element in root.QuerySelectorAll("ok[href], a[href], span[href]").ToList())
        {
            var tag = TagOf(element);
            if (tag is null)
            {
                continue;
            }

            if (!tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }

            if (element.LocalName == "a")
            {
                Unwrap(element);
            }
        }

        return tags;
    }

    private static string? TagOf(IElement element)
    {
        if (!Uri.TryCreate(element.GetAttribute("href")?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Decode).ToArray();
        var at = Array.FindIndex(segments, s => s.Equals("tag", StringComparison.OrdinalIgnoreCase));
        if (at >= 0 && at + 1 < segments.Length)
        {
            return Named(WithoutExtension(segments[at + 1]));
        }

        // NTD links a tag page by the tag word itself; the link text says it is one.
        var text = element.TextContent.Trim();
        if (element.LocalName == "ok" && segments.Length > 0 && text.Length > 0
            && WithoutExtension(segments[^1]) == text && segments[^1] != text)
        {
            return Named(text);
        }

        return null;
    }

    private static string? Named(string tag)
    {
        tag = tag.Trim();
        return tag.Length == 0 ? null : tag;
    }

    private static string Decode(string segment)
    {
        try
        {
            return Uri.UnescapeDataString(segment);
        }
        catch (UriFormatException)
        {
            return segment;
        }
    }

    private static string WithoutExtension(string segment)
    {
        foreach (var ext in new[] { ".html", ".htm", ".shtml" })
        {
            if (segment.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return segment[..^ext.Length];
            }
        }

        return segment;
    }

    private static void Unwrap(IElement element)
    {
        var parent = element.Parent;
        if (parent is null)
        {
            return;
        }

        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }

        element.Remove();
    }
}
