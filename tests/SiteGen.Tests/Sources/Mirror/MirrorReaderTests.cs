using SiteGen.Content;
using SiteGen.Model;
using SiteGen.Sources;
using SiteGen.Sources.Mirror;

namespace SiteGen.Tests.Sources.Mirror;

/// <summary>The decisions of the mirror readers, on small pages built from the seeds' patterns.</summary>
public class MirrorReaderTests
{
    private const string Frame = "### 标题\n------------------------\n\n" +
        "#### [首页](https://github.com/gfw-breaker/banned-news3/blob/master/README.md) &nbsp;|&nbsp; [一键翻墙软件](https://github.com/gfw-breaker/nogfw/blob/master/README.md)\n\n";

    private static Article Read(string html, string original = "https://www.epochtimes.com/gb/22/12/30/n13895586.htm")
    {
        var text = Frame + html + "\n<hr/>\n手机上长按并复制下列链接或二维码分享本文章：<br/>\n" +
            "https://github.com/gfw-breaker/banned-news3/blob/master/pages/nsc418/n1.md <br/>\n" +
            "<a href='https://github.com/gfw-breaker/banned-news3/blob/master/pages/nsc418/n1.md'><img src='https://github.com/gfw-breaker/banned-news3/blob/master/pages/nsc418/n1.md.png'/></a> <br/>\n" +
            "原文地址（需翻墙访问）：" + original + "\n\n\n<img src='http://gfw-breaker.win/banned-news3/pages/nsc418/n1.md' width='0px' height='0px'/>";
        var document = new SourceDocument("page.md", text, "0", "utf-8");
        var reader = SourceReaders.Default.Choose(document);
        Assert.IsType<OldLayoutMirrorReader>(reader);
        return reader.Read(document, MirrorFiles.Context);
    }

    [Fact]
    public void The_url_date_wins_over_the_dateline()
    {
        var article = Read("<div><p>【大纪元2022年12月31日讯】正文。</p></div>");
        Assert.Equal("2022-12-30", article.Published.ToString());
    }

    [Fact]
    public void The_dateline_is_used_when_the_url_has_no_date()
    {
        var article = Read("<div><p>【看中国2020年10月1日讯】正文。</p></div>", "https://www.secretchina.com/news/gb/947841.html");
        Assert.Equal("2020-10-01", article.Published.ToString());
    }

    [Fact]
    public void A_timestamp_with_offset_wins_but_a_last_updated_one_does_not()
    {
        const string url = "https://www.voachinese.com/a/mattis-20180911/4568082.html";
        var published = Read("<div class=\"published\"><time datetime=\"2018-09-12T12:35:18+08:00\">2018年9月12日</time></div><p>正文。</p>", url);
        var updated = Read("<div class=\"published\"><time datetime=\"2018-09-13T07:08:00+08:00\">最后更新： 2018年9月13日</time></div><p>正文。</p>", url);
        Assert.Equal("2018-09-12T12:35:18+08:00", published.Published.ToString());
        Assert.Equal("2018-09-11", updated.Published.ToString());
    }

