using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Normalize;

namespace SiteGen.Tests.Normalize;

/// <summary>
/// Property tests: for any HTML built from the tags and text that scraped pages hold (and hostile
/// ones), the Markdown has no raw HTML at all (the allow-list is empty: Markdig, parsing with HTML
/// enabled, finds no HTML node) and every text node outside dropped elements survives, in order.
/// </summary>
public class HtmlToMarkdownPropertyTests
{
    private static readonly string[] Tags =
    [
        "p", "div", "span", "b", "strong", "i", "em", "a", "ok", "h3", "h4", "ul", "ol", "li", "blockquote",
        "figure", "figcaption", "table", "tr", "td", "code", "pre", "font", "section", "small", "u", "sup",
        "script", "style", "iframe", "svg", "center", "caption",
    ];

    private static readonly string[] Attributes =
    [
        "", " href=\"https://example.com/a b\"", " href=\"javascript:alert(1)\"", " onclick=\"evil()\"",
        " src=\"https://images.weserv.nl?url=x.org/y.jpg\"", " href=\"data:text/html,<script>\"", " class=\"caption\"",
    ];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char["俄罗斯总统普京和习近平《》“”，。 \n*_[]#<>&;!`~|^-+=1.)\\ab"], 0, 12],
        Gen.Const("&lt;script&gt;alert(1)&lt;/script&gt;"),
        Gen.Const("1. not a list"),
        Gen.Const("# not a heading"),
        Gen.Const("&amp;copy;"));

    private static Gen<string> Node(int depth) => depth <= 0
        ? Text
        : Gen.Frequency(
            (3, Text),
            (1, Gen.Const("<br>")),
            (1, Gen.Const("<img src=\"https://a.org/x.jpg\" alt=\"alt*text\">")),
            (1, Gen.Const("<img src=\"javascript:alert(1)\" onerror=\"x()\">")),
            (4, Gen.Select(Gen.Int[0, Tags.Length - 1].Select(i => Tags[i]), Gen.Int[0, Attributes.Length - 1].Select(i => Attributes[i]), Node(depth - 1).Array[0, 4],
                (tag, attr, children) => $"<{tag}{attr}>{string.Concat(children)}</{tag}>")));

    private static readonly Gen<string> Html = Node(4).Array[1, 5].Select(string.Concat);

    private static readonly MarkdownPipeline WithHtml = new MarkdownPipelineBuilder().UseFigures().Build();

    [Fact]
    public void Output_never_holds_raw_html()
    {
        Html.Sample(html =>
        {
            var markdown = HtmlToMarkdown.Convert(html);
            var document = Markdown.Parse(markdown, WithHtml);
            var raw = document.Descendants().FirstOrDefault(n => n is HtmlBlock or HtmlInline or HtmlEntityInline);
            Assert.True(raw is null, $"raw HTML {raw?.GetType().Name} '{(raw is null ? "" : markdown.Substring(raw.Span.Start, Math.Max(0, raw.Span.Length)))}' in:\n{markdown}\nfrom:\n{html}");
        }, iter: 3000);
    }

    [Fact]
    public void Output_keeps_every_text_node_in_order()
    {
        Html.Sample(html =>
        {
            var markdown = HtmlToMarkdown.Convert(html);
            var expected = NonSpace(KeptText(html));
            var actual = NonSpace(Markdown.ToPlainText(markdown, WithHtml));
            Assert.True(IsSubsequence(expected, actual), $"text lost.\nexpected: {expected}\nactual:   {actual}\nmarkdown:\n{markdown}\nfrom:\n{html}");
        }, iter: 3000);
    }

    private static string KeptText(string html)
    {
        var body = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
        var sb = new StringBuilder();
        Collect(body, sb);
        return sb.ToString();
    }

    private static void Collect(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                sb.Append(text.Data);
            }
            else if (child is IElement element && !HtmlToMarkdown.IsDropped(element))
            {
                Collect(element, sb);
            }
        }
    }

    private static string NonSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static bool IsSubsequence(string needle, string haystack)
    {
        var j = 0;
        foreach (var c in haystack)
        {
            if (j < needle.Length && needle[j] == c)
            {
                j++;
            }
        }

        return j == needle.Length;
    }
}
