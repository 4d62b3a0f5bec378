using CsCheck;
using Markdig;
using SiteGen.Bench;
using SiteGen.Content;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// The reused per-thread renderer (<see cref="PlainTextRenderer"/>) gives what Markdig's own
/// <c>Markdown.ToPlainText</c> (a new renderer per call) gives, body after body on one thread, for
/// real articles and random Markdown of every construct the search pipeline knows.
/// </summary>
[Trait("Needs", "shared")] // the generator draws its text from ../shared (RealTextPool)
public class PlainTextRendererTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseEmphasisExtras().UsePipeTables().Build();

    private static readonly Gen<string> RandomMarkdown = Gen.OneOf(
            Pick("习近平", "普京", "北约东扩", "的", "了", "在", "和", "是", "说"),
            Pick("Putin", "NATO", "2022", "said", "é", "“", "”", "，", "。"),
            Pick("# ", "## ", "```", "```js", "    code", "![a](b.jpg)", "[Xi](http://x \"t\")", "<https://a.b>", "<b>", "</i>", "<div>", "&amp;", "&nbsp;",
                "*", "**", "_", "__", "~~", "~", "^", "++", "==", "\\*", "`", "- ", "* ", "1. ", "2) ", "> ", "---", "| a | b |", "|---|---|", "| 1 | 2 |", "[^1]", "[x]: http://y"),
            Pick(" ", "  ", "\t", "\n", "\r\n", "\n\n", "  \n"))
        .Array[0, 60]
        .Select(string.Concat);

    private static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    [Fact]
    public void Plain_text_of_the_shipped_and_generated_archives_equals_Markdigs()
    {
        var content = Path.Combine(TestPaths.NewTempDir(), "content");
        ArchiveWriter.WriteContent(new ArchiveGenerator(new ArchiveSpec(200, 5) { Events = 3, Tags = 30 }), content);
        var bodies = ArticleStore.Open(TestPaths.Content).Articles.Concat(ArticleStore.Open(content).Articles).Select(a => a.Article.Body).ToList();
        Assert.True(bodies.Count > 200);
        foreach (var body in bodies)
        {
            Assert.Equal(Markdown.ToPlainText(body, Pipeline), PlainTextRenderer.ToPlainText(body, Pipeline));
        }
    }

    [Fact]
    public void Plain_text_of_random_markdown_equals_Markdigs_also_between_pipelines()
    {
        var other = new MarkdownPipelineBuilder().Build();
        RandomMarkdown.Sample(markdown =>
        {
            Assert.Equal(Markdown.ToPlainText(markdown, Pipeline), PlainTextRenderer.ToPlainText(markdown, Pipeline));
            Assert.Equal(Markdown.ToPlainText(markdown, other), PlainTextRenderer.ToPlainText(markdown, other));
            Assert.Equal(Markdown.ToPlainText(markdown, Pipeline), SearchDocument.PlainText(markdown));
        }, iter: 3000);
    }
}
