using System.Buffers;
using System.Net;

namespace SiteGen.Publishing;

/// <summary>
/// Finds the start tags of an HTML page and their attributes, following the tokenizer states of the
/// HTML standard that decide where a tag begins and ends: comments, doctypes and bogus comments are
/// skipped, end tags are read to their real end (a quoted <c>&gt;</c> does not end them), attribute
/// names are lower-cased and the first of two equal names wins, values are quoted or not, character
/// references in values are decoded, and after <c>script</c>, <c>style</c>, <c>title</c>,
/// <c>textarea</c> and the other raw-text elements everything up to the matching end tag is text.
/// <para>
/// Why not AngleSharp (which the link checker used, and which the tests compare this with): the
/// checker needs nothing but the start tags, and a page is mostly text between them, which this skips
/// with a vectorized search for <c>&lt;</c>; AngleSharp's tokenizer looks at every character and
/// allocates a token for each text run. On the generated 1,000-article site this is the difference
/// between a third of the render loop and almost nothing.
/// </para>
/// Simplifications, none of which our templates produce: script data's <c>&lt;!--</c> escape states,
/// CDATA sections in SVG and MathML, raw-text elements inside SVG, and legacy named references written
/// without their semicolon.
/// </summary>
public static class StartTagScanner
{
    /// <summary>Says whether to keep an attribute, given its lower-case name.</summary>
    public delegate bool NameFilter(ReadOnlySpan<char> name);

