using System.Text.RegularExpressions;

namespace SiteGen.Sources.Mirror;

/// <summary>
/// What the text of a file says about the mirror family (gfw-breaker, bigcaibao, zydd999, begood0513
/// mirrors of Epoch Times and other outlets). Only the content is read, never the path: a
/// <c>### title</c> line over a dashed rule, the <c>原文地址/原文链接</c> line, the share box, the
/// mirror's tracking pixel and navigation rows. The two layouts differ in their navigation links:
/// the newer one links its own pages relatively (<c>](../../README.md?n13895586)</c>).
/// </summary>
internal sealed partial record MirrorSignals(
    bool HasTitle,
    bool HasOriginalLine,
    bool HasShareBox,
    bool HasPixel,
    bool HasNavigation,
    bool HasRelativeNavigation,
    int IndexLinkCount)
{
    /// <summary>An article page: the title line is what every mirror page starts with.</summary>
    public bool IsArticle => HasTitle;

    /// <summary>A page listing mirrored articles (<c>#### [title](../pages/…md)</c>) instead of one article.</summary>
    public bool IsIndex => !HasTitle && IndexLinkCount > 0 && (HasPixel || HasNavigation || HasRelativeNavigation);

    /// <summary>The newer layout (relative links to the mirror's own pages); index pages only exist in it here.</summary>
    public bool IsNewerLayout => HasRelativeNavigation || IsIndex;

    /// <summary>Confidence (0..100) that the file is a page of this mirror family, whatever the layout.</summary>
    public int FamilyScore
    {
        get
        {
            if (IsIndex)
            {
                return 85;
            }

            if (!HasTitle)
            {
                return 0;
            }

            // A "### title" over a rule alone is ordinary Markdown; the original-URL line is the mark
            // of the family, the share box, pixel and navigation rows confirm it.
            return 30 + (HasOriginalLine ? 35 : 0) + (HasShareBox ? 10 : 0) + (HasPixel ? 10 : 0) + (HasNavigation ? 10 : 0);
        }
    }

    public static MirrorSignals Of(string text) => new(
        TitleOverRule().IsMatch(text),
        OriginalLine().IsMatch(text),
        text.Contains("二维码分享本文章", StringComparison.Ordinal),
        Pixel().IsMatch(text),
        Navigation().IsMatch(text),
        RelativeNavigation().IsMatch(text),
        IndexLink().Count(text));

    // NonBacktracking: linear time on any input; backtracking took quadratic time on a hostile 1 MB line (docs/security.md).
    [GeneratedRegex(@"\A\s*### [^\n]*\S[^\n]*\r?\n-{3,}[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex TitleOverRule();

    [GeneratedRegex(@"原文(?:地址|链接|鏈接)[^：:\n]{0,12}[：:]\s*https?://")]
    private static partial Regex OriginalLine();

    [GeneratedRegex(@"<img src='https?://gfw-breaker\.win/[^']*' width='0px' height='0px'\s*/?>")]
    private static partial Regex Pixel();

    [GeneratedRegex(@"^#{2,6}\s+\[(?:首页|禁闻聚合首页|法轮功真相)\]\(", RegexOptions.Multiline)]
    private static partial Regex Navigation();

    [GeneratedRegex(@"^#{2,6}\s+\[[^\]\n]+\]\((?:\.\./)+(?:README\.md|indexes/)", RegexOptions.Multiline)]
    private static partial Regex RelativeNavigation();

    [GeneratedRegex(@"^#{2,6}\s+\[[^\]\n]+\]\((?:\.\./)*pages/[^)\s]+\.md", RegexOptions.Multiline)]
    private static partial Regex IndexLink();
}
