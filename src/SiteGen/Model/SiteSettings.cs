namespace SiteGen.Model;

/// <summary>
/// <c>content/site.yml</c>: the site's title and description in both languages, its public base URL,
/// the default UI language, list page size and theme name. Command-line flags override these.
/// </summary>
public sealed class SiteSettings
{
    public string TitleZh { get; set; } = "新闻档案";

    public string TitleEn { get; set; } = "News Archive";

    public string DescriptionZh { get; set; } = "";

    public string DescriptionEn { get; set; } = "";

    /// <summary>Absolute URL the site is published at, ending in <c>/</c>: <c>https://user.github.io/repo/</c>.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000/";

    /// <summary><c>zh</c> or <c>en</c>: where <c>/</c> leads and what <c>x-default</c> points to.</summary>
    public string DefaultLanguage { get; set; } = "zh";

    /// <summary>Articles per list page (outlet, event, tag, archive pages) and on the home page.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Theme folder name under <c>themes/</c>.</summary>
    public string Theme { get; set; } = "default";
}