    // Names met on every page, handed out without allocating a string each time.
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CommonNames = new[]
    {
        "a", "p", "div", "span", "li", "ul", "ol", "img", "link", "meta", "script", "style", "title", "time", "dd", "dt", "dl",
        "h1", "h2", "h3", "nav", "main", "header", "footer", "article", "section", "figure", "figcaption", "blockquote", "em",
        "strong", "html", "head", "body", "form", "input", "label", "button", "noscript", "svg", "path", "table", "tr", "td",
        "href", "src", "class", "id", "rel", "lang", "hreflang", "content", "property", "name", "loading", "referrerpolicy", "alt",
        "datetime", "type", "title", "aria-label", "dir", "charset", "srcset", "action", "method", "value", "for", "role",
    }.Distinct(StringComparer.Ordinal).ToDictionary(n => n, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> TagNameEnd = SearchValues.Create("\t\n\f\r />");
    private static readonly SearchValues<char> AttributeNameEnd = SearchValues.Create("\t\n\f\r />=");
    private static readonly SearchValues<char> UnquotedValueEnd = SearchValues.Create("\t\n\f\r >");

    /// <summary>
    /// Calls <paramref name="onStartTag"/> for every start tag, in document order, with its lower-case
    /// name and its attributes (the list is reused: copy what you keep).
    /// </summary>
    public static void Scan(ReadOnlySpan<char> html, Action<string, List<(string Name, string Value)>> onStartTag) => Scan(html, (NameFilter?)null, onStartTag);

    /// <summary>
    /// As <see cref="Scan(ReadOnlySpan{char}, Action{string, List{ValueTuple{string, string}}})"/>, keeping only the
    /// attributes whose (lower-case) name <paramref name="wanted"/> accepts: the others are skipped
    /// without making strings of them.
    /// </summary>
    public static void Scan(ReadOnlySpan<char> html, Func<string, bool>? wanted, Action<string, List<(string Name, string Value)>> onStartTag) =>
        Scan(html, wanted is null ? null : new NameFilter(name => wanted(name.ToString())), onStartTag);

    /// <summary>
    /// As <see cref="Scan(ReadOnlySpan{char}, Func{string, bool}?, Action{string, List{ValueTuple{string, string}}})"/>,
    /// asking <paramref name="wanted"/> about each attribute's (lower-case) name as a span, so that no
    /// string is made of a name it does not want.
    /// </summary>
    public static void Scan(ReadOnlySpan<char> html, NameFilter? wanted, Action<string, List<(string Name, string Value)>> onStartTag)
    {
        var decoded = new List<(string Name, string Value)>();
        ScanRaw(html, wanted, (tag, text, attributes) =>
        {
            decoded.Clear();
            foreach (var attribute in attributes)
            {
                decoded.Add((attribute.Name, Decode(attribute.In(text))));
            }

            onStartTag(tag, decoded);
        });
    }

    /// <summary>A start tag's attributes as they stand in the page: the text of <paramref name="html"/> at each one's value, undecoded.</summary>
    public delegate void RawStartTagHandler(string tag, ReadOnlySpan<char> html, List<TagValue> attributes);

    /// <summary>
    /// As <see cref="Scan(ReadOnlySpan{char}, NameFilter?, Action{string, List{ValueTuple{string, string}}})"/>,
    /// giving each kept attribute's value as where it stands in the page (<see cref="TagValue.In"/>,
    /// <see cref="Decode"/>): a value the handler only compares or looks up is never made a string.
    /// </summary>
    public static void ScanRaw(ReadOnlySpan<char> html, NameFilter? wanted, RawStartTagHandler onStartTag)
    {
        var attributes = new List<TagValue>();
        var i = 0;
        while (true)
        {
            var lt = html.Slice(i).IndexOf('<');
            if (lt < 0)
            {
                return;
            }

            i += lt + 1;
            if (i >= html.Length)
            {
                return;
            }

            var c = html[i];
            if (char.IsAsciiLetter(c))
            {
                var (name, end) = ReadTag(html, i, attributes, wanted);
                if (end < 0)
                {
                    return; // the file ends inside the tag: the tokenizer drops it
                }

                onStartTag(name, html, attributes);
                i = RawTextEnd(html, name, end);
            }
            else if (c == '/')
            {
                if (i + 1 < html.Length && char.IsAsciiLetter(html[i + 1]))
                {
                    i = ReadTag(html, i + 1, attributes, NoAttributes, endTag: true).End; // an end tag: its attributes are parsed, then dropped
                }
                else if (i + 1 < html.Length && html[i + 1] == '>')
                {
                    i += 2;
                }
                else
                {
                    i = SkipPast(html, i, '>'); // bogus comment
                }
            }
            else if (c == '!')
            {
                i = html.Slice(i + 1).StartsWith("--") ? CommentEnd(html, i + 3) : SkipPast(html, i, '>');
            }
            else if (c == '?')
            {
                i = SkipPast(html, i, '>');
            }

            if (i < 0)
            {
                return;
            }
        }
    }

    /// <summary>Reads a tag from its name's first character; returns its name and the index after its <c>&gt;</c>, or -1 at the end of the file.</summary>
    private static (string Name, int End) ReadTag(ReadOnlySpan<char> html, int start, List<TagValue> attributes, NameFilter? wanted, bool endTag = false)
    {
        attributes.Clear();
        var nameEnd = html.Slice(start).IndexOfAny(TagNameEnd);
        if (nameEnd < 0)
        {
            return ("", -1);
        }

        var name = endTag ? "" : Name(html.Slice(start, nameEnd)); // an end tag's name is not needed
        var i = start + nameEnd;
        while (i < html.Length)
        {
            var c = html[i];
            if (IsSpace(c) || c == '/')
            {
                i++;
                continue;
            }

            if (c == '>')
            {
                return (name, i + 1);
            }

            // An attribute name: a leading '=' belongs to it.
            var nameStart = i;
            var stop = html.Slice(i + 1).IndexOfAny(AttributeNameEnd);
            if (stop < 0)
            {
                return (name, -1);
            }

            i += 1 + stop;
            var raw = html.Slice(nameStart, i - nameStart);
            string? attribute = null;
            var keep = wanted is null || wanted(IsLowerCase(raw) ? raw : attribute = Name(raw));
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            var (valueStart, valueLength) = (0, 0);
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }

                if (i >= html.Length)
                {
                    return (name, -1);
                }

                if (html[i] is '"' or '\'')
                {
                    var close = IndexOf(html, html[i], i + 1);
                    if (close < 0)
                    {
                        return (name, -1);
                    }

                    (valueStart, valueLength) = (i + 1, close - i - 1);
                    i = close + 1;
                }
                else if (html[i] != '>')
                {
                    var valueEnd = html.Slice(i).IndexOfAny(UnquotedValueEnd);
                    if (valueEnd < 0)
                    {
                        return (name, -1);
                    }

                    (valueStart, valueLength) = (i, valueEnd);
                    i += valueEnd;
                }
            }

            if (keep)
            {
                attribute ??= Name(raw);
                if (!Has(attributes, attribute))
                {
                    attributes.Add(new TagValue(attribute, valueStart, valueLength));
                }
            }
        }

