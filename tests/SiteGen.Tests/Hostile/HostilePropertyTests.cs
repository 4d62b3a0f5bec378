using CsCheck;
using SiteGen.Content;
using SiteGen.Normalize;
using SiteGen.Sources;
using static SiteGen.Tests.Hostile.HostileInputs;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Property tests over hostile input, for every reader, the front matter parser and slugging: any
/// input gives an article or a reported rejection (<see cref="SourceRejectedException"/>,
/// <see cref="ArticleFormatException"/>), never another exception; every article passes
/// <see cref="HostileKit.AssertSafe"/> (no raw HTML, only http(s)/mailto/relative URLs, ASCII ids,
/// paths inside the content folder, re-readable). The generators put random hostile HTML, titles and
/// URLs into the real frames of the formats, so the readers run and are not only turned away.
/// </summary>
public class HostilePropertyTests
{
    private const int ReaderIterations = 400;

    private static readonly string[] Tags =
    [
        "p", "div", "span", "b", "i", "a", "ok", "h3", "ul", "li", "blockquote", "figure", "figcaption", "table", "tr", "td",
        "pre", "font", "small", "script", "style", "iframe", "object", "embed", "svg", "math", "form", "noscript", "template",
        "img", "video", "textarea", "title", "base", "details", "select", "frameset", "xmp", "plaintext",
    ];

