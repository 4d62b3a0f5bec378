using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SiteGen.Model;
using SiteGen.Normalize;

namespace SiteGen.Sources.Mirror;

/// <summary>
/// The lead image: the picture a mirror page shows before any article text (Epoch Times'
/// <c>&lt;div&gt;&lt;img&gt;&lt;div class="caption"&gt;</c>, RFA's <c>#headerimg</c>, NTD's
/// <c>.featured_image</c>, 看中国's centred first paragraph). It becomes the article's <c>image</c>
/// and its block leaves the body; pictures after the first words of text are figures and stay.
/// </summary>
internal static partial class LeadImage
{
    private const string ContentSelector = "p, h1, h2, h3, h4, h5, h6, img, li, blockquote, table";

    /// <summary>Takes the lead image block out of <paramref name="root"/>; null when the page has none.</summary>
    public static ArticleImage? Take(IElement root)
    {
        var img = root.QuerySelector("img");
        if (img is null || HasTextBefore(root, img))
        {
            return null;
        }

        var src = UrlPolicy.Clean(img.GetAttribute("src") ?? img.GetAttribute("data-src"));
        if (src is null)
        {
            return null;
        }

        // Widen to the block that holds the image and its caption, stopping before a block that
        // also holds article paragraphs or other pictures.
        IElement block = img;
        while (block.ParentElement is { } parent && parent != root && !HoldsMoreThan(parent, block))
        {
            block = parent;
        }

        var text = Collapse(block.TextContent);
        block.Remove();
        var (caption, credit) = SplitCredit(text);
        return new ArticleImage(src, caption, credit);
    }

    /// <summary>
    /// Splits a trailing parenthesized credit off a caption: <c>习近平与普京会面资料照。(Lintao
    /// Zhang/Getty Images)</c> → caption and credit. Only when the parentheses read as a credit (after a
    /// finished sentence, with a credit label, or naming a photographer/agency), so that
    /// <c>纳瓦尼（Alexei Navalny）</c> keeps its gloss.
    /// </summary>
    public static (string? Caption, string? Credit) SplitCredit(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        var m = TrailingParentheses().Match(text);
        if (!m.Success)
        {
            return (text, null);
        }

        var caption = m.Groups["caption"].Value.TrimEnd();
        var credit = m.Groups["credit"].Value.Trim();
        var looksLikeCredit = caption.Length == 0
            || EndsSentence().IsMatch(caption)
            || CreditLabel().IsMatch(credit)
            || credit.Contains('/', StringComparison.Ordinal)
            || Agency().IsMatch(credit);
        if (!looksLikeCredit || credit.Length == 0)
        {
            return (text, null);
        }

        credit = CreditLabel().Replace(credit, "").Trim();
        return (caption.Length == 0 ? null : caption, credit.Length == 0 ? null : credit);
    }

    private static bool HasTextBefore(IElement root, IElement target)
    {
        foreach (var node in root.GetDescendants())
        {
            if (node == target)
            {
                return false;
            }

            if (node is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldsMoreThan(IElement parent, IElement block) =>
        parent.QuerySelectorAll(ContentSelector).Any(e => e != block && !block.Contains(e));

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<caption>.*?)[(（](?<credit>[^()（）]*)[)）]$", RegexOptions.Singleline)]
    private static partial Regex TrailingParentheses();

    [GeneratedRegex(@"[。！？.!?)）」”]$")]
    private static partial Regex EndsSentence();

    [GeneratedRegex(@"^(?:图片来源|圖片來源|图源|圖源|图取自|圖取自|图片|圖片|摄影|攝影|来源|來源|Photo(?: by)?|Credit)\s*[：:]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CreditLabel();

    [GeneratedRegex(@"Getty|AFP|Reuters|\bAP\b|Shutterstock|美联社|美聯社|法新社|路透|大纪元|大紀元|新唐人|资料|資料|摄|攝|供图|供圖")]
    private static partial Regex Agency();
}