        return (name, -1);
    }

    /// <summary>After the start tag of a raw-text element, the index after its end tag (or the end of the file).</summary>
    private static int RawTextEnd(ReadOnlySpan<char> html, string name, int from)
    {
        if (name is "plaintext")
        {
            return html.Length;
        }

        if (name is not ("script" or "style" or "title" or "textarea" or "xmp" or "iframe" or "noembed" or "noframes"))
        {
            return from;
        }

        var i = from;
        while (true)
        {
            var at = IndexOf(html, "</", i);
            if (at < 0)
            {
                return html.Length;
            }

            var after = at + 2 + name.Length;
            if (after <= html.Length
                && html.Slice(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == html.Length || IsSpace(html[after]) || html[after] is '/' or '>'))
            {
                return at; // the end tag itself is read as one by the main loop
            }

            i = at + 2;
        }
    }

    private static int CommentEnd(ReadOnlySpan<char> html, int from)
    {
        // "<!-->" and "<!--->" end at once; otherwise at "-->" or "--!>".
        if (from < html.Length && html[from] == '>')
        {
            return from + 1;
        }

        if (from + 1 < html.Length && html[from] == '-' && html[from + 1] == '>')
        {
            return from + 2;
        }

        var i = from;
        while (true)
        {
            var dash = IndexOf(html, "--", i);
            if (dash < 0)
            {
                return -1;
            }

            var after = dash + 2;
            while (after < html.Length && html[after] == '-')
            {
                after++; // "--->" ends the comment too
            }

            if (after < html.Length && html[after] == '>')
            {
                return after + 1;
            }

            if (after + 1 < html.Length && html[after] == '!' && html[after + 1] == '>')
            {
                return after + 2;
            }

            i = after;
        }
    }

    private static int SkipPast(ReadOnlySpan<char> html, int from, char c)
    {
        var at = IndexOf(html, c, from);
        return at < 0 ? -1 : at + 1;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private static readonly NameFilter NoAttributes = static _ => false;

    /// <summary>Whether <see cref="Name"/> would give the text as it is (no upper-case ASCII letter, no NUL).</summary>
    private static bool IsLowerCase(ReadOnlySpan<char> text) => !text.ContainsAnyInRange('A', 'Z') && !text.Contains('\0');

    private static bool Has(List<TagValue> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A tag or attribute name: ASCII letters lower-cased (only those, as the standard says), NUL replaced.</summary>
    private static string Name(ReadOnlySpan<char> text)
    {
        if (CommonNames.TryGetValue(text, out var common))
        {
            return common;
        }

        if (IsLowerCase(text))
        {
            return text.ToString();
        }

        var chars = text.ToArray();
        for (var k = 0; k < chars.Length; k++)
        {
            chars[k] = chars[k] switch
            {
                >= 'A' and <= 'Z' => (char)(chars[k] + 32),
                '\0' => '\uFFFD',
                _ => chars[k],
            };
        }

        return new string(chars);
    }

    /// <summary>Whether <see cref="Decode"/> gives <paramref name="raw"/> as it is (no character reference, carriage return or NUL).</summary>
    public static bool IsPlain(ReadOnlySpan<char> raw) => raw.IndexOfAny(NotPlain) < 0;

    private static readonly SearchValues<char> NotPlain = SearchValues.Create("&\r\0");

    /// <summary>An attribute value as the browser reads it: newlines normalized, character references decoded, NUL replaced.</summary>
    public static string Decode(ReadOnlySpan<char> raw)
    {
        var s = raw.Contains('\r') ? raw.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : raw.ToString();
        if (s.Contains('&', StringComparison.Ordinal))
        {
            s = WebUtility.HtmlDecode(s);
        }

        return s.Contains('\0', StringComparison.Ordinal) ? s.Replace('\0', '\uFFFD') : s;
    }

    /// <summary><see cref="string.IndexOf(char, int)"/> for a span: the index in <paramref name="text"/>, or -1.</summary>
    private static int IndexOf(ReadOnlySpan<char> text, char c, int from)
    {
        var at = text[from..].IndexOf(c);
        return at < 0 ? -1 : at + from;
    }

    private static int IndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> value, int from)
    {
        var at = text[from..].IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? -1 : at + from;
    }
}

/// <summary>A kept attribute of a start tag: its lower-case name, and where its value stands in the page (empty when it has none).</summary>
public readonly record struct TagValue(string Name, int Start, int Length)
{
    /// <summary>The value's text as written in <paramref name="html"/> (the page that was scanned), before decoding.</summary>
    public ReadOnlySpan<char> In(ReadOnlySpan<char> html) => html.Slice(Start, Length);
}