    private static readonly string[] Attributes =
    [
        "", " href=\"javascript:alert(1)\"", " href=\"JaVaScRiPt&#58;alert(1)\"", " href=\"java&#x09;script:alert(1)\"", " href=\" vbscript:x\"",
        " href=\"data:text/html,<script>alert(1)</script>\"", " src=\"javascript:alert(1)\"", " src=\"data:image/svg+xml,<svg onload=alert(1)>\"",
        " onerror=\"alert(1)\"", " onclick=alert(1)", " style=\"background:url(javascript:alert(1))\"", " srcset=\"javascript:alert(1) 1x, https://a.example/b.jpg 2x\"",
        " href=\"https://www.epochtimes.com/gb/tag/%3Cscript%3E.html\"", " href=\"https://a.example/a b\"", " src=\"https://images.weserv.nl?url=javascript:alert(1)\"",
        " href=\"//evil.example/x\"", " href=\"../../etc/passwd\"", " src=\"file:///etc/passwd\"", " class=\"caption\"", " hidden", " xlink:href=\"javascript:alert(1)\"",
    ];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char["习近平普京《》“”，。（）() \n\t*_[]#<>&;!`~|^-+=1.)\\:/abJ\u0000\u0007\u202e\u2024\uff0f\ud800"], 0, 16],
        Of(
            "&lt;script&gt;alert(1)&lt;/script&gt;", "<!-- <script>alert(1)</script> -->", "[x](javascript:alert(1))", "<javascript:alert(1)>",
            "![x](data:image/png;base64,AAAA)", "责任编辑：林妍", "（大纪元记者张婷综合报导）", "【大纪元2022年02月04日讯】", "&#0;&#xD800;", "]]>", "原文地址：https://evil.example/x",
            "### 标题\n---", "---\nid: x\n---", "\r\n", "<![CDATA[<script>]]>", "<?xml x?>", "</div></body></html><script>alert(1)</script>"));

    private static Gen<string> Node(int depth) => depth <= 0
        ? Text
        : Gen.Frequency(
            (3, Text),
            (1, Of("<br>", "<hr>", "<img src=\"https://a.org/x.jpg\" alt=\"a*b\">", "<img src=x onerror=alert(1)>", "<svg><script>alert(1)</script></svg>")),
            (4, Gen.Select(Gen.Int[0, Tags.Length - 1], Gen.Int[0, Attributes.Length - 1], Node(depth - 1).Array[0, 4], Gen.Bool,
                (t, a, children, closed) => $"<{Tags[t]}{Attributes[a]}>{string.Concat(children)}{(closed ? $"</{Tags[t]}>" : "")}")));

    /// <summary>Hostile HTML around a real paragraph, so that most bodies are articles.</summary>
    private static readonly Gen<string> Html = Gen.Select(Node(3).Array[0, 5], Gen.Int[0, 5], (nodes, at) =>
    {
        var list = nodes.ToList();
        list.Insert(Math.Min(at, list.Count), Paragraph);
        return string.Concat(list);
    });

    private static readonly Gen<string> Title = Gen.Frequency((3, Gen.Const("习近平普京会面")), (2, Text), (1, Of("<script>alert(1)</script>", "../../etc/passwd", "CON", "'quoted'", "\"dq\"", "a: b", "- x", "&a x", "*a", "!!binary x", "{a: 1}")));

    private static readonly Gen<string> PathPart = Gen.OneOf(
        Of("n13555352.htm", "CON.htm", "..%2F..%2Fetc%2Fpasswd", "%00", "C:%5CWindows", "․․／․․／x", "ａ／ｂ", "", "a-idCNKCS1LF0VN", "6426608.html", "%E6%99%AE%E4%BA%AC"),
        Gen.String[Gen.Char["abc019./%-_~:@!$&'()*+,;=\u4e60"], 0, 20]);

    [Fact]
    public void Mirror_reader_gives_a_safe_article_or_a_reported_rejection()
    {
        var read = 0;
        Gen.Select(Html, Title, PathPart).Sample((html, title, part) =>
        {
            if (Outcome(Mirror(html, title, "https://www.epochtimes.com/gb/22/2/4/" + part)))
            {
                Interlocked.Increment(ref read);
            }
        }, iter: ReaderIterations);
        Assert.True(read > ReaderIterations / 4, $"only {read} of {ReaderIterations} mirror pages were read: the generator does not reach the reader");
    }

    [Fact]
    public void Rss_reader_gives_a_safe_article_or_a_reported_rejection()
    {
        var read = 0;
        var dates = Gen.Frequency((3, Gen.Const("Fri, 04 Feb 2022 14:22:53 GMT")), (2, Of("2024-09-08T07:19:16.479Z", "Wed, 30 Feb 2022 12:00:00 GMT", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "记者<br>Fri, 04 Feb 2022 14:22:53 GMT", "<script>x</script>")));
        Gen.Select(Html, Title, PathPart, dates).Sample((html, title, part, date) =>
        {
            if (Outcome(Rss(html, title.Replace("\n", " ", StringComparison.Ordinal), "https://www.voachinese.com/a/" + part, date)))
            {
                Interlocked.Increment(ref read);
            }
        }, iter: ReaderIterations);
        Assert.True(read > ReaderIterations / 4, $"only {read} of {ReaderIterations} feed items were read");
    }

    [Fact]
    public void Hexo_reader_gives_a_safe_article_or_a_reported_rejection()
    {
        var read = 0;
        var extra = Of("", "tags: [a, b]\n", "x: &a [1]\ny: *a\n", "categories2: [[[[[[[[[[x]]]]]]]]]]\n", "title: dup\n", "headimg: 'javascript:alert(1)'\n", "date: 2022-02-30\n", "bad: [unclosed\n", "author: nobody\n");
        Gen.Select(Html, Title, extra).Sample((html, title, more) =>
        {
            if (Outcome(Hexo(html, title.Replace("\n", " ", StringComparison.Ordinal), more)))
            {
                Interlocked.Increment(ref read);
            }
        }, iter: ReaderIterations);
        Assert.True(read > ReaderIterations / 5, $"only {read} of {ReaderIterations} Hexo posts were read");
    }

    [Fact]
    public void Normalized_reader_gives_a_safe_article_or_a_reported_rejection()
    {
        var read = 0;
        var fields = Gen.Frequency((3, Gen.Const("")), (2, Of(
            "tags: [a, b]\n", "tags: 5\n", "authors: [\"<script>\"]\n", "url: javascript:alert(1)\n", "url: https://a.example/x\n", "mirrors: [\"data:x\"]\n",
            "image:\n  src: https://a.example/x.jpg\n  caption: \"<img onerror=x>\"\n", "events: [../x]\n", "events: [ok-event]\n", "summary: \"\\0\"\n",
            "source:\n  path: ../../x\n  format: sitegen\n  sha256: abc\n", "x: &a 1\n", "title_en: *a\n", "translation_of: voachinese-1\n", "published: 2022-02-30\n")));
        var bodies = Gen.OneOf(Text, Of("正文。", "正文 <b>x</b>", "[a](https://a.example/)", "[a](javascript:x)", "<div>\n正文\n</div>", "![x](//a.example/x.jpg)", "[a]: vbscript:x\n\n[b][a]", "正文\u0000"));
        Gen.Select(fields, fields, bodies).Sample((a, b, body) =>
        {
            if (Outcome(Normalized(body.Length == 0 ? "正文。" : body, a + b)))
            {
                Interlocked.Increment(ref read);
            }
        }, iter: ReaderIterations * 2);
        Assert.True(read > ReaderIterations / 5, $"only {read} of {ReaderIterations * 2} normalized files were read");
    }

    [Fact]
    public void Any_bytes_give_an_article_or_a_reported_rejection()
    {
        var seeds = new[] { Mirror(Paragraph), Rss(Paragraph), Hexo(Paragraph), Normalized() }.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var mutated = Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Select(Gen.Int[0, 4096], Gen.Byte).Array[0, 8], Gen.Int[0, 5000], (s, edits, cut) =>
        {
            var bytes = seeds[s].ToArray();
            foreach (var (at, value) in edits)
            {
                bytes[at % bytes.Length] = value;
            }

            return bytes[..Math.Min(bytes.Length, Math.Max(cut, bytes.Length / 2))];
        });
        Gen.OneOf(Gen.Byte.Array[0, 512], mutated).Sample(bytes => { Outcome(bytes); }, iter: 1000);
    }

    [Fact]
    public void The_front_matter_parser_gives_an_article_or_an_ArticleFormatException()
    {
        var lines = Gen.OneOf(
            Of("id: voachinese-1", "title: t", "lang: en", "outlet: voachinese", "published: 2022-02-04", "tags:", "  - a", "- b", "image:", "  src: https://a.example/x.jpg",
                "x: &a [1, 2]", "y: *a", "tags: *a", "<<: *a", "title: !!binary aGk=", "published: !!timestamp 2022-02-04", "? complex", ": key", "title: [", "title: {", "'", "\"", "%YAML 1.2", "---", "...", "\t", "title: \"\\uD800\"",
                "source: {path: sources/x.txt, format: f, sha256: x}", "duplicate_sources: [{}]", "events: [a, ../b]", "tags: [a, ~]", "mirrors: [~]", "authors: [~]", "events: [~]", "  -"),
            Text);
        lines.Array[0, 12].Sample(parts =>
        {
            var text = "---\n" + string.Join("\n", parts) + "\n---\n\n正文。\n";
            try
            {
                var article = ArticleFile.Parse(text);
                HostileKit.AssertSafe(article);
            }
            catch (ArticleFormatException e)
            {
                Assert.InRange(e.Line, 1, text.Count(c => c == '\n') + 1);
            }
        }, iter: 3000);
    }

    // Found by the front matter property (seed ellyaO-0Jcj1): YamlDotNet's parser threw ArgumentException on `!!]`.
    [Theory]
    [InlineData("---\n!!]\n---\n\n正文。\n", 2)]
    [InlineData("---\nid: dw-x1\ntitle: !!]\n---\n\nBody.\n", 3)]
    public void A_tag_that_is_not_a_URI_is_a_reported_error(string text, int line)
    {
        var e = Assert.Throws<ArticleFormatException>(() => ArticleFile.Parse(text));
        Assert.Equal(line, e.Line);
        Assert.Contains("tag", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tags: [a, ~]", "tags")]
    [InlineData("mirrors: [~]", "mirrors")]
    [InlineData("authors:\n  - A\n  -", "authors")]
    [InlineData("events: [~]", "events")]
    public void An_empty_list_entry_is_a_reported_error(string line, string key)
    {
        var text = $"---\nid: dw-x1\ntitle: T\nlang: en\noutlet: dw\npublished: 2024-01-02\n{line}\n---\n\nBody.\n";
        var e = Assert.Throws<ArticleFormatException>(() => ArticleFile.Parse(text));
        Assert.Equal($"'{key}' holds an empty entry", e.Message);
        Assert.Equal(7, e.Line);
    }

    [Fact]
    public void Sanitize_gives_a_safe_idempotent_name_for_any_text()
    {
        var reserved = new[] { "con", "prn", "aux", "nul", "com1", "lpt1" };
        Gen.OneOf(Gen.String, Gen.String[Gen.Char["aAzZ09-_./\\:\u0000 ․／ｃＯＮ\u212a\u0130"], 0, 80], Of("CON", "nul", "Com1", "LPT9", "../con", "aux.txt", "C:\\", "․․／"))
            .Sample(text =>
            {
                var slug = ArticleIds.Sanitize(text);
                Assert.True(slug.Length <= ArticleIds.MaxSlugLength, slug);
                Assert.True(slug.Length == 0 || ArticleRules.IsName(slug), $"'{slug}' from '{text}'");
                Assert.Equal(slug, ArticleIds.Sanitize(slug));
                Assert.DoesNotContain(slug, reserved);
            }, iter: 20_000);
    }

    private static Gen<T> Of<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    /// <summary>True when the input became an article (which must be safe); false when it was rejected as it should be.</summary>
    private static bool Outcome(string text) => Outcome(System.Text.Encoding.UTF8.GetBytes(text));

    private static bool Outcome(byte[] bytes)
    {
        try
        {
            HostileKit.AssertSafe(HostileKit.ReadBytes(bytes));
            return true;
        }
        catch (SourceRejectedException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            return false;
        }
    }
}
