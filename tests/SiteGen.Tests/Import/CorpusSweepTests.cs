using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Markdig;
using SiteGen.Content;
using SiteGen.Import;
using SiteGen.Sources;
using Xunit.Abstractions;

namespace SiteGen.Tests.Import;

/// <summary>Imports the seeds and the whole shared corpus once, into a temporary content folder.</summary>
public sealed class CorpusImport
{
    public CorpusImport()
    {
        Content = TestPaths.NewTempDir();
        foreach (var outlet in Directory.GetFiles(Path.Combine(TestPaths.Content, "outlets")))
        {
            Directory.CreateDirectory(Path.Combine(Content, "outlets"));
            File.Copy(outlet, Path.Combine(Content, "outlets", Path.GetFileName(outlet)));
        }

        var importer = new Importer(SourceReaders.Default, OutletStore.Load(Content));
        Result = importer.Import([TestPaths.Seeds, TestPaths.Corpus], new ImportOptions(Content));
    }

    public string Content { get; }

    public ImportResult Result { get; }
}

/// <summary>
/// The sweep over every file of ../shared/corpus (and the seeds): each is imported or rejected with a
/// reason; no article holds source HTML, event handlers, proxy URLs, share/QR text or navigation;
/// each keeps ≥ 99% of its source paragraphs' characters; every front matter parses.
/// </summary>
[Trait("Needs", "shared")]
public class CorpusSweepTests(CorpusImport corpus, ITestOutputHelper output) : IClassFixture<CorpusImport>
{
    /// <summary>Source paragraphs that readers remove on purpose (they become metadata or are chrome).</summary>
    private static readonly Regex RemovedOnPurpose = new(
        @"^[（(]?(责任编辑|记者：|编译|我们的标准|原文地址|原文链接|手机上长按)|版权声明|Copyright|©",
        RegexOptions.CultureInvariant);

    /// <summary>Epoch Times' closing mark after the last sentence (<c>…使用。#</c>), which the reader drops.</summary>
    private static readonly Regex EndMark = new(@"(?<=[。！？”」』）)\]◇.!?])#$", RegexOptions.CultureInvariant);

    private static readonly Regex RawTag = new(@"(?<!\\)<(/?[A-Za-z][A-Za-z0-9-]*|!--)", RegexOptions.CultureInvariant);

    private static readonly string[] Forbidden =
    [
        "onclick", "images.weserv.nl", "二维码", "分享本文章", "需翻墙访问", "一键翻墙", "翻墙教程", "禁书下载",
        "法轮功真相", "[首页]", "gfw-breaker.win", "width='0px'",
    ];

    private static readonly MarkdownPipeline Plain = new MarkdownPipelineBuilder().UseFigures().UseCjkFriendlyEmphasis().Build();

    [Fact]
    public void Every_file_is_imported_or_rejected_with_a_reason()
    {
        var files = Directory.GetFiles(TestPaths.Corpus, "*", SearchOption.AllDirectories).Length
            + Directory.GetFiles(TestPaths.Seeds).Length;
        Assert.Equal(files, corpus.Result.Entries.Count);
        foreach (var entry in corpus.Result.Entries)
        {
            output.WriteLine($"{entry.Status,-10} {Path.GetFileName(entry.Path)} {entry.Id} {entry.Reason}");
            if (entry.Status == ImportStatus.Rejected)
            {
                Assert.False(string.IsNullOrWhiteSpace(entry.Reason), entry.Path);
            }
            else
            {
                Assert.NotNull(entry.Id);
            }
        }

        output.WriteLine(corpus.Result.Summary);
        Assert.True(corpus.Result.Count(ImportStatus.Imported) >= 60, corpus.Result.Summary);
    }

    [Fact]
    public void No_article_holds_source_chrome_or_raw_html()
    {
        foreach (var file in ArticleFiles())
        {
            var text = File.ReadAllText(file);
            var body = ArticleFile.Parse(text).Body;
            Assert.False(RawTag.IsMatch(body), $"{file}: raw tag {RawTag.Match(body).Value}");
            foreach (var word in Forbidden)
            {
                Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"{file}: contains '{word}'");
            }
        }
    }

    [Fact]
    public void Every_article_keeps_at_least_99_percent_of_its_source_paragraphs()
    {
        var lowest = 1.0;
        var lowestFile = "";
        foreach (var file in ArticleFiles())
        {
            var article = ArticleFile.Parse(File.ReadAllText(file));
            var raw = File.ReadAllText(Path.Combine(corpus.Content, article.Source!.Path));
            var plain = NonSpace(Markdown.ToPlainText(article.Body, Plain));

            // The lead image's caption paragraph moves into front matter (caption + credit, the credit's
            // "图片来源：" label dropped): it is kept, not lost.
            var paragraphs = SourceParagraphs(raw).Where(p => !IsLeadCaption(p, article.Image)).ToList();
            var total = paragraphs.Sum(p => p.Length);
            var kept = paragraphs.Where(p => plain.Contains(p, StringComparison.Ordinal)).Sum(p => p.Length);
            var retention = total == 0 ? 1.0 : (double)kept / total;
            foreach (var lost in paragraphs.Where(p => !plain.Contains(p, StringComparison.Ordinal)))
            {
                output.WriteLine($"{Path.GetFileName(file)} lost: {lost}");
            }

            if (retention < lowest)
            {
                (lowest, lowestFile) = (retention, file);
            }

            Assert.True(retention >= 0.99, $"{file}: kept {retention:P2} of its source text");
        }

        output.WriteLine($"lowest retention {lowest:P2} in {lowestFile}");
    }

    [Fact]
    public void Every_article_front_matter_parses_into_the_model()
    {
        var store = ArticleStore.Open(corpus.Content);
        Assert.Empty(store.Errors);
        Assert.Equal(ArticleFiles().Count(), store.Articles.Count());
        Assert.All(store.Articles, a => Assert.Matches("^[a-z0-9-]+$", a.Article.Id));
    }

    private IEnumerable<string> ArticleFiles() =>
        Directory.EnumerateFiles(Path.Combine(corpus.Content, "articles"), "*.md", SearchOption.AllDirectories);

    /// <summary>The source's article paragraphs, extracted with AngleSharp, whitespace removed.</summary>
    private static List<string> SourceParagraphs(string raw)
    {
        var document = new HtmlParser().ParseDocument(raw);
        return document.QuerySelectorAll("p, h1, h2, h3, h4, h5, h6, figcaption")
            .Where(e => e.QuerySelector("p") is null)
            .Select(e => EndMark.Replace(NonSpace(e.TextContent), ""))
            .Where(t => t.Length > 0 && !RemovedOnPurpose.IsMatch(t))
            .ToList();
    }

    private static bool IsLeadCaption(string paragraph, SiteGen.Model.ArticleImage? image)
    {
        if (image?.Caption is not { } caption)
        {
            return false;
        }

        var parts = NonSpace(caption).Length + NonSpace(image.Credit ?? "").Length;
        return paragraph.Contains(NonSpace(caption), StringComparison.Ordinal)
            && paragraph.Contains(NonSpace(image.Credit ?? ""), StringComparison.Ordinal)
            && paragraph.Length <= parts + 10;
    }

    private static string NonSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
