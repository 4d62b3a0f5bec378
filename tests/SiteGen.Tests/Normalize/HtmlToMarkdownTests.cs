using SiteGen.Normalize;

namespace SiteGen.Tests.Normalize;

public class HtmlToMarkdownTests
{
    [Fact]
    public void Line_breaks_between_chinese_characters_and_unknown_tags_vanish()
    {
        var html = "<p>\n 俄罗斯总统\n <ok href=\"https://www.epochtimes.com/gb/tag/x.html\">\n  普京\n </ok>\n 和中国领导人\n</p>";
        Assert.Equal("俄罗斯总统普京和中国领导人", HtmlToMarkdown.Convert(html));
    }

    [Fact]
    public void Spaces_between_latin_words_collapse_to_one_across_inline_tags()
    {
        Assert.Equal("Hello **big** world", HtmlToMarkdown.Convert("<p>Hello <b> big </b>\n  world</p>"));
    }

    [Fact]
    public void Adjacent_runs_of_the_same_emphasis_become_one_run()
    {
        var md = HtmlToMarkdown.Convert("<p><b>\n 改变\n </b>\n <b>\n ——2020\n </b>\n <b>\n </b>（节选）<b>a</b> <b>b</b></p>");
        Assert.Equal("**改变——2020**（节选）**a** **b**", md);
    }

    [Theory]
    [InlineData("<p>Ronald J. Rychlak<em>, Disinformation: Former Spy Chief</em> (Washington D.C.)</p>", "Ronald J. Rychlak, *Disinformation: Former Spy Chief* (Washington D.C.)")]
    [InlineData("<p>“Things Are Looking Up in America’s Porn Industry<em>,</em>” <em>NBC News</em>, 2015</p>", "“Things Are Looking Up in America’s Porn Industry,” *NBC News*, 2015")]
    [InlineData("<p>see <em>the report.</em>Next</p>", "see *the report*.Next")]
    [InlineData("<p><a href=\"#toc\"><strong>1. </strong><strong>西方发达国家搞的是另一种形式的<a href=\"https://www.epochtimes.com/gb/tag/x.html\">共产主义</a></strong></a></p>", "**1**. **西方发达国家搞的是另一种形式的[共产主义](https://www.epochtimes.com/gb/tag/x.html)**")]
    public void Emphasis_at_punctuation_and_across_links_still_parses(string html, string markdown)
    {
        // Real mirror pages (epochtimes n10426013, n10597706, n10457370): CommonMark does not open or close a
        // marker squeezed between a letter and punctuation, and **a****b** prints its asterisks.
        var md = HtmlToMarkdown.Convert(html);
        Assert.Equal(markdown, md);
        Assert.DoesNotContain("*", Markdig.Markdown.ToPlainText(md), StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_characters_in_text_are_escaped_not_passed_as_html()
    {
        var md = HtmlToMarkdown.Convert("<p>&lt;script&gt;alert(1)&lt;/script&gt; *x* # y</p><p># heading-like</p>");
        Assert.Equal("\\<script\\>alert(1)\\</script\\> \\*x\\* # y\n\n\\# heading-like", md);
    }

    [Fact]
    public void Scripts_styles_and_event_handlers_are_dropped()
    {
        var md = HtmlToMarkdown.Convert("<p onclick=\"evil()\">text<script>alert(1)</script><style>p{}</style></p><iframe src=x></iframe>");
        Assert.Equal("text", md);
    }

    [Fact]
    public void Headings_links_and_images_convert_and_proxies_unwrap()
    {
        var md = HtmlToMarkdown.Convert(
            "<h4>\n 观察人士\n</h4><p><a href=\"https://example.com/a\">link</a> <a href=\"javascript:alert(1)\">bad</a></p>" +
            "<img src=\"https://images.weserv.nl?url=gdb.voanews.com/x.jpg\" width=\"100%\">");
        Assert.Equal("#### 观察人士\n\n[link](https://example.com/a) bad\n\n![](https://gdb.voanews.com/x.jpg)", md);
    }

    [Fact]
    public void A_figure_keeps_its_caption_text()
    {
        var md = HtmlToMarkdown.Convert("<figure id=\"a\"><img src=\"https://a.org/x.jpg\" alt>中俄两国元首举行会晤 (法国媒体)</figure>");
        Assert.Equal("^^^\n![](https://a.org/x.jpg)\n^^^ 中俄两国元首举行会晤 (法国媒体)", md);
    }

    [Fact]
    public void Deep_nesting_does_not_overflow_the_stack()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span>", 20_000)) + "deep" + string.Concat(Enumerable.Repeat("</span></div>", 20_000));

        // Parsing untrusted HTML this deep is refused up front (HtmlGuard) ...
        var refused = Assert.Throws<SiteGen.Sources.SourceRejectedException>(() => HtmlToMarkdown.Convert(html));
        Assert.Contains("nested deeper", refused.Message, StringComparison.Ordinal);

        // ... and a DOM that deep, however it was built, is still flattened rather than overflowing the stack.
        var body = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
        Assert.Contains("deep", HtmlToMarkdown.Convert(body), StringComparison.Ordinal);
    }
}
