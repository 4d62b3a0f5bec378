using System.Text;
using AngleSharp.Dom;

namespace SiteGen.Normalize;

/// <summary>
/// Computes the text each DOM text node shows once whitespace is collapsed the way a browser lays
/// out a block: runs of spaces, tabs and line breaks become one space, spaces at the start and end
/// of a block go, and a run that holds a line break next to a Chinese character goes entirely
/// (mirrors pretty-print <c>总统\n &lt;ok&gt;普京&lt;/ok&gt;</c>; the article said 总统普京).
/// Runs span inline elements, so <c>a &lt;b&gt; b&lt;/b&gt;</c> keeps exactly one space.
/// </summary>
internal static class WhitespaceCollapser
{
    /// <summary>Marks an atomic inline object (an image) in a run: not whitespace, not Chinese.</summary>
    private const char ObjectMark = '\uFFFC';

    public static Dictionary<INode, string> Collapse(INode root)
    {
        var result = new Dictionary<INode, string>();
        var run = new List<(INode? Node, string Text)>();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (exit)
            {
                Flush(run, result);
                continue;
            }

            switch (node)
            {
                case IText text:
                    run.Add((text, text.Data));
                    break;
                case IElement element when HtmlToMarkdown.IsDropped(element) || element.LocalName == "pre":
                    break;
                case IElement { LocalName: "br" or "hr" }:
                    Flush(run, result);
                    break;
                case IElement { LocalName: "img" }:
                    run.Add((null, ObjectMark.ToString()));
                    break;
                default:
                    var block = node == root || HtmlToMarkdown.IsBlock(node) || node is IElement { LocalName: "figcaption" };
                    if (block)
                    {
                        Flush(run, result);
                        stack.Push((node, true));
                    }

                    for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                    {
                        stack.Push((node.ChildNodes[i], false));
                    }

                    break;
            }
        }

        Flush(run, result);
        return result;
    }

    private static void Flush(List<(INode? Node, string Text)> run, Dictionary<INode, string> result)
    {
        if (run.Count == 0)
        {
            return;
        }

        var outputs = new StringBuilder[run.Count];
        for (var i = 0; i < run.Count; i++)
        {
            outputs[i] = new StringBuilder(run[i].Text.Length);
        }

        char? previous = null;
        var pendingAt = -1;
        var pendingNewline = false;
        for (var k = 0; k < run.Count; k++)
        {
            foreach (var c in run[k].Text)
            {
                if (c is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    if (pendingAt < 0)
                    {
                        pendingAt = k;
                        pendingNewline = false;
                    }

                    pendingNewline |= c is '\n' or '\r';
                    continue;
                }

                if (pendingAt >= 0)
                {
                    var dropForCjk = pendingNewline && (Cjk.IsWide(previous ?? ' ') || Cjk.IsWide(c));
                    if (previous is not null && !dropForCjk)
                    {
                        outputs[pendingAt].Append(' ');
                    }

                    pendingAt = -1;
                }

                if (c != ObjectMark || run[k].Node is not null)
                {
                    outputs[k].Append(c);
                }

                previous = c;
            }
        }

        for (var i = 0; i < run.Count; i++)
        {
            if (run[i].Node is { } node)
            {
                result[node] = outputs[i].ToString();
            }
        }

        run.Clear();
    }
}
