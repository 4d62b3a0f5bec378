using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace SiteGen.Sources.Mirror;

/// <summary>
/// An outlet's own lines around its articles, by their form rather than by outlet:
/// - a copyright notice (<c>(版权归大纪元所有，欢迎转载，不得更改)</c>, <c>© 2018 …</c>, <c>Copyright …</c>), with the
///   line break after it and the bare home-page address that may follow it;
/// - a paragraph that is only the outlet's home-page address (<c>(http://www.dajiyuan.com)</c>): an
///   address without a path names the site, not a source of the story;
/// - a subscription appeal: a short paragraph that is one link asking the reader to subscribe or
///   to click (<c>要想定期快速浏览一周新闻集锦，请点这里。</c>);
/// - the closing mark <c>#</c>, alone in a paragraph or at the end of the article's last sentence
///   (<c>…进一步报导。#</c>; a hashtag is a word after <c>#</c>, never a <c>#</c> after punctuation).
/// Each is matched on a whole text node or paragraph, so a sentence that merely mentions copyright
/// or subscriptions stays.
/// </summary>
internal static partial class Boilerplate
{
    /// <summary>The longest appeal paragraph: appeals are one short line; an article's sentence with a link is longer.</summary>
    private const int MaxAppealLength = 60;

    public static void Remove(IElement root)
    {
        RemoveCopyrightNotices(root);
        RemoveEndMark(root);
        foreach (var block in root.QuerySelectorAll("p, div").Where(e => e.QuerySelector("p, div, img") is null).ToList())
        {
            var text = block.TextContent.Trim();
            if (text == "#" || HomeAddress().IsMatch(text) || IsAppeal(block, text))
            {
                block.Remove();
            }
        }
    }

    private static void RemoveCopyrightNotices(IElement root)
    {
        foreach (var text in root.GetDescendants().OfType<IText>().Where(t => Copyright().IsMatch(t.Data.Trim())).ToList())
        {
            while (text.NextSibling is { } next && (next is IElement { LocalName: "br" } || IsHomeAddressNode(next)))
            {
                next.RemoveFromParent();
            }

            text.RemoveFromParent();
        }
    }

    private static void RemoveEndMark(IElement root)
    {
        var last = root.GetDescendants().OfType<IText>().LastOrDefault(t => t.Data.Trim().Length > 0);
        if (last is not null && EndMark().Match(last.Data) is { Success: true } mark)
        {
            last.Data = last.Data[..mark.Index];
        }
    }

    private static bool IsHomeAddressNode(INode node) =>
        (node is IText || node is IElement { LocalName: "font" or "span" or "a" }) && HomeAddress().IsMatch(node.TextContent.Trim());

    private static bool IsAppeal(IElement block, string text) =>
        text.Length <= MaxAppealLength
        && block.QuerySelectorAll("a").ToList() is [var link]
        && link.TextContent.Trim() == text
        && Appeal().IsMatch(text)
        && !Normalize.Teaser.IsPaywall(text); // "订阅以阅读全文" says the page is cut: the teaser rule marks it

    [GeneratedRegex(@"^[（(]?\s*(?:(?:版权归|版權歸|版权所有|版權所有)[^()（）\n]{0,40}|(?:©|Copyright\s*(?:©\s*)?(?:19|20)\d{2})[^\n]{0,120})[)）]?\s*(?:[（(]?https?://[^\s/()（）]+/?[)）]?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"(?<=[。！？”」』）)\]◇.!?\s])#\s*$")]
    private static partial Regex EndMark();

    [GeneratedRegex(@"^[（(]?\s*https?://[^\s/()（）]+/?\s*[)）]?$", RegexOptions.IgnoreCase)]
    private static partial Regex HomeAddress();

    [GeneratedRegex(@"请点这里|請點這裡|请点击|請點擊|点击这里|點擊這裡|订阅|訂閱|\bsubscribe\b|\bsign up\b", RegexOptions.IgnoreCase)]
    private static partial Regex Appeal();
}
