using SiteGen.Sources;

namespace SiteGen.Tests.Sources;

/// <summary>
/// Each reader family marks a real page that ends in a teaser as truncated and drops the teaser line
/// (the fixtures are real corpus files with one teaser ending added: Fixtures/teaser/README.md), and
/// leaves the untouched original whole.
/// </summary>
public class TruncatedReaderTests
{
    private static string Fixture(string name) => Path.Combine(TestPaths.Fixtures, "teaser", name);

    private static SiteGen.Model.Article Read(string path)
    {
        var reader = SourceReaders.Default.Choose(ReaderTestKit.Load(path))!;
        var article = ReaderTestKit.Read(reader, path);
        ReaderTestKit.AssertClean(article);
        return article;
    }

    [Fact]
    public void A_mirror_page_ending_in_a_read_more_link_is_truncated_without_the_link()
    {
        var article = Read(Fixture("mirror-n12431136-read-more.md"));

        Assert.True(article.Truncated);
        Assert.EndsWith("目前事故起因不详。", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("阅读全文", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_item_of_a_summary_and_a_paywall_link_is_truncated_and_keeps_its_ellipsis()
    {
        var article = Read(Fixture("rss-voa-1028550-paywall.md"));

        Assert.True(article.Truncated);
        Assert.EndsWith("中国本月开始在政策的突然变化中……", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("订阅", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hexo_summary_ending_in_continue_reading_is_truncated_and_keeps_its_sentence()
    {
        var article = Read(Fixture("hexo-abel-prize-continue-reading.md"));

        Assert.True(article.Truncated);
        Assert.Matches(@"solved with computers\\?\.$", article.Body);
        Assert.DoesNotContain("Continue reading", article.Body, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Needs", "shared")]
    [InlineData("epochtimes-mirror/zydd999__banned-news2/pages__nsc418__n12431136.md")]
    [InlineData("rss-md/duty-machine__news/articles__voa__1028550.md")]
    [InlineData("english/Rock-Candy-Tea__RSSHUB-PAGE/post__新媒体__2 Win Abel Prize for Work That Bridged Math and Computer Science, The New York Times.md")]
    public void The_originals_without_a_teaser_are_whole(string file)
    {
        var article = Read(Path.Combine(TestPaths.Corpus, file));

        Assert.False(article.Truncated);
        Assert.DoesNotContain("truncated", SiteGen.Content.ArticleFile.Write(article), StringComparison.Ordinal);
    }
}
