namespace SiteGen.Model;

/// <summary>
/// The one UI language whose pages carry an article's page: the article's own language when the site
/// has a UI in it (zh, en), else the site's default language. An article's body is published once, there
/// (a second copy per UI made every body cost twice: 280 MB of 525 MB on an 11,630-article mirror); the
/// other UI's lists, feeds and search link to that page, and its language switch leads to a translation
/// or to the other UI's page of its outlet (docs/site.md).
/// </summary>
public static class ArticleHome
{
    public static string Language(Article article, string defaultLanguage) =>
        WrittenIn(article.Lang, "zh") ? "zh"
        : WrittenIn(article.Lang, "en") ? "en"
        : defaultLanguage;

    /// <summary>Whether text of language tag <paramref name="lang"/> (<c>zh-Hans</c>, <c>en-GB</c> …) is in UI language <paramref name="uiLanguage"/> (<c>zh</c> or <c>en</c>), so needs no title of the other language beside it.</summary>
    public static bool WrittenIn(string lang, string uiLanguage) => lang.StartsWith(uiLanguage == "en" ? "en" : "zh", StringComparison.Ordinal);

    /// <summary>The article page's path under the site's base path: <c>zh/articles/x/</c>.</summary>
    public static string Path(Article article, string defaultLanguage) => $"{Language(article, defaultLanguage)}/articles/{article.Id}/";
}
