namespace SiteGen.Normalize;

/// <summary>
/// A linear pre-scan of untrusted HTML, before the HTML parser builds a DOM from it. The HTML5 tree
/// builder's cost grows with nesting (100,000 nested <c>&lt;div&gt;</c> take AngleSharp minutes) and it
/// re-creates unclosed formatting elements (<c>&lt;b&gt;</c>, <c>&lt;font&gt;</c>) in every later block,
/// so a small file can demand millions of elements. The scan counts start tags, the nesting of
/// elements that do not close by themselves, and an estimate of those re-created elements, and
/// refuses the HTML past the limits — far above any article (the corpus peaks far below).
/// </summary>
public static class HtmlGuard
{
    /// <summary>Most open elements at once (not counting void and self-closing ones such as <c>p</c>, <c>li</c>, <c>td</c>).</summary>
    public const int MaxDepth = 512;

    /// <summary>Most start tags in one document.</summary>
    public const int MaxElements = 100_000;

    /// <summary>Most formatting elements the parser may have to re-create (sum over start tags of the unclosed ones).</summary>
    public const int MaxRecreated = 200_000;

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "frame", "basefont", "bgsound",
    };

    /// <summary>Elements that a later sibling or their parent's end closes by themselves; they do not nest.</summary>
    private static readonly HashSet<string> SelfClosing = new(StringComparer.Ordinal)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rtc", "rp", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
    };

    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    };

    /// <summary>Null when the HTML may be parsed, else why not.</summary>
    public static string? Check(string html)
    {
        var depth = 0;
        var elements = 0;
        var unclosedFormatting = 0;
        long recreated = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (endComment < 0)
                {
                    break;
                }

                i = endComment + 3;
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var start = i + (closing ? 2 : 1);
            var end = start;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':'))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(html[start]))
            {
                i++;
                continue;
            }

            var name = html[start..end].ToLowerInvariant();
            var close = html.IndexOf('>', end);
            if (close < 0)
            {
                break;
            }

            i = close + 1;
            if (closing)
            {
                if (Formatting.Contains(name))
                {
                    unclosedFormatting = Math.Max(0, unclosedFormatting - 1);
                }

                if (!Void.Contains(name) && !SelfClosing.Contains(name))
                {
                    depth = Math.Max(0, depth - 1);
                }

                continue;
            }

            recreated += unclosedFormatting;
            if (++elements > MaxElements)
            {
                return $"too much HTML: more than {MaxElements:N0} elements";
            }

            if (recreated > MaxRecreated)
            {
                return $"too much HTML: unclosed formatting tags would make the parser re-create more than {MaxRecreated:N0} elements";
            }

            if (RawText.Contains(name))
            {
                var endRaw = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (endRaw < 0)
                {
                    break;
                }

                i = endRaw;
                continue;
            }

            if (Void.Contains(name) || SelfClosing.Contains(name) || html[close - 1] == '/')
            {
                continue;
            }

            if (Formatting.Contains(name))
            {
                unclosedFormatting++;
            }

            if (++depth > MaxDepth)
            {
                return $"HTML nested deeper than {MaxDepth} levels";
            }
        }

        return null;
    }
}
