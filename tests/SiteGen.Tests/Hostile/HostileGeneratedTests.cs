using System.Diagnostics;
using System.Text;
using SiteGen.Content;
using SiteGen.Import;
using static SiteGen.Tests.Hostile.HostileInputs;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Hostile inputs generated at test time (too big to commit): a 1 MB single line in every place a
/// reader looks at lines, HTML nested 100,000 deep, 10,000 tags, huge front matter, deep YAML.
/// Each is read right or rejected with a clear reason, within a few seconds.
/// </summary>
public class HostileGeneratedTests
{
    private const int Mega = 1024 * 1024;

    private static readonly Dictionary<string, (Func<string> Make, string? Rejection)> All = new()
    {
        ["line-1mb-mirror-title"] = (() => Mirror(Paragraph, title: Repeat("标", Mega)), "'title' is too long"),
        ["line-1mb-no-newline-after-title"] = (() => "### " + Repeat("a", Mega), "no reader recognizes"),
        ["line-1mb-mirror-body"] = (() => Mirror(Repeat(Paragraph, Mega / Paragraph.Length)), null),
        ["line-1mb-mirror-share-box-spaces"] = (() => Mirror(Paragraph).Replace("分享本文章：<br/>\n", "分享本文章：<br/>\nhttps://a" + Repeat(" ", Mega) + "x\n", StringComparison.Ordinal), null),
        ["line-1mb-mirror-original-line"] = (() => Mirror(Paragraph, url: "https://www.epochtimes.com/gb/22/2/4/n13555352.htm" + Repeat("原文地址：", Mega / 5)), "'url' is too long"),
        ["line-1mb-rss-title"] = (() => Rss(Paragraph, title: Repeat("题", Mega)), "'title' is too long"),
        ["line-1mb-rss-head-brackets"] = (() => "[a](" + Repeat("b](c", Mega / 4) + "\n------\n" + Paragraph, "no reader recognizes"),
        ["line-1mb-rss-body"] = (() => Rss(Repeat(Paragraph, Mega / Paragraph.Length)), null),
        ["line-1mb-hexo-title"] = (() => Hexo(Paragraph, title: Repeat("x", Mega)), "front matter too large"),
        ["line-1mb-normalized-front-matter"] = (() => Normalized(title: Repeat("题", Mega)), "front matter too large"),
        ["line-1mb-normalized-body"] = (() => Normalized(body: Repeat("正文很长，", Mega / 5)), null),
        ["html-deep-100000-div-mirror"] = (() => Mirror(Nested("<div>", "</div>", 100_000)), "HTML nested deeper than 512 levels"),
        ["html-deep-100000-div-rss"] = (() => Rss(Nested("<div>", "</div>", 100_000)), "HTML nested deeper than 512 levels"),
        ["html-deep-100000-div-hexo"] = (() => Hexo(Nested("<div>", "</div>", 100_000)), "HTML nested deeper than 512 levels"),
        ["html-deep-100000-unclosed-div"] = (() => Mirror(Repeat("<div>", 100_000) + Paragraph), "HTML nested deeper than 512 levels"),
        ["html-deep-100000-bold"] = (() => Rss(Nested("<b>", "</b>", 100_000)), "HTML nested deeper than 512 levels"),
        ["html-deep-100000-span"] = (() => Hexo(Nested("<span>", "</span>", 100_000)), "HTML nested deeper than 512 levels"),
        ["html-deep-100000-lists"] = (() => Mirror(Nested("<ul><li>", "</li></ul>", 100_000)), "HTML nested deeper than 512 levels"),
        ["html-deep-100000-quotes"] = (() => Rss(Nested("<blockquote>", "</blockquote>", 100_000)), "HTML nested deeper than 512 levels"),
        ["html-deep-100000-tables"] = (() => Mirror(Nested("<table><tr><td>", "</td></tr></table>", 100_000)), "HTML nested deeper than 512 levels"),
        ["html-deep-100000-links"] = (() => Hexo(Nested("<a href=\"https://a.example/\">", "</a>", 100_000)), "HTML nested deeper than 512 levels"),
        ["html-deep-100000-figures"] = (() => Rss(Nested("<figure><img src=\"https://a.example/x.jpg\">", "</figure>", 100_000)), "HTML nested deeper than 512 levels"),
        ["tags-10000-normalized"] = (() => Normalized(extra: "tags: [" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"t{i % 100}")) + "]\n"), "'tags' has too many entries"),
        ["tags-10000-lines-normalized"] = (() => Normalized(extra: "tags:\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"  - 标签{i}\n"))), "front matter too large"),
        ["html-deep-200-div-mirror"] = (() => Mirror(Nested("<div>", "</div>", 200)), null),
        ["html-deep-500-mixed-rss"] = (() => Rss(Nested("<div><span><em>", "</em></span></div>", 160)), null),
        ["html-120000-elements"] = (() => Rss(Repeat("<span>字</span>", 120_000)), "more than 100,000 elements"),
        ["html-unclosed-formatting-bomb"] = (() => Rss("<div>" + string.Concat(Enumerable.Range(0, 400).Select(i => $"<b class=\"c{i}\">")) + "</div>" + Repeat("<p>字</p>", 5_000)), "re-create"),
        ["html-unclosed-font-tags"] = (() => Mirror(Repeat("<font color=\"red\">", 20) + Repeat(Paragraph, 200)), null),
        ["tags-10000-mirror"] = (() => Mirror(Paragraph + "<p>" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"<ok href=\"https://www.epochtimes.com/gb/tag/t{i}.html\">标签{i}</ok>")) + "</p>"), "'tags' has too many entries"),
        ["title-10000-normalized"] = (() => Normalized(title: Repeat("题", 10_000)), "'title' is too long"),
        ["authors-1000-rss"] = (() => Rss(Paragraph, date: string.Concat(Enumerable.Range(0, 1000).Select(i => $"记者{i}<br>")) + "Fri, 04 Feb 2022 14:22:53 GMT"), "'authors' has too many entries"),
        ["yaml-deep-30000-normalized"] = (() => Normalized(extra: "tags: " + Repeat("[", 30_000) + "\n"), "nested deeper than"),
        ["yaml-deep-30000-hexo"] = (() => Hexo(Paragraph, extra: "categories2: " + Repeat("{a: ", 10_000) + "\n"), "nested deeper than"),
        ["yaml-many-aliases-hexo"] = (() => Hexo(Paragraph, extra: "x: &a [1]\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"y{i}: *a\n"))), "anchors and aliases"),
    };

    public static TheoryData<string> Names => new(All.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_generated_hostile_file_is_read_right_or_rejected_quickly(string name)
    {
        var (make, rejection) = All[name];
        var (content, inbox) = HostileKit.NewWorkspace();
        var file = Path.Combine(inbox, name + ".txt");
        File.WriteAllText(file, make(), new UTF8Encoding(false));

        var clock = Stopwatch.StartNew();
        var result = await Task.Run(() => HostileKit.Import(content, file)).WaitAsync(TimeSpan.FromSeconds(30));
        var entry = Assert.Single(result.Entries);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{name}: took {clock.Elapsed}");

        if (rejection is null)
        {
            Assert.True(entry.Status == ImportStatus.Imported, $"{name}: {entry.Status} {entry.Reason}");
            HostileKit.AssertSafe(ArticleFile.Parse(File.ReadAllText(Path.Combine(content, entry.Article!))), content);
        }
        else
        {
            Assert.Equal(ImportStatus.Rejected, entry.Status);
            Assert.Contains(rejection, entry.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", entry.Reason, StringComparison.Ordinal);
        }

        HostileKit.AssertCheckClean(content);
    }
}
