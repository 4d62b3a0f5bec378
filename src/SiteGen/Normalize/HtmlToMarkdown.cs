using System.Text;
using AngleSharp.Dom;

namespace SiteGen.Normalize;

/// <summary>
/// Converts an HTML fragment (already stripped of non-article parts by a reader) to CommonMark
/// through AngleSharp's DOM. Guarantees, whatever the input:
/// - no raw HTML in the output: every text character that Markdown could read as markup is
///   backslash-escaped, so <c>&lt;script&gt;</c> in text stays text;
/// - every text node outside dropped elements (script, style, iframe, form controls …) reaches the
///   output, in document order;
/// - whitespace collapses as a browser would show it, except that a line break next to a Chinese
///   character is dropped (the source's pretty-printing, not a space in the text);
/// - links and images keep only http(s)/mailto URLs (<see cref="UrlPolicy"/>), image proxies are
///   unwrapped;
/// - unknown elements (<c>&lt;ok href&gt;</c>, Word's spans, <c>&lt;font&gt;</c>) are transparent: their
///   text stays, their tags go.
/// </summary>
public static class HtmlToMarkdown
{
    /// <summary>Deeper nesting than this is flattened to its text, so hostile input cannot overflow the stack.</summary>
    public const int MaxDepth = 256;

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "iframe", "object", "embed", "template", "svg", "math", "form",
        "input", "button", "select", "textarea", "option", "head", "meta", "link", "title", "base",
        "canvas", "audio", "video", "source", "track", "map", "area", "frame", "frameset", "applet", "dialog",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote",
        "ul", "ol", "li", "dl", "dt", "dd", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "figure",
        "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "address",
        "details", "summary", "center", "body", "html", "fieldset", "legend", "hgroup",
    };

    /// <summary>Parses <paramref name="html"/> as a body fragment and converts it.</summary>
    public static string Convert(string html)
    {
        return Convert(HtmlFragment.ParseBody(html));
    }

    /// <summary>Converts the children of <paramref name="root"/> (a reader's cleaned DOM subtree).</summary>
    public static string Convert(INode root)
    {
        var texts = WhitespaceCollapser.Collapse(root);
        var writer = new BlockWriter(texts);
        writer.WriteChildren(root, 0);
        return writer.Finish();
    }

    internal static bool IsDropped(IElement element) => Dropped.Contains(element.LocalName);

    internal static bool IsBlock(INode node) => node is IElement e && Blocks.Contains(e.LocalName);

    /// <summary>Backslash-escapes every ASCII punctuation character that Markdown gives a meaning to.</summary>
    internal static void AppendEscaped(StringBuilder sb, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '~' or '|' or '^' or '!' or '{' or '}':
                    sb.Append('\\').Append(c);
                    break;
                case '&' when LooksLikeEntity(text, i):
                    sb.Append("\\&");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
    }

    private static bool LooksLikeEntity(string text, int amp)
    {
        var i = amp + 1;
        if (i < text.Length && text[i] == '#')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        return i > start && i < text.Length && text[i] == ';';
    }

    /// <summary>
    /// Writes blocks (paragraphs, headings, lists, quotes, figures) separated by blank lines. Inline
    /// content is gathered until a block element closes the paragraph.
    /// </summary>
    private sealed class BlockWriter(IReadOnlyDictionary<INode, string> texts)
    {
        private readonly List<string> _blocks = [];
        private readonly StringBuilder _inline = new();

        /// <summary>Set while writing a figure's caption: its images are written by the figure itself.</summary>
        private bool _skipImages;

        // Where the last emphasis run closed, so that an adjacent run of the same kind continues it.
        private int _emphasisEnd = -1;
        private string? _emphasisMarker;

        public string Finish()
        {
            FlushParagraph();
            return string.Join("\n\n", _blocks);
        }

        public void WriteChildren(INode parent, int depth)
        {
            foreach (var child in parent.ChildNodes)
            {
                Write(child, depth + 1);
            }
        }

        private void Write(INode node, int depth)
        {
            if (node is IText)
            {
                AppendText(node);
                return;
            }

            if (node is not IElement element || IsDropped(element))
            {
                return;
            }

            if (depth > MaxDepth)
            {
                _inline.Append(EscapedText(element.TextContent));
                return;
            }

            switch (element.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    FlushParagraph();
                    var (headingText, headingHasBlocks) = Render(element, depth);
                    if (headingHasBlocks)
                    {
                        // A heading cannot hold blocks (a code block, a list): keep the blocks.
                        AddBlocks(headingText);
                        return;
                    }

                    var heading = EscapeClosingHashes(OneLine(headingText));
                    if (heading.Length > 0)
                    {
                        _blocks.Add(new string('#', element.LocalName[1] - '0') + " " + heading);
                    }

                    return;
                case "hr":
                    FlushParagraph();
                    _blocks.Add("***");
                    return;
                case "br":
                    AppendBreak();
                    return;
                case "blockquote":
                    FlushParagraph();
                    AddPrefixed(Nested(element, depth), "> ", "> ");
                    return;
                case "ul" or "ol":
                    FlushParagraph();
                    WriteList(element, depth);
                    return;
                case "pre":
                    FlushParagraph();
                    WriteCode(element);
                    return;
                case "figure":
                    FlushParagraph();
                    WriteFigure(element, depth);
                    return;
                case "img":
                    AppendImage(element);
                    return;
                case "a":
                    AppendLink(element, depth);
                    return;
                case "strong" or "b":
                    AppendWrapped(element, "**", depth);
                    return;
                case "em" or "i" or "cite":
                    AppendWrapped(element, "*", depth);
                    return;
                case "table":
                    FlushParagraph();
                    WriteTable(element, depth);
                    return;
            }

            if (IsBlock(element))
            {
                FlushParagraph();
                WriteChildren(element, depth);
                FlushParagraph();
            }
            else
            {
                WriteChildren(element, depth);
            }
        }

        /// <summary>
        /// One <c>&lt;br&gt;</c> is a line break; a second one right after it (only spaces between) is
        /// how many sources separate paragraphs, so it ends the paragraph instead.
        /// </summary>
        private void AppendBreak()
        {
            var end = _inline.Length;
            while (end > 0 && _inline[end - 1] == ' ')
            {
                end--;
            }

            if (end >= 2 && _inline[end - 1] == '\n' && _inline[end - 2] == '\\')
            {
                _inline.Length = end - 2;
                FlushParagraph();
                return;
            }

            _inline.Append("\\\n");
        }

        private void AppendText(INode node)
        {
            if (texts.TryGetValue(node, out var text) && text.Length > 0)
            {
                AppendEscaped(_inline, text);
            }
        }

        private static string EscapedText(string text)
        {
            var sb = new StringBuilder(text.Length);
            AppendEscaped(sb, string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            return sb.ToString();
        }

        /// <summary>
        /// Renders an element's children in a fresh writer: untrimmed inline Markdown when they hold
        /// no block (so the caller can keep edge spaces outside its markers), else finished blocks.
        /// </summary>
        private (string Markdown, bool IsBlocks) Render(IElement element, int depth)
        {
            var inner = new BlockWriter(texts) { _skipImages = _skipImages };
            inner.WriteChildren(element, depth);
            return inner._blocks.Count == 0 ? (inner._inline.ToString(), false) : (inner.Finish(), true);
        }

        private string InlineOf(IElement element, int depth) => Render(element, depth).Markdown;

        /// <summary>Renders an element's children as finished blocks in a fresh writer.</summary>
        private string Nested(IElement element, int depth)
        {
            var inner = new BlockWriter(texts);
            inner.WriteChildren(element, depth);
            return inner.Finish();
        }

        /// <summary>Content that held blocks cannot sit inside inline markers: it goes out as blocks.</summary>
        private void AddBlocks(string blocks)
        {
            FlushParagraph();
            if (blocks.Length > 0)
            {
                _blocks.Add(blocks);
            }
        }

        private void AppendWrapped(IElement element, string marker, int depth)
        {
            var (inner, isBlocks) = Render(element, depth);
            if (isBlocks)
            {
                // Emphasis around blocks is not Markdown: keep the blocks, drop the emphasis.
                AddBlocks(inner);
                return;
            }

            var trimmed = inner.Trim();
            if (trimmed.Length == 0 || trimmed.EndsWith('\\'))
            {
                _inline.Append(inner);
                return;
            }

            if (inner.StartsWith(' '))
            {
                _inline.Append(' ');
            }

            // Punctuation at the edge of a run (Rychlak<em>, Disinformation</em>) would leave the marker
            // unparsed beside a letter: it goes outside the run, where it reads the same.
            var (lead, core, tail) = EmphasisEdges.Split(trimmed);
            if (_inline.Length == _emphasisEnd && _emphasisMarker == marker)
            {
                // <b>a</b><b>——</b><b>b</b> is one run: "**a****b**" would not parse as emphasis.
                _inline.Length -= marker.Length;
                _inline.Append(trimmed).Append(marker);
                (core, tail) = (trimmed, "");
            }
            else if (core.Length == 0 || !EmphasisEdges.CanOpen(LastChar(lead), core[0]))
            {
                // Only punctuation (<em>,</em>), or a run CommonMark cannot open here (a letter, then
                // the marker, then "#"): the words without the emphasis, never stray asterisks.
                _inline.Append(trimmed);
                (core, tail) = ("", "");
            }
            else
            {
                _inline.Append(lead).Append(marker).Append(core).Append(marker);
            }

            _emphasisEnd = core.Length == 0 ? -1 : _inline.Length;
            _emphasisMarker = marker;
            _inline.Append(tail);
            if (inner.EndsWith(' '))
            {
                _inline.Append(' ');
            }
        }

        /// <summary>The character an emphasis marker written now would follow.</summary>
        private char LastChar(string lead) => lead.Length > 0 ? lead[^1] : _inline.Length > 0 ? _inline[^1] : ' ';

        private void AppendLink(IElement element, int depth)
        {
            var (inner, isBlocks) = Render(element, depth);
            if (isBlocks)
            {
                AddBlocks(inner);
                return;
            }

            var href = UrlPolicy.Clean(element.GetAttribute("href"));
            if (href is null || inner.Trim().Length == 0)
            {
                _inline.Append(inner);
                return;
            }

            if (inner.StartsWith(' '))
            {
                _inline.Append(' ');
            }

            _inline.Append('[').Append(inner.Trim()).Append("](").Append(Destination(href)).Append(')');
            if (inner.EndsWith(' '))
            {
                _inline.Append(' ');
            }
        }

        private void AppendImage(IElement element)
        {
            if (_skipImages)
            {
                return;
            }

            var src = UrlPolicy.Clean(element.GetAttribute("src") ?? element.GetAttribute("data-src"));
            if (src is null)
            {
                return;
            }

            _inline.Append(Image(src, element.GetAttribute("alt")));
        }

        private static string Image(string src, string? alt)
        {
            var sb = new StringBuilder("![");
            AppendEscaped(sb, OneLine(alt ?? ""));
            return sb.Append("](").Append(Destination(src)).Append(')').ToString();
        }

        private static string Destination(string url) =>
            url.IndexOfAny([' ', '(', ')', '<', '>']) >= 0
                ? "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal) + ">"
                : url;

        /// <summary>
        /// A simple figure (images and caption text) becomes Markdig's figure block: <c>^^^</c>, the
        /// images, <c>^^^ caption</c>. All its text — the figcaption and loose text that some feeds put
        /// after the image — becomes the caption, so no word is lost. A figure holding blocks (code,
        /// headings, lists, tables, figures) is written as ordinary blocks instead.
        /// </summary>
        private void WriteFigure(IElement figure, int depth)
        {
            var images = figure.QuerySelectorAll("img")
                .Select(img => (Src: UrlPolicy.Clean(img.GetAttribute("src") ?? img.GetAttribute("data-src")), Alt: img.GetAttribute("alt")))
                .Where(img => img.Src is not null)
                .Select(img => Image(img.Src!, img.Alt))
                .ToList();
            var complex = figure.QuerySelector("pre, figure, h1, h2, h3, h4, h5, h6, ul, ol, table, blockquote, td, tr, th, li, dl") is not null;
            if (images.Count == 0 || complex)
            {
                WriteChildren(figure, depth);
                FlushParagraph();
                return;
            }

            var captionWriter = new BlockWriter(texts) { _skipImages = true };
            captionWriter.WriteChildren(figure, depth);
            var caption = OneLine(captionWriter.Finish());
            _blocks.Add("^^^\n" + string.Join("\n", images) + "\n^^^" + (caption.Length > 0 ? " " + caption : ""));
        }

        private void WriteList(IElement list, int depth)
        {
            var ordered = list.LocalName == "ol";
            var number = 1;
            var items = new List<string>();
            foreach (var child in list.ChildNodes)
            {
                string content;
                if (child is IElement { LocalName: "li" } li)
                {
                    content = Nested(li, depth);
                }
                else if (child is IElement e && !IsDropped(e))
                {
                    // A stray element directly in a list (browsers show it as an item of its own).
                    var inner = new BlockWriter(texts);
                    inner.Write(e, depth + 1);
                    content = inner.Finish();
                }
                else if (child is IText && texts.TryGetValue(child, out var text) && text.Trim().Length > 0)
                {
                    var sb = new StringBuilder();
                    AppendEscaped(sb, text.Trim());
                    content = EscapeLineStart(sb.ToString());
                }
                else
                {
                    continue;
                }

                if (content.Trim().Length == 0)
                {
                    continue;
                }

                var marker = ordered ? $"{number++}. " : "- ";
                items.Add(Prefix(content, marker, new string(' ', marker.Length)));
            }

            if (items.Count > 0)
            {
                _blocks.Add(string.Join("\n", items));
            }
        }

        private void WriteCode(IElement pre)
        {
            var code = VisibleText(pre).Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
            if (code.Trim().Length == 0)
            {
                return;
            }

            var fence = "```";
            while (code.Contains(fence, StringComparison.Ordinal))
            {
                fence += "`";
            }

            _blocks.Add(fence + "\n" + code + "\n" + fence);
        }

        /// <summary>
        /// A regular table (rows of cells holding inline content only, nothing outside the cells) becomes
        /// a pipe table; any other table is written as ordinary blocks, one per cell, so no text is lost.
        /// </summary>
        private void WriteTable(IElement table, int depth)
        {
            var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
            var cells = new List<List<string>>();
            var cellText = new StringBuilder();
            var regular = rows.Count > 0;
            foreach (var row in rows)
            {
                var line = new List<string>();
                foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
                {
                    var (markdown, isBlocks) = Render(cell, depth);
                    regular &= !isBlocks;
                    line.Add(OneLine(markdown));
                    cellText.Append(VisibleText(cell));
                }

                if (line.Count > 0)
                {
                    cells.Add(line);
                }
            }

            if (!regular || cells.Count == 0 || NonSpace(cellText.ToString()) != NonSpace(VisibleText(table)))
            {
                WriteChildren(table, depth);
                FlushParagraph();
                return;
            }

            var width = cells.Max(r => r.Count);
            var lines = new List<string>();
            for (var i = 0; i < cells.Count; i++)
            {
                var row = cells[i].Concat(Enumerable.Repeat("", width - cells[i].Count));
                lines.Add("| " + string.Join(" | ", row) + " |");
                if (i == 0)
                {
                    lines.Add("|" + string.Concat(Enumerable.Repeat(" --- |", width)));
                }
            }

            _blocks.Add(string.Join("\n", lines));
        }

        private static string NonSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

        /// <summary>The text of a subtree without the text of dropped elements (style sheets, scripts).</summary>
        private static string VisibleText(INode root)
        {
            var sb = new StringBuilder();
            var stack = new Stack<INode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node is IText text)
                {
                    sb.Append(text.Data);
                }
                else if (node == root || (node is IElement e && !IsDropped(e)))
                {
                    for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                    {
                        stack.Push(node.ChildNodes[i]);
                    }
                }
            }

            return sb.ToString();
        }

        private void AddPrefixed(string content, string first, string rest)
        {
            if (content.Trim().Length > 0)
            {
                _blocks.Add(Prefix(content, first, rest));
            }
        }

        private static string Prefix(string content, string first, string rest)
        {
            var lines = content.Split('\n');
            var sb = new StringBuilder();
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append('\n');
                }

                var prefix = i == 0 ? first : rest;
                sb.Append(lines[i].Length == 0 ? prefix.TrimEnd() : prefix + lines[i]);
            }

            return sb.ToString();
        }

        private void FlushParagraph()
        {
            _emphasisEnd = -1;
            if (_inline.Length == 0)
            {
                return;
            }

            // Two strong runs that met across a link or span (<strong>a</strong><a><strong>b</strong></a>)
            // are one run: "**a****b**" would print its asterisks.
            var text = EmphasisEdges.JoinAdjacentStrong(_inline.ToString());
            _inline.Clear();
            _emphasisEnd = -1;
            var lines = text.Split('\n');
            var sb = new StringBuilder(text.Length + 8);
            foreach (var raw in lines)
            {
                // A no-break space at a line's edge is layout (Epoch Times' <p>&nbsp;</p> spacers, an
                // indent before the dateline), never text: a line of nothing else is no line.
                var line = raw.Trim(' ', '\u00A0');
                if (line.Length == 0 || line == "\\")
                {
                    continue;
                }

                if (sb.Length > 0)
                {
                    sb.Append('\n');
                }

                sb.Append(EscapeLineStart(line));
            }

            // A paragraph must not end in a hard-break backslash (it would print as "\").
            while (sb.Length > 0 && sb[^1] == '\\' && (sb.Length < 2 || sb[^2] != '\\'))
            {
                sb.Length--;
                while (sb.Length > 0 && sb[^1] is ' ' or '\n')
                {
                    sb.Length--;
                }
            }

            if (sb.Length > 0)
            {
                _blocks.Add(sb.ToString());
            }
        }

        /// <summary>A heading ending in " #" (or all "#") would lose those to ATX's closing sequence.</summary>
        private static string EscapeClosingHashes(string heading)
        {
            var start = heading.Length;
            while (start > 0 && heading[start - 1] == '#')
            {
                start--;
            }

            return start < heading.Length && (start == 0 || heading[start - 1] == ' ')
                ? heading[..start] + "\\" + heading[start..]
                : heading;
        }

        /// <summary>Escapes what would start a heading, list, quote, setext underline or code fence.</summary>
        private static string EscapeLineStart(string line)
        {
            var c = line[0];
            if (c is '#' or '-' or '+' or '=')
            {
                return "\\" + line;
            }

            var i = 0;
            while (i < line.Length && char.IsAsciiDigit(line[i]))
            {
                i++;
            }

            if (i > 0 && i < line.Length && line[i] is '.' or ')')
            {
                return line[..i] + "\\" + line[i..];
            }

            return line;
        }

        private static string OneLine(string markdown) =>
            string.Join(' ', markdown.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
