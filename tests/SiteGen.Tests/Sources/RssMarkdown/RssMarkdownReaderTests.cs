using SiteGen.Content;
using SiteGen.Model;
using SiteGen.Sources;
using SiteGen.Sources.RssMarkdown;
using Xunit.Abstractions;
using static SiteGen.Tests.Sources.ReaderTestKit;

namespace SiteGen.Tests.Sources.RssMarkdown;

public class RssMarkdownReaderTests(ITestOutputHelper output)
{
    private static readonly RssMarkdownReader Reader = new();

    public static TheoryData<string> CorpusFiles() =>
        new(Directory.GetFiles(Path.Combine(TestPaths.Corpus, "rss-md"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(Path.GetFileName)!);

    [Fact]
    [Trait("Needs", "shared")]
    public void Seed_001_matches_its_golden_file()
    {
        var article = Read(Reader, TestPaths.Seed("001"));
        AssertGolden("001.md", ArticleFile.Write(article));
    }

    [Fact]
    [Trait("Needs", "shared")]
    public void Seed_001_metadata_is_extracted()
    {
        var article = Read(Reader, TestPaths.Seed("001"));
        Assert.Equal("voachinese-6426608", article.Id);
        Assert.Equal("2022-02-04T14:22:53+00:00", article.Published.ToString());
        Assert.Equal("https://www.voachinese.com/a/russia-and-china-tell-nato-to-stop-expansion-moscow-backs-beijing-on-taiwan-20220204/6426608.html", article.Url);
        Assert.Equal(
            new ArticleImage("https://gdb.voanews.com/ec46e208-c7a7-4ff3-bf39-349c6aafc989_r1_s_w900.jpg", "俄罗斯总统普京到达北京出席本届冬奥会并与中国国家主席习近平会晤。", "路透社"),
            article.Image);
        Assert.Equal("zh-Hans", article.Lang);
        Assert.StartsWith("中国国家主席习近平星期五（2月4日）", article.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    [Trait("Needs", "shared")]
    public void Every_corpus_file_is_read_cleanly_and_keeps_its_text(string name)
    {
        var path = Directory.GetFiles(Path.Combine(TestPaths.Corpus, "rss-md"), name, SearchOption.AllDirectories).Single();
        var document = Load(path);
        Assert.True(Reader.Sniff(document) >= SourceReaders.MinimumConfidence);
        Assert.Equal(Reader.Format, SourceReaders.Default.Choose(document)?.Format);

        var article = Read(Reader, path);
        Dump(name, article);
        AssertClean(article);
        var html = document.Text[(document.Text.IndexOf("\n------", StringComparison.Ordinal) + 7)..];
        var paragraphs = SourceParagraphs(html).Where(p => !RssBodyShaper.IsCopyrightNotice(string.Concat(p.Where(c => !char.IsWhiteSpace(c)))));
        var retention = Retention(paragraphs, article.Body);
        output.WriteLine($"{name}: {article.Id} {article.Lang} {article.Published} retention {retention:P2}");
        Assert.True(retention >= 0.99, $"{name}: only {retention:P2} of the paragraphs' text is in the body");
        Assert.DoesNotContain("获取更多RSS", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("版权声明", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Needs", "shared")]
    public void A_dw_item_gives_its_reporter_and_an_iso_date_and_drops_the_copyright_footer()
    {
        var path = Path.Combine(TestPaths.Corpus, "rss-md", "duty-machine__news", "articles__dw__1024430.md");
        var article = Read(Reader, path);
        Assert.Equal("dw-70084090", article.Id);
        Assert.Equal(["Esther Felden"], article.Authors);
        Assert.Equal("2024-08-31T06:18:19+00:00", article.Published.ToString());
        Assert.Equal("zh-Hant", article.Lang);
        Assert.Equal("https://static.dw.com/image/69939924_303.jpg", article.Image?.Src);
        Assert.EndsWith("没有得到任何回复。", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Needs", "shared")]
    public void In_body_images_with_captions_become_figures_and_bold_lines_headings()
    {
        var path = Path.Combine(TestPaths.Corpus, "rss-md", "duty-machine__news", "articles__dw__1024430.md");
        var body = Read(Reader, path).Body;
        Assert.Contains("^^^\n![](https://static.dw.com/image/70043043_303.jpg)\n^^^ DW经调查锁定", body, StringComparison.Ordinal);
        Assert.Contains("\n\n### 受攻擊下的別里斯拉夫\n\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Double_line_breaks_separate_paragraphs()
    {
        var article = Reader.Read(Doc("<div><i>Sat, 11 Jun 2022 21:32:05 GMT</i></div><p><strong>小标题</strong><br /><br />第一段。<br /><br />第二段。<br />同段。</p>"), Context);
        Assert.Equal("### 小标题\n\n第一段。\n\n第二段。\\\n同段。", article.Body);
    }

    [Fact]
    public void Audio_with_a_caption_becomes_a_link_to_the_clip()
    {
        var article = Reader.Read(Doc("<div><i>Sat, 11 Jun 2022 21:32:05 GMT</i></div><p>正文。</p><audio src=\"https://av.voanews.com/a.mp3\" controls></audio><div><small style=\"color: #999;\">音频标题</small></div>"), Context);
        Assert.Equal("正文。\n\n[音频标题](https://av.voanews.com/a.mp3)", article.Body);
    }

    [Fact]
    public void An_unknown_domain_gives_a_generated_outlet_named_after_the_domain_not_a_rejection()
    {
        var context = new ReaderContext(OutletStore.Load(TestPaths.Content));
        var doc = Doc("<div><i>Sat, 11 Jun 2022 21:32:05 GMT</i></div><p>正文。</p>", "https://news.example.org/a/1234567.html");

        var article = Reader.Read(doc, context);

        var made = Assert.Single(context.Outlets.Generated);
        Assert.Equal(made.Outlet.Id, article.Outlet);
        Assert.True(made.Outlet.Generated);
        Assert.Contains("example.org", made.Outlet.Domains);
        Assert.Equal("正文。", article.Body);
    }

    [Fact]
    public void A_missing_date_line_or_empty_body_is_rejected()
    {
        Assert.Throws<SourceRejectedException>(() => Reader.Read(Doc("<p>正文。</p>"), Context));
        Assert.Throws<SourceRejectedException>(() => Reader.Read(Doc("<div><i>Sat, 11 Jun 2022 21:32:05 GMT</i></div><p> </p>"), Context));
    }

    [Theory]
    [InlineData("https://www.voachinese.com/a/x-20220204/6426608.html", "6426608")]
    [InlineData("https://www.dw.com/zh/%E6%99%AE%E4%BA%AC/a-70111745", "70111745")]
    public void The_article_key_is_the_urls_own_number(string url, string key) =>
        Assert.Equal(key, RssMarkdownReader.ArticleKey(url));

    [Theory]
    [InlineData("000")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    [Trait("Needs", "shared")]
    public void Other_formats_seeds_score_below_the_threshold(string seed) =>
        Assert.True(Reader.Sniff(Load(TestPaths.Seed(seed))) < SourceReaders.MinimumConfidence);

    [Fact]
    [Trait("Needs", "shared")]
    public void A_normalized_article_scores_below_the_threshold()
    {
        var normalized = ArticleFile.Write(Read(Reader, TestPaths.Seed("001")));
        Assert.True(Reader.Sniff(new SourceDocument("a.md", normalized, "0", "utf-8")) < SourceReaders.MinimumConfidence);
    }

    [Fact]
    public void The_retention_measure_counts_characters_in_order()
    {
        Assert.Equal(3, CommonSubsequenceLength("abcde", "xaycze"));
        Assert.Equal(0, CommonSubsequenceLength(new string('a', 100), "bbb"));
        Assert.Equal(130, CommonSubsequenceLength(new string('a', 130), new string('a', 200)));
    }

    private static SourceDocument Doc(string html, string url = "https://www.voachinese.com/a/x/6613492.html") =>
        new("t.md", $"<!--1654983543000-->\n[标题]({url})\n------\n\n{html}", "0", "utf-8");
}
