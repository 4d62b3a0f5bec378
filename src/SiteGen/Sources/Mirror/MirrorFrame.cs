using System.Text;
using System.Text.RegularExpressions;

namespace SiteGen.Sources.Mirror;

/// <summary>
/// A mirror page split into its Markdown frame and the article's HTML. The frame is the mirror's
/// own: the <c>### title</c> line and the dashed rules, navigation and promotion rows (every
/// <c>####</c> line with a link — the article itself is always HTML), the share box (its link is the mirror's
/// address, followed by a QR code image), the <c>原文地址/原文链接</c> line and the tracking pixel.
/// Promotion rows sometimes sit inside the article's HTML (看中国 copies), so the frame is taken out
/// line by line over the whole file, not only around the HTML.
/// </summary>
internal sealed partial record MirrorFrame(string Title, string? OriginalUrl, string? MirrorUrl, string Html)
{
    public static MirrorFrame Split(SourceDocument document)
    {
        var lines = document.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var titleIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (titleIndex < 0 || !lines[titleIndex].StartsWith("### ", StringComparison.Ordinal))
        {
            throw new SourceRejectedException("no '### ' title line at the top of the mirror page", titleIndex + 1);
        }

        var title = lines[titleIndex][4..].Trim();
        if (title.Length == 0)
        {
            throw new SourceRejectedException("the '### ' title line is empty", titleIndex + 1);
        }

        string? originalUrl = null;
        string? mirrorUrl = null;
        var html = new StringBuilder(document.Text.Length);
        var inShareBox = false;
        for (var i = titleIndex + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (OriginalLine().Match(line) is { Success: true } original)
            {
                originalUrl ??= original.Groups["url"].Value;
                inShareBox = false;
                continue;
            }

            if (line.Contains("二维码分享本文章", StringComparison.Ordinal))
            {
                inShareBox = true;
                continue;
            }

            if (inShareBox)
            {
                // The share box: the mirror's own address on one line, then its QR code image.
                if (ShareLink().Match(line) is { Success: true } share)
                {
                    mirrorUrl ??= share.Groups["url"].Value;
                    continue;
                }

                if (QrCode().IsMatch(line))
                {
                    continue;
                }

                inShareBox = false;
            }

            if (Rule().IsMatch(line) || FrameHeading().IsMatch(line) || Pixel().IsMatch(line))
            {
                continue;
            }

            html.Append(line).Append('\n');
        }

        return new MirrorFrame(title, originalUrl, mirrorUrl, html.ToString());
    }

    [GeneratedRegex(@"原文(?:地址|链接|鏈接)[^：:\n]{0,12}[：:]\s*(?<url>https?://\S+)")]
    private static partial Regex OriginalLine();

    // NonBacktracking: linear time on any input; backtracking took quadratic time on a hostile 1 MB line (docs/security.md).
    [GeneratedRegex(@"^\s*(?<url>https?://\S+?)\s*(?:<br\s*/?>)?\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex ShareLink();

    // NonBacktracking: linear time on any input; backtracking took quadratic time on a hostile 1 MB line (docs/security.md).
    [GeneratedRegex(@"^\s*<a href='[^']*'><img src='[^']*'\s*/?></a>\s*(?:<br\s*/?>)?\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex QrCode();

    [GeneratedRegex(@"^-{3,}\s*$")]
    private static partial Regex Rule();

    /// <summary>
    /// Navigation and promotion rows: Markdown headings, indented or not, that link somewhere
    /// (<c>#### [首页](…)</c>, <c>#### 💥 [《伪火》](…)</c>, <c>#### 网站代理：[大纪元新闻网](…)</c> — every row of the
    /// shared mirror has a link). A line of the article's HTML that starts with <c># </c> (a <c>&lt;pre&gt;</c>
    /// line, a pretty-printed text line) is text and stays.
    /// </summary>
    [GeneratedRegex(@"^[ \t]*#{1,6}\s.*\]\(")]
    private static partial Regex FrameHeading();

    [GeneratedRegex(@"^\s*<img src='[^']*' width='0px' height='0px'\s*/?>\s*$")]
    private static partial Regex Pixel();
}
