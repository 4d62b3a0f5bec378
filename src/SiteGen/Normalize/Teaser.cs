using System.Text.RegularExpressions;

namespace SiteGen.Normalize;

/// <summary>
/// Recognizes a body that holds only part of its article — a feed's summary, a "read more" teaser, a
/// paywall — by how it ends, whatever the outlet (docs/import.md, "Truncated bodies"). The endings:
/// <list type="bullet">
/// <item>a last paragraph that is a link asking to read on (<c>[阅读全文](…)</c>, <c>» [Continue reading](…)</c>,
///   <c>……[更多](…)</c>), or a summary's last sentence ending in such a link;</item>
/// <item>a short last paragraph that is a paywall note (<c>订阅以阅读全文</c>, <c>Subscribe to read the full
///   story</c>), linked or not.</item>
/// </list>
/// The teaser line is the outlet's boilerplate, so it leaves the body; the article is marked
/// truncated. Only the last paragraph is looked at: a Hexo post's <c>点击阅读全文</c> before the rest of
/// its text, a <c>（全文完）</c>, <c>以下为采访全文：</c> or an ellipsis ending a quotation are the article's
/// own words. A bare ellipsis proves nothing (Chinese prose ends paragraphs with <c>……</c> all the time),
/// and a bare <c>阅读原文</c> (a link to the original) says nothing about what this copy holds.
/// </summary>
public static partial class Teaser
{
    /// <summary>Longest read-more line, in characters of text: a teaser link is a few words, a sentence is not.</summary>
    private const int MaxLinkLine = 40;

    /// <summary>Longest paywall note: one or two short sentences.</summary>
    private const int MaxNoteLength = 120;

    /// <summary>
    /// The body without its teaser ending, and whether it had one. A body that is nothing but the
    /// teaser keeps it (the link is then all the archive has of the article) and is still truncated.
    /// </summary>
    public static (string Body, bool Truncated) Cut(string markdown)
    {
        var body = markdown.TrimEnd();
        var split = body.LastIndexOf("\n\n", StringComparison.Ordinal);
        var before = split < 0 ? "" : body[..split].TrimEnd();
        var last = split < 0 ? body : body[(split + 2)..];
        if (IsTeaserParagraph(last))
        {
            return (before.Length == 0 ? markdown : before, true);
        }

        if (TrailingLink().Match(last) is { Success: true } link && link.Index > 0 && IsReadMore(PlainText(link.Groups["text"].Value)))
        {
            var kept = last[..link.Index].TrimEnd();
            return (before.Length == 0 ? kept : before + "\n\n" + kept, true);
        }

        return (markdown, false);
    }

    /// <summary>True for a paywall note: a short text asking to subscribe, pay or log in to read on.</summary>
    public static bool IsPaywall(string text)
    {
        var plain = Strip(text);
        return plain.Length is > 0 and <= MaxNoteLength && Paywall().IsMatch(plain);
    }

    /// <summary>A whole paragraph that is a read-more link, or a paywall note.</summary>
    private static bool IsTeaserParagraph(string paragraph)
    {
        var plain = PlainText(paragraph);
        return (LinkMarkup().IsMatch(paragraph) && plain.Length <= MaxLinkLine && IsReadMore(plain)) || IsPaywall(plain);
    }

    private static bool IsReadMore(string text) => ReadMore().IsMatch(Strip(text).ToLowerInvariant());

    /// <summary>Markdown to its text: links to their text, escapes undone.</summary>
    private static string PlainText(string markdown) =>
        Escape().Replace(LinkMarkup().Replace(markdown, "${text}"), "$1");

    /// <summary>The text without the arrows, dots, brackets and emphasis teasers wrap around their words, spaces collapsed.</summary>
    private static string Strip(string text) =>
        Spaces().Replace(text, " ").Trim(" \t\n.…»›>→-–—|:：·•*_()（）[]【】<>《》「」!！~〉".ToCharArray());

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>An inline link as <see cref="HtmlToMarkdown"/> writes it: <c>[text](url)</c> or <c>[text](&lt;url&gt;)</c>.</summary>
    [GeneratedRegex(@"\[(?<text>(?:\\.|[^\]\\\n])+)\]\((?:<[^>\n]*>|[^\s)]+)\)")]
    private static partial Regex LinkMarkup();

    /// <summary>A link closing a paragraph, with the arrows around it; the dots before it are the summary's own ellipsis and stay.</summary>
    [GeneratedRegex(@"[ \t»›→]*\[(?<text>(?:\\.|[^\]\\\n])+)\]\((?:<[^>\n]*>|[^\s)]+)\)(?:\\[>.]|[…»›→ ])*$")]
    private static partial Regex TrailingLink();

    /// <summary>Asking to read on: 阅读全文, 查看更多, 点击阅读, 全文, 更多, Read more, Continue reading, Full story.</summary>
    [GeneratedRegex(
        @"^(?:(?:点击|點擊|点此|點此|请点击|請點擊|请|請)?(?:继续|繼續)?(?:阅读|閱讀|查看|浏览|瀏覽|展开|展開|看)?(?:全文|更多(?:内容|內容|新闻|新聞)?|完整(?:内容|內容|文章|报道|報導)|剩余内容|剩餘內容)"
        + @"|(?:点击|點擊|继续|繼續)(?:阅读|閱讀)|(?:全文|更多)(?:请|請)?(?:点击|點擊|见|見)(?:这里|這裡|此处|此處)?"
        + @"|(?:click|tap) here to (?:read|continue)(?: more| reading)?"
        + @"|read (?:more|on|the (?:full |whole |complete )?(?:story|article|post|report|piece)|the rest(?: of (?:the|this) (?:story|article|post))?|full (?:story|article))"
        + @"|(?:continue|keep) reading(?: (?:the )?(?:full )?(?:story|article|post))?|(?:full|whole) (?:story|article)|more)"
        + @"(?:[:：]? (?:here|(?:at|on|in) .{1,40}))?$")]
    private static partial Regex ReadMore();

    /// <summary>A paywall note: subscribe, pay or log in, to read (on).</summary>
    [GeneratedRegex(
        @"\b(?:subscribe|subscription|subscribers?|sign in|log in|login)\b.{0,60}\b(?:read|continue|access|full|rest)\b"
        + @"|\b(?:to (?:read|continue reading|keep reading|access)|read the (?:full|rest)|the rest of (?:this|the) (?:story|article))\b.{0,60}\b(?:subscri\w*|sign in|log in|login)\b"
        + @"|\b(?:for|to) subscribers only\b|\bsubscriber[- ]only\b|\bpremium (?:content|article)\b"
        + @"|(?:订阅|訂閱|付费|付費|会员|會員|登录|登錄|登入|注册|註冊).{0,12}(?:阅读|閱讀|查看|浏览|瀏覽|解锁|解鎖)"
        + @"|(?:阅读|閱讀|查看|浏览|瀏覽)(?:全文|完整|剩余|剩餘|更多).{0,8}(?:订阅|訂閱|付费|付費|会员|會員|登录|登錄|登入|注册|註冊)"
        + @"|(?:付费|付費)(?:内容|內容|文章|阅读|閱讀)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Paywall();
}
