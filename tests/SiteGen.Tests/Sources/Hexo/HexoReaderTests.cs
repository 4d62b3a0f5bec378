using SiteGen.Content;
using SiteGen.Model;
using SiteGen.Sources;
using SiteGen.Sources.Hexo;
using Xunit.Abstractions;
using static SiteGen.Tests.Sources.ReaderTestKit;

namespace SiteGen.Tests.Sources.Hexo;

public class HexoReaderTests(ITestOutputHelper output)
{
    private static readonly HexoReader Reader = new();

    private static readonly string[] Folders = ["hexo-frontmatter", "english"];

    public static TheoryData<string> CorpusFiles() =>
        new(Folders.SelectMany(f => Directory.GetFiles(Path.Combine(TestPaths.Corpus, f), "*", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(TestPaths.Corpus, p)).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("003")]
    [InlineData("004")]
    [Trait("Needs", "shared")]
    public void Seeds_match_their_golden_files(string seed)
    {
        var article = Read(Reader, TestPaths.Seed(seed));
        AssertGolden(seed + ".md", ArticleFile.Write(article));
    }

    [Fact]
    [Trait("Needs", "shared")]
    public void Seed_003_metadata_is_extracted()
    {
        var article = Read(Reader, TestPaths.Seed("003"));
        Assert.Equal("中俄峰会呼吁停止北约的扩张 俄罗斯否认美国关于其制造借口入侵乌克兰的指控", article.Title);
        Assert.Equal("aljazeera", article.Outlet);
        Assert.Equal("2022-02-04T12:39:26+00:00", article.Published.ToString());
        Assert.Equal("zh-Hans", article.Lang);
        Assert.Null(article.Url);
        Assert.Empty(article.Tags);
        Assert.Equal(
            new ArticleImage("https://chinese.aljazeera.net/wp-content/uploads/2022/02/000_9Y37XK.jpg?w=770&resize=770%2C511", "中俄两国元首举行会晤", "法国媒体"),
            article.Image);
        Assert.Matches("^aljazeera-h[0-9a-f]{10}$", article.Id);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    [Trait("Needs", "shared")]
    public void Every_corpus_file_is_read_cleanly_and_keeps_its_text(string relativePath)
    {
        var path = Path.Combine(TestPaths.Corpus, relativePath);
        var document = Load(path);
        Assert.True(Reader.Sniff(document) >= SourceReaders.MinimumConfidence);
        Assert.Equal(Reader.Format, SourceReaders.Default.Choose(document)?.Format);

        var article = Read(Reader, path);
        Dump(Path.GetFileName(path), article);
        AssertClean(article);
        var html = document.Text[(document.Text.IndexOf("\n---\n", 5, StringComparison.Ordinal) + 5)..];
        var retention = Retention(SourceParagraphs(html), article.Body);
        output.WriteLine($"{relativePath}: {article.Id} {article.Lang} {article.Published} retention {retention:P2}");
        Assert.True(retention >= 0.99, $"{relativePath}: only {retention:P2} of the paragraphs' text is in the body");
        Assert.DoesNotContain("similarLink", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("data-", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Needs", "shared")]
    public void A_title_that_is_not_valid_yaml_is_read_literally()
    {
        var path = Directory.GetFiles(Path.Combine(TestPaths.Corpus, "english"), "*We are not the virus*", SearchOption.AllDirectories).Single();
        var article = Read(Reader, path);
        Assert.Equal("'We are not the virus'_ Hundreds rally against anti-Asian racism in Atlanta", article.Title);
        Assert.Equal("bostoncom", article.Outlet);
        Assert.Equal("en", article.Lang);
        Assert.Equal("Shannon Stapleton/Reuters", article.Image?.Credit);
        Assert.Equal("People hold placards during a 'Stop Asian Hate' rally in Atlanta on Saturday.", article.Image?.Caption);
        Assert.DoesNotContain("A business owner, an army veteran", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Needs", "shared")]
    public void Chicago_tribune_furniture_is_removed_and_the_story_kept()
    {
        var path = Directory.GetFiles(Path.Combine(TestPaths.Corpus, "english"), "*Dallas nightclub*", SearchOption.AllDirectories).Single();
        var article = Read(Reader, path);
        Assert.Equal("chicagotribune", article.Outlet);
        Assert.Equal(
            "DALLAS — Someone opened fire at a Dallas nightclub early Saturday, killing one person and wounding five others, authorities said.\n\n" +
            "The shooting happened during a fight between two groups inside Pryme Night Club, police said in a statement. The shooter got away.\n\n" +
            "The six people who were shot were taken to hospitals, where one was pronounced dead. The conditions of the wounded ranged from stable to critical condition, police said.",
            article.Body);
    }

    [Fact]
    public void Malformed_front_matter_is_rejected_with_its_line()
    {
        var e = Assert.Throws<SourceRejectedException>(() => Reader.Read(Doc("title: x\ncategories: [a\nauthor: Aljazeera 半岛网\ndate: Fri, 04 Feb 2022 12:39:26 GMT"), Context));
        Assert.StartsWith("malformed front matter", e.Message, StringComparison.Ordinal);
        Assert.InRange(e.Line ?? 0, 4, 6);
    }

    [Fact]
    public void An_unknown_byline_gives_a_generated_outlet_named_by_it_not_a_rejection()
    {
        var context = new ReaderContext(OutletStore.Load(TestPaths.Content));

        var article = Reader.Read(Doc("title: x\nauthor: Some Paper - 新闻\ndate: Fri, 04 Feb 2022 12:39:26 GMT\ncomments: false"), context);

        var made = Assert.Single(context.Outlets.Generated);
        Assert.Equal(made.Outlet.Id, article.Outlet);
        Assert.True(made.Outlet.Generated);
        Assert.Contains("Some Paper - 新闻", made.Outlet.Bylines);
    }

    [Fact]
    public void A_bad_date_or_empty_body_is_rejected()
    {
        Assert.Throws<SourceRejectedException>(() => Reader.Read(Doc("title: x\nauthor: Aljazeera 半岛网\ndate: yesterday\ncomments: false"), Context));
        Assert.Throws<SourceRejectedException>(() => Reader.Read(Doc("title: x\nauthor: Aljazeera 半岛网\ndate: Fri, 04 Feb 2022 12:39:26 GMT\ncomments: false", "<div> <p></p> </div>"), Context));
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [Trait("Needs", "shared")]
    public void Other_formats_seeds_score_below_the_threshold(string seed) =>
        Assert.True(Reader.Sniff(Load(TestPaths.Seed(seed))) < SourceReaders.MinimumConfidence);

    [Fact]
    [Trait("Needs", "shared")]
    public void A_normalized_article_scores_below_the_threshold_and_this_format_does_not_look_normalized()
    {
        var seed = Load(TestPaths.Seed("003"));
        var normalized = new SourceDocument("a.md", ArticleFile.Write(Read(Reader, seed.Path)), "0", "utf-8");
        Assert.True(Reader.Sniff(normalized) < SourceReaders.MinimumConfidence);
        Assert.True(new SiteGen.Sources.Normalized.NormalizedArticleReader().Sniff(seed) < SourceReaders.MinimumConfidence);
        var unindented = seed with { Text = seed.Text.TrimStart('\n') };
        Assert.True(new SiteGen.Sources.Normalized.NormalizedArticleReader().Sniff(unindented) < SourceReaders.MinimumConfidence);
        Assert.True(Reader.Sniff(unindented) >= SourceReaders.MinimumConfidence);
    }

    private static SourceDocument Doc(string yaml, string html = "<div><p>正文。</p></div>") =>
        new("t.md", $"\n---\n{yaml}\n---\n\n{html}\n", "0", "utf-8");
}
