using System.Text;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Builders for hostile inputs too big to commit (generated at test time): the frames of the real
/// formats (seed 000's mirror page, seed 001's feed item, seed 003's Hexo post, our normalized file)
/// around hostile content, so the readers run rather than reject at the door.
/// </summary>
public static class HostileInputs
{
    public const string Paragraph = "<p>中国国家主席习近平星期五与俄国总统普京举行正式会谈，这是两国关系的大事。</p>";

    public static string Mirror(string html, string title = "习近平普京会面 白宫和北约回应", string url = "https://www.epochtimes.com/gb/22/2/4/n13555352.htm") =>
        $"""
        ### {title}
        ------------------------

        #### [首页](https://github.com/gfw-breaker/banned-news3/blob/master/README.md) &nbsp;&nbsp;|&nbsp;&nbsp; [法轮功真相](https://github.com/begood0513/basic/blob/master/README.md)

        <div>
        {html}
        </div>
        <hr/>
        手机上长按并复制下列链接或二维码分享本文章：<br/>
        https://github.com/gfw-breaker/banned-news3/blob/master/pages/nf4514/n13555352.md <br/>
        <a href='https://github.com/gfw-breaker/banned-news3/blob/master/pages/nf4514/n13555352.md'><img src='https://github.com/gfw-breaker/banned-news3/blob/master/pages/nf4514/n13555352.md.png'/></a> <br/>
        原文地址（需翻墙访问）：{url}

        ------------------------
        <img src='http://gfw-breaker.win/banned-news3/pages/nf4514/n13555352.md' width='0px' height='0px'/>

        """;

    public static string Rss(string html, string title = "习普会谈背靠背取暖", string url = "https://www.voachinese.com/a/russia-china-20220204/6426608.html", string date = "Fri, 04 Feb 2022 14:22:53 GMT") =>
        $"<!--1643985543000-->\n[{title}]({url})\n------\n\n<div><i>{date}</i></div>{html}<br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\">https://feedx.net</a></div>\n";

    public static string Hexo(string html, string title = "'中俄峰会呼吁停止北约的扩张'", string extra = "") =>
        $"\n---\ntitle: {title}\ncategories: \n - 新媒体\nheadimg: 'https://chinese.aljazeera.net/wp-content/uploads/2022/02/000_9Y37XK.jpg'\nauthor: Aljazeera 半岛网\ncomments: false\ndate: Fri, 04 Feb 2022 12:39:26 GMT\n{extra}---\n\n<div>\n{html}\n</div>\n";

    public static string Normalized(string body = "正文第一段。\n\n正文第二段。", string extra = "", string title = "习普会谈") =>
        $"---\nid: voachinese-6426608\ntitle: {title}\nlang: zh-Hans\noutlet: voachinese\npublished: 2022-02-04T14:22:53+00:00\n{extra}---\n\n{body}\n";

    public static string Repeat(string s, int count) => new StringBuilder(s.Length * count).Insert(0, s, count).ToString();

    public static string Nested(string open, string close, int depth, string inner = Paragraph) => Repeat(open, depth) + inner + Repeat(close, depth);
}