    [Fact]
    public void A_page_without_any_date_is_rejected()
    {
        var e = Assert.Throws<SourceRejectedException>(() => Read("<p>路透莫斯科8月30日 - 正文。</p>", "https://cn.reuters.com/article/x-idCNKCS1LF0VN"));
        Assert.Contains("no publication date", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("【新唐人2020年10月1日】正文。")]
    [InlineData("【大纪元2020年10月01日讯】正文。")]
    [InlineData("【希望之声2020年10月1日讯】正文。")]
    public void Datelines_with_any_outlet_and_without_xun_are_dates(string lead)
    {
        var article = Read($"<div><p>{lead}</p></div>", "https://www.secretchina.com/news/gb/947841.html");
        Assert.Equal("2020-10-01", article.Published.ToString());
        Assert.Equal("dateline", article.DateFrom);
    }

    [Theory]
    [InlineData("<p>路透莫斯科8月30日 - 正文。</p>")]
    [InlineData("<p>莫斯科8月30日路透 - 正文。</p>")]
    [InlineData("<p>路透新加坡/香港8月30日 - 正文。</p>")]
    public void A_reuters_dateline_takes_its_year_from_an_image_stamp(string paragraph)
    {
        var image = "<figure><img src=\"//s2.reutersmedia.net/resources/r/?m=02&amp;d=20180831&amp;t=2&amp;i=1\"/></figure>";
        var article = Read(paragraph + image, "https://cn.reuters.com/article/x-idCNKCS1LF0VN");
        Assert.Equal("2018-08-30", article.Published.ToString());
        Assert.Equal("dateline (month and day), year from an image's date stamp", article.DateFrom);
    }

    [Fact]
    public void A_one_digit_year_in_the_url_is_of_the_2000s()
    {
        var article = Read("<div><p>【大纪元9月10日讯】正文。</p></div>", "http://www.epochtimes.com/gb/6/9/10/n1449356.htm");
        Assert.Equal("2006-09-10", article.Published.ToString());
    }

    [Fact]
    public void An_unknown_outlet_costs_no_article_its_outlet_is_made_from_the_domain()
    {
        var article = Read("<p>【大纪元2022年12月31日讯】正文。</p>", "https://news.example-news.org/2022/12/30/1.html");
        Assert.Equal("examplenews", article.Outlet);
        Assert.StartsWith("examplenews-", article.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_reporters_and_a_place_in_the_byline()
    {
        Assert.Equal(["张婷", "李言"], Byline("【大纪元2022年02月04日讯】（大纪元记者张婷、李言综合报导）周五"));
        Assert.Equal(["林燕", "高杉"], Byline("（大纪元记者林燕/高杉编译报导）"));
        Assert.Equal(["钟元"], Byline("（大纪元记者钟元台湾综合报导）"));
        Assert.Equal(["赵彬"], Byline("（大纪元专题部记者赵彬采访报导）"));
        Assert.Empty(Byline("朋友们好，我是唐靖远。"));
    }

    [Theory]
    [InlineData("（英文大纪元记者Bowen Xiao报导、张婷综合编译）", "Bowen Xiao|张婷")]
    [InlineData("（新唐人记者SIMONE GAO报导／大纪元记者林燕翻译）", "SIMONE GAO|林燕")]
    [InlineData("（英文大纪元记者Jeniffer Zeng报导/徐简编译）", "Jeniffer Zeng|徐简")]
    [InlineData("(大纪元记者林南编译报导)", "林南")]
    [InlineData("（美国之音记者申华 拍摄）", "申华")]
    [InlineData("（美国之音记者 申华报道）", "申华")]
    [InlineData("（“中国网事”记者唐弢 杨思琪 刘扬涛）", "唐弢|杨思琪|刘扬涛")]
    [InlineData("（大纪元记者周容奥克兰报导】东湾奥克兰市（Oakland）", "周容")]
    [InlineData("（大纪元记者岑华颖奥兰多综合报导）周六，", "岑华颖")]
    [InlineData("（记者；你觉得毛泽东的最大功绩是什么？）", "")]
    public void Bylines_of_any_outlet_and_form(string lead, string names)
    {
        Assert.Equal(names.Length == 0 ? [] : names.Split('|'), Byline(lead));
    }

    [Fact]
    public void A_responsible_editor_in_the_byline_parenthesis_is_the_editor()
    {
        var (authors, editor) = Credits.FromByline("（大纪元记者林燕报导，责任编辑：高静）正文", "");
        Assert.Equal(["林燕"], authors);
        Assert.Equal("高静", editor);
    }

    private static List<string> Byline(string lead) => Credits.FromByline(lead, lead).Authors;

    [Theory]
    [InlineData("责任编辑：林妍#", "", "林妍")]
    [InlineData(" 责任编辑：李昊 # ", "", "李昊")]
    [InlineData("(责任编辑：李红）", "", "李红")]
    [InlineData("（记者：韩洁   责编：申铧   网编：洪伟）", "韩洁", "申铧、洪伟")]
    [InlineData("编译 张明钧;审校 李婷仪", "张明钧", "李婷仪")]
    [InlineData("文字整理：李洁思，责任编辑：高静", "李洁思", "高静")]
    [InlineData("发稿 宿泱韫; 审校 曾祥进", "宿泱韫", "曾祥进")]
    [InlineData("编译 张明钧/王琛/徐文焰/郑茵 审校 高琦/张荻/王洋", "张明钧|王琛|徐文焰|郑茵", "高琦、张荻、王洋")]
    [InlineData("编译/审校 刘秀红/郑茵", "刘秀红|郑茵", "")]
    public void Credits_lines_give_authors_and_editor(string line, string author, string editor)
    {
        Assert.True(Credits.TryParseLine(line, out var authors, out var responsible));
        Assert.Equal(author.Length == 0 ? [] : author.Split('|'), authors);
        Assert.Equal(editor.Length == 0 ? null : editor, responsible);
    }

    [Theory]
    [InlineData("责任编辑说，今天的会议很重要。")]
    [InlineData("（点击这里可以看相关短片）")]
    public void Ordinary_paragraphs_are_not_credits(string line)
    {
        Assert.False(Credits.TryParseLine(line, out _, out _));
    }

    [Fact]
    public void Credits_lines_leave_the_body_and_bylines_stay()
    {
        var article = Read("<div><p>【大纪元2022年12月31日讯】（大纪元记者林燕综合报导）正文。</p><p>责任编辑：林妍#</p></div>");
        Assert.Equal("【大纪元2022年12月31日讯】（大纪元记者林燕综合报导）正文。", article.Body);
        Assert.Equal(["林燕"], article.Authors);
        Assert.Equal("林妍", article.Editor);
    }

    [Theory]
    [InlineData("习近平与普京会面资料照。(Lintao Zhang/Getty Images)", "习近平与普京会面资料照。", "Lintao Zhang/Getty Images")]
    [InlineData("王怡牧师（图源：对华援助协会）", "王怡牧师", "对华援助协会")]
    [InlineData("俄罗斯反对派领袖纳瓦尼（Alexei Navalny）(图片来源: MAXIM ZMEYEV / AFP / Getty Images)", "俄罗斯反对派领袖纳瓦尼（Alexei Navalny）", "MAXIM ZMEYEV / AFP / Getty Images")]
    [InlineData("俄罗斯反对派领袖纳瓦尼（Alexei Navalny）", "俄罗斯反对派领袖纳瓦尼（Alexei Navalny）", null)]
    [InlineData("", null, null)]
    public void A_trailing_credit_is_split_off_the_caption(string text, string? caption, string? credit)
    {
        Assert.Equal((caption, credit), LeadImage.SplitCredit(text));
    }

    [Fact]
    public void Only_an_image_before_the_text_is_the_lead_image()
    {
        var article = Read(
            "<div><img src=\"https://i.epochtimes.com/lead.jpg\"/><div class=\"caption\">说明。(AFP)</div></div><hr/>\n" +
            "<div><p>【大纪元2022年12月31日讯】正文。</p><figure><img src=\"https://i.epochtimes.com/in.jpg\"/><figcaption>图二</figcaption></figure></div>");
        Assert.Equal(new ArticleImage("https://i.epochtimes.com/lead.jpg", "说明。", "AFP"), article.Image);
        Assert.Equal("【大纪元2022年12月31日讯】正文。\n\n^^^\n![](https://i.epochtimes.com/in.jpg)\n^^^ 图二", article.Body);
    }

    [Fact]
    public void Tag_links_become_tags_and_plain_text()
    {
        var article = Read(
            "<p>【大纪元2022年12月31日讯】<ok href=\"https://www.epochtimes.com/gb/tag/%E6%99%AE%E4%BA%AC.html\">普京</ok>和" +
            "<a href=\"http://www.epochtimes.com/gb/tag/%E4%B9%A0%E8%BF%91%E5%B9%B3.html\">习近平</a>，" +
            "<ok href=\"https://www.epochtimes.com/gb/tag/%E6%99%AE%E4%BA%AC.html\">普京</ok>。</p>");
        Assert.Equal(["普京", "习近平"], article.Tags);
        Assert.Equal("【大纪元2022年12月31日讯】普京和习近平，普京。", article.Body);
    }

    [Fact]
    public void The_mirror_address_and_the_original_url_are_kept_and_leave_the_body()
    {
        var article = Read("<p>【大纪元2022年12月31日讯】正文。</p>");
        Assert.Equal("https://www.epochtimes.com/gb/22/12/30/n13895586.htm", article.Url);
        Assert.Equal(["https://github.com/gfw-breaker/banned-news3/blob/master/pages/nsc418/n1.md"], article.Mirrors);
        Assert.Equal("epochtimes-n13895586", article.Id);
        Assert.Equal("【大纪元2022年12月31日讯】正文。", article.Body);
    }

    [Theory]
    [InlineData("https://www.epochtimes.com/gb/22/2/4/n13555352.htm", "n13555352")]
    [InlineData("https://www.voachinese.com/a/russia-war-game-20180910/4565810.html", "4565810")]
    [InlineData("https://cn.reuters.com/article/russia-lavrov-pompeo-meeting-interfax-08-idCNKCS1LF0VN", "idCNKCS1LF0VN")]
    [InlineData("https://www.ntdtv.com/gb/2020/09/27/a102950178.html", "a102950178")]
    [InlineData("https://www.secretchina.com/news/gb/2020/10/01/947841.html", "947841")]
    [InlineData("https://www.rfa.org/mandarin/zhuanlan/butongdeshengyin/jkdv-01032020175326.html", "jkdv-01032020175326")]
    public void The_article_key_comes_from_the_original_url(string url, string key)
    {
        Assert.Equal(key, MirrorReader.ArticleKey(url));
    }

    [Fact]
    public void Feed_tracking_parameters_leave_the_url()
    {
        Assert.Equal(
            "https://cn.reuters.com/article/x-idCNKCS1LF0VN",
            MirrorReader.WithoutTracking("https://cn.reuters.com/article/x-idCNKCS1LF0VN?feedType=RSS&feedName=CNTopGenNews"));
    }

    [Fact]
    public void An_index_page_is_rejected_with_its_article_count()
    {
        var text = "####  [法轮功真相](../../../../basic/blob/master/README.md?t=1)\n\n" +
            "#### [一](../pages/nsc418/n1.md?t=1) \n\n#### [二](../pages/nsc418/n2.md?t=1) \n\n" +
            "<img src='http://gfw-breaker.win/goodnews/indexes/nsc418.md' width='0px' height='0px'/>\n";
        var document = new SourceDocument("index.md", text, "0", "utf-8");
        var reader = SourceReaders.Default.Choose(document);
        Assert.IsType<NewerLayoutMirrorReader>(reader);
        var e = Assert.Throws<SourceRejectedException>(() => reader.Read(document, MirrorFiles.Context));
        Assert.Equal("an index page listing 2 articles, not an article", e.Message);
    }

    [Fact]
    public void Written_articles_parse_back_unchanged()
    {
        var article = Read("<p>【大纪元2022年12月31日讯】正文。</p>");
        var text = ArticleFile.Write(article);
        Assert.Equal(text, ArticleFile.Write(ArticleFile.Parse(text)));
    }
}
