using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Markdig;
using SiteGen.Content;
using SiteGen.Sources;
using SiteGen.Sources.Mirror;
using Xunit.Abstractions;

namespace SiteGen.Tests.Sources.Mirror;

/// <summary>
/// Every file of the mirror corpus (../shared/corpus/epochtimes-mirror) is read or rejected with a
/// reason; what is read holds no mirror furniture and keeps the article's text.
/// </summary>
[Trait("Needs", "shared")]
public partial class MirrorCorpusTests(ITestOutputHelper output)
{
    /// <summary>Files the readers reject, with the reason they must give.</summary>
    private static readonly Dictionary<string, string> Rejected = new(StringComparer.Ordinal)
    {
        ["begood0513__goodnews/indexes__E国际新闻.md"] = "an index page listing 58 articles, not an article",
        ["bigcaibao__banned-news/pages__CNTopGenNews__idCNKCS1LF0VN.md"] = "no publication date",
    };

    private static readonly string[] MirrorWords = ["二维码", "分享本文章", "首页", "翻墙", "禁书", "一键翻墙", "gfw-breaker", "onclick", "images.weserv.nl"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseFigures().Build();

    public static TheoryData<string> Files => MirrorFiles.CorpusNames();

    [Fact]
    public void The_corpus_is_there()
    {
        var count = MirrorFiles.Corpus().Count();
        Assert.True(count >= 40, $"expected the ~40 corpus files, found {count}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_is_read_or_rejected_with_a_reason(string name)
    {
        var path = Path.Combine(MirrorFiles.CorpusDir, name);
        var document = MirrorFiles.Document(path);
        var reader = SourceReaders.Default.Choose(document);
        Assert.True(reader is MirrorReader, $"{name}: chosen by {reader?.Format ?? "no reader"}");

        if (Rejected.TryGetValue(name, out var reason))
        {
            var e = Assert.Throws<SourceRejectedException>(() => reader!.Read(document, MirrorFiles.Context));
            Assert.Contains(reason, e.Message, StringComparison.Ordinal);
            output.WriteLine($"rejected: {e.Message}");
            return;
        }

        var (_, article) = MirrorFiles.Read(path);
        var written = ArticleFile.Write(article);
        output.WriteLine(written[..written.IndexOf("\n---\n", 4, StringComparison.Ordinal)]);

        Assert.False(string.IsNullOrWhiteSpace(article.Title));
        Assert.NotNull(article.Url);
        Assert.Equal(article.Outlet, MirrorFiles.Context.Outlets.ByUrl(article.Url)!.Id);
        Assert.StartsWith(article.Outlet + "-", article.Id, StringComparison.Ordinal);
        Assert.DoesNotContain("原文", written, StringComparison.Ordinal);
        Assert.DoesNotMatch(RawHtml(), article.Body);
        Assert.DoesNotContain("责任编辑", article.Body, StringComparison.Ordinal);

        var sourceText = ArticleText(File.ReadAllText(path));
        Assert.True(sourceText.Length >= 20, $"{name}: the test found no article text in the source");
        foreach (var word in MirrorWords)
        {
            // A word may appear when the article itself says it, never more often.
            Assert.True(Count(article.Body, word) <= Count(sourceText, word), $"{name}: '{word}' in the body");
        }

        var retention = Retention(sourceText, Markdown.ToPlainText(article.Body, Pipeline));
        output.WriteLine($"retention {retention:P2}");
        Assert.True(retention >= 0.99, $"{name}: only {retention:P2} of the article's characters kept in order");
    }

    [Fact]
    public void Lowest_retention_over_the_corpus()
    {
        var lowest = (Name: "", Value: 1.0);
        foreach (var path in MirrorFiles.Corpus())
        {
            var name = Path.GetRelativePath(MirrorFiles.CorpusDir, path);
            if (Rejected.ContainsKey(name))
            {
                continue;
            }

            var (_, article) = MirrorFiles.Read(path);
            var value = Retention(ArticleText(File.ReadAllText(path)), Markdown.ToPlainText(article.Body, Pipeline));
            if (value < lowest.Value)
            {
                lowest = (name, value);
            }
        }

        output.WriteLine($"lowest retention {lowest.Value:P2} in {lowest.Name}");
        Assert.True(lowest.Value >= 0.99);
    }

    [Fact]
    public void Two_mirrors_of_one_story_get_the_same_id()
    {
        var (_, a) = MirrorFiles.Read(Path.Combine(MirrorFiles.CorpusDir, "zydd999__banned-news2/pages__nf4514__n12446372.md"));
        var (_, b) = MirrorFiles.Read(Path.Combine(MirrorFiles.CorpusDir, "zydd999__banned-news2/pages__nsc418__n12446372.md"));
        var (_, c) = MirrorFiles.Read(Path.Combine(MirrorFiles.CorpusDir, "bigcaibao__banned-news/pages__z__yoerrvp__4568082.md"));
        var (_, d) = MirrorFiles.Read(Path.Combine(MirrorFiles.CorpusDir, "bigcaibao__banned-news/pages__zyyyoeqqvi__4568082.md"));
        Assert.Equal("epochtimes-n12446372", a.Id);
        Assert.Equal(a.Id, b.Id);
        Assert.Equal("voachinese-4568082", c.Id);
        Assert.Equal(c.Id, d.Id);
    }

    /// <summary>
    /// The article's own text in the raw file: the text of its paragraphs and headings, without what the
    /// readers move to front matter on purpose (credits lines, the lead image's caption paragraph),
    /// whitespace stripped.
    /// </summary>
    internal static string ArticleText(string raw)
    {
        var document = new HtmlParser().ParseDocument(raw);
        var parts = document.QuerySelectorAll("p, h1, h2, h3, h4, h5, h6")
            .Where(e => e.QuerySelector("img") is null)
            .Select(e => e.TextContent.Trim())
            .Where(t => !CreditsLine().IsMatch(t));
        return Whitespace().Replace(string.Concat(parts), "");
    }

    /// <summary>The share of <paramref name="source"/>'s characters found in order in <paramref name="rendered"/> (LCS).</summary>
    internal static double Retention(string source, string rendered)
    {
        var a = source;
        var b = Whitespace().Replace(rendered, "");
        if (a.Length == 0)
        {
            return 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return (double)previous[b.Length] / a.Length;
    }

    private static int Count(string text, string word) => Regex.Count(text, Regex.Escape(word));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>An HTML tag that is not escaped text (<c>\&lt;</c>) and not an autolink destination.</summary>
    [GeneratedRegex(@"(?<!\\)<(?!https?://)[A-Za-z/!][^>]*>")]
    private static partial Regex RawHtml();

    [GeneratedRegex(@"^[（(]?\s*(?:责任编辑|记者：|编译 )")]
    private static partial Regex CreditsLine();
}
