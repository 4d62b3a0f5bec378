using AngleSharp.Dom;

namespace SiteGen.Sources.Hexo;

/// <summary>
/// Removes the page furniture that RSSHub copied into English outlets' bodies, so only the article
/// reaches <see cref="Normalize.HtmlToMarkdown"/>: Chicago Tribune's layout features (login module,
/// newsletter promo, video lead art, async slots — everything but <c>pb-f-article-body</c>), video
/// asides, CBC's related-story lists (<c>ul.similarLinks</c>) and ad slots
/// (<c>section#inread-wrapper-…</c>), empty paragraphs, and every <c>on*</c> and <c>data-*</c> attribute.
/// </summary>
internal static class HexoBodyCleaner
{
    private const string NonArticle = "aside, ul.similarLinks, ol.similarLinks, section[id^='inread-wrapper']";

    public static void RemoveNonArticle(IElement body)
    {
        foreach (var element in body.QuerySelectorAll(NonArticle).ToList())
        {
            element.Remove();
        }

        // Tribune pages hold one article-body feature among promos; keep the promos only when that
        // feature is missing (then nothing can tell article from furniture, and no text is lost).
        if (body.QuerySelector(".pb-f-article-body") is not null)
        {
            foreach (var feature in body.QuerySelectorAll(".pb-feature").ToList())
            {
                if (!feature.ClassList.Contains("pb-f-article-body") && feature.QuerySelector(".pb-f-article-body") is null
                    && feature.Closest(".pb-f-article-body") is null)
                {
                    feature.Remove();
                }
            }
        }

        foreach (var element in body.QuerySelectorAll("*"))
        {
            foreach (var name in element.Attributes.Select(a => a.Name).Where(IsActiveOrData).ToList())
            {
                element.RemoveAttribute(name);
            }
        }

        foreach (var paragraph in body.QuerySelectorAll("p").ToList())
        {
            if (paragraph.TextContent.Trim().Length == 0 && paragraph.QuerySelector("img") is null)
            {
                paragraph.Remove();
            }
        }
    }

    private static bool IsActiveOrData(string name) =>
        name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name.StartsWith("data-", StringComparison.OrdinalIgnoreCase);
}
