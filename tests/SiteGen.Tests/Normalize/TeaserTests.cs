using SiteGen.Normalize;

namespace SiteGen.Tests.Normalize;

/// <summary>
/// The teaser rule on Markdown as the readers write it. The negative cases are real last paragraphs
/// of the shared mirror and corpus (which hold no teaser ending at all); the positive ones are real
/// paragraphs with the teaser endings outlets write.
/// </summary>
public class TeaserTests
{
    // corpus/english/…/2 Win Abel Prize….md: a feed item that is one sentence of summary.
    private const string AbelSummary = "László Lovász of Eötvös Loránd University in Budapest and Avi Wigderson of the Institute for Advanced Study in Princeton, N\\.J\\. will share this year’s Abel Prize — regarded as the field’s equivalent of the Nobel — for advances in understanding the foundations of what can and cannot be solved with computers\\.";

    // mirror/…/nsc413/n10698249.md and others: Chinese paragraphs end in "……" as prose.
    private const string Ellipsis = "他们或车祸惨死，或暴病身亡，或罹患癌症，或落马入狱，或遭撤职开除……";

    [Theory]
    [InlineData("[阅读全文](https://www.epochtimes.com/gb/20/9/25/n12431136.htm)")]
    [InlineData("[閱讀全文](https://www.epochtimes.com/b5/20/9/25/n12431136.htm)")]
    [InlineData("[全文](https://www.epochtimes.com/gb/20/9/25/n12431136.htm)")]
    [InlineData("[点击阅读](https://www.epochtimes.com/gb/20/9/25/n12431136.htm)")]
    [InlineData("\\.\\.\\.[更多](https://www.dw.com/zh/a-70111745)")]
    [InlineData("» [Continue reading](https://www.nytimes.com/2021/03/17/science/abel-prize-mathematics.html)")]
    [InlineData("[Read more](https://www.bbc.co.uk/news/world-asia-56452459) \\>\\>")]
    [InlineData("Read more: [here](https://www.bbc.co.uk/news/world-asia-56452459)")]
    [InlineData("[Read the full story at Reuters\\.com](https://www.reuters.com/article/idCNKCS1LO02O)")]
    [InlineData("订阅以阅读全文")]
    [InlineData("[登录后阅读全文](https://www.example.com/login)")]
    [InlineData("Subscribe to read the full article\\.")]
    [InlineData("This article is for subscribers only\\.")]
    public void A_last_paragraph_that_is_a_teaser_is_cut_and_marks_the_body(string teaser)
    {
        var (body, truncated) = Teaser.Cut(Ellipsis + "\n\n" + teaser + "\n");

        Assert.True(truncated);
        Assert.Equal(Ellipsis, body);
    }

    [Fact]
    public void A_summary_ending_in_a_read_more_link_keeps_its_sentence()
    {
        var (body, truncated) = Teaser.Cut(AbelSummary + " [Continue reading](https://www.nytimes.com/2021/03/17/science/abel-prize-mathematics.html)");

        Assert.True(truncated);
        Assert.Equal(AbelSummary, body);
    }

    [Fact]
    public void An_ellipsis_followed_by_a_read_more_link_in_the_same_paragraph_keeps_the_ellipsis()
    {
        var (body, truncated) = Teaser.Cut("首段。\n\n" + Ellipsis + "[阅读全文](https://www.epochtimes.com/gb/18/9/4/n10690248.htm)");

        Assert.True(truncated);
        Assert.Equal("首段。\n\n" + Ellipsis, body);
    }

    [Fact]
    public void A_body_that_is_only_the_teaser_keeps_it_and_is_truncated()
    {
        const string only = "[阅读全文](https://www.epochtimes.com/gb/20/9/25/n12431136.htm)";

        Assert.Equal((only, true), Teaser.Cut(only));
    }

    [Theory]
    [InlineData(Ellipsis)] // an ellipsis alone proves nothing
    [InlineData("授这次的专访系列到这里就结束了，他讲的内容非常多，非常有深度。（全文完）")] // mirror nsc993: "end of the full text"
    [InlineData("以下为采访全文。")] // mirror: introduces the full text below
    [InlineData("大纪元社论《解体党文化》全文下载：")]
    [InlineData("[阅读原文](https://mp.weixin.qq.com/s/abc)")] // a link to the original says nothing about this copy
    [InlineData("（本文依据了路透社的报道。）")] // corpus rss-md voa 1028550's real last paragraph
    [InlineData("Many Japanese Twitter users also expressed their support\\. [one user wrote](https://twitter.com/maminngy/status/1367092291765080071)")]
    [InlineData("诺瓦克给出亚马逊的看涨理由包括：公司增长速度、规模持续扩大、利润率上升（来自广告、云服务和订阅服务）都将推高亚马逊的盈利能力和继续抬高公司估值。")]
    public void A_real_last_paragraph_that_is_the_articles_own_words_stays(string last)
    {
        var markdown = "首段。\n\n" + last;

        Assert.Equal((markdown, false), Teaser.Cut(markdown));
    }

    [Fact]
    public void A_read_more_line_before_the_rest_of_the_text_is_not_an_ending()
    {
        // A Hexo post's excerpt line: the whole post follows it.
        var markdown = "导语。\n\n点击阅读全文来了解一下详情吧。\n\n### Swift 之初体验\n\n正文。";

        Assert.Equal((markdown, false), Teaser.Cut(markdown));
    }
}
