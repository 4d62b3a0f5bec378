using System.Text;
using System.Text.Json;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Content;
using SiteGen.Model;

namespace SiteGen.BrowserTests.Infrastructure;

/// <summary>
/// The article's normalized Markdown as a list of text blocks (paragraphs and headings, in order) and
/// the page's text blocks as the browser lays them out, compared by their letters and digits only, so
/// that escaping, emphasis markers, smart quotes and line breaks do not matter.
/// </summary>
public static class ArticleBody
{
    private const int KeyLength = 24;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>The text blocks of the page's article (or main): text and language, in DOM order.</summary>
    public const string DomBlocksScript = @"() => {
        const scope = document.querySelector('main article') || document.querySelector('main') || document.body;
        return Array.from(scope.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, td, th, dt, dd, figcaption, pre, blockquote'))
            .map(e => [e.textContent, (e.closest('[lang]') || document.documentElement).lang]);
    }";

    public static Article Load(string file) => ArticleFile.Parse(File.ReadAllText(file));

    /// <summary>Keys of the Markdown body's paragraphs and headings, in order; blocks of fewer than 4 letters are left out.</summary>
    public static IReadOnlyList<string> MarkdownKeys(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var keys = new List<string>();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is not (ParagraphBlock or HeadingBlock) || block.Inline is null)
            {
                continue;
            }

            var text = new StringBuilder();
            AppendText(block.Inline, text);
            var key = Key(text.ToString());
            if (key.Length >= 4)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    public static IReadOnlyList<(string Text, string Lang)> DomBlocks(JsonElement blocks) =>
        [.. blocks.EnumerateArray().Select(b => (Normalize(b[0].GetString()!), b[1].GetString()!))];

    /// <summary>Letters and digits only.</summary>
    public static string Normalize(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    private static string Key(string text)
    {
        var normalized = Normalize(text);
        return normalized.Length <= KeyLength ? normalized : normalized[..KeyLength];
    }

    private static void AppendText(ContainerInline container, StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline child:
                    AppendText(child, text);
                    break;
            }
        }
    }
}
