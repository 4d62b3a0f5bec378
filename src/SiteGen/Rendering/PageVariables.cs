using System.Collections.Concurrent;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// The variables every page has: <c>site</c> (one object per language, shared by every page) and
/// <c>page</c> (title, description, canonical and alternate URLs, feed). Made from the settings, the
/// URLs and the theme's asset URLs only, so one instance can serve the next build when those are the
/// same (then the article pages it made are still right: <see cref="ArticlePageMemo"/>). Thread-safe.
/// </summary>
public sealed class PageVariables
{
    private readonly SiteSettings _settings;
    private readonly ConcurrentDictionary<string, SiteView> _siteViews = new(StringComparer.Ordinal);
    private readonly Func<string, SiteView> _siteViewOf;

    public PageVariables(SiteSettings settings, SiteUrls urls, string cssUrl, string iconUrl, IReadOnlyDictionary<string, string> assetUrls)
    {
        _settings = settings;
        Urls = urls;
        CssUrl = cssUrl;
        IconUrl = iconUrl;
        AssetUrls = assetUrls;
        _siteViewOf = SiteViewOf;
    }

    public SiteUrls Urls { get; }

    public string CssUrl { get; }

    public string IconUrl { get; }

    public IReadOnlyDictionary<string, string> AssetUrls { get; }

    /// <summary>The <c>site</c> and <c>page</c> variables of a page (<paramref name="suffix"/> null: a 404 page).</summary>
    /// <param name="oneLanguageSwitchUrl">For a page only this UI has (an article's): where its language switch leads instead
    /// of the same page in the other UI; it then has no <c>hreflang</c> alternates.</param>
    public Dictionary<string, object?> Make(string lang, string kind, string? suffix, string title, bool noAlternates = false, string? description = null, string ogType = "website", string? ogImage = null, (string Url, string Title)? feed = null, string? oneLanguageSwitchUrl = null)
    {
        var other = SitePages.Other(lang);
        var alternates = suffix is null || noAlternates || oneLanguageSwitchUrl is not null
            ? Array.Empty<AlternateView>()
            : [
                new AlternateView("zh-Hans", Urls.Absolute($"zh/{suffix}")),
                new AlternateView("en", Urls.Absolute($"en/{suffix}")),
                new AlternateView("x-default", Urls.Absolute($"{_settings.DefaultLanguage}/{suffix}")),
            ];
        var siteTitle = SitePages.SiteTitle(_settings, lang);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["site"] = SiteView(lang),
            ["page"] = new PageView
            {
                Kind = kind,
                Title = title,
                Description = string.IsNullOrWhiteSpace(description) ? SitePages.SiteDescription(_settings, lang) : description,
                Url = suffix is null ? Urls.Path($"{lang}/404.html") : Urls.Path($"{lang}/{suffix}"),
                Canonical = suffix is null || noAlternates ? null : Urls.Absolute($"{lang}/{suffix}"),
                Alternates = alternates,
                SwitchUrl = oneLanguageSwitchUrl ?? (suffix is null ? Urls.Path($"{other}/") : Urls.Path($"{other}/{suffix}")),
                SwitchLang = SitePages.HtmlLang(other),
                OgType = ogType,
                OgImage = ogImage,
                FeedUrl = feed?.Url ?? Urls.Path($"{lang}/feed.xml"),
                FeedTitle = feed?.Title ?? siteTitle,
            },
        };
    }

    /// <summary>The site's variables in one language: one object shared by every page (hashed once per build, not per page).</summary>
    public SiteView SiteView(string lang) => _siteViews.GetOrAdd(lang, _siteViewOf);

    private SiteView SiteViewOf(string lang)
    {
        var siteTitle = SitePages.SiteTitle(_settings, lang);
        return new SiteView
        {
            Title = siteTitle,
            Description = SitePages.SiteDescription(_settings, lang),
            Lang = lang,
            HtmlLang = SitePages.HtmlLang(lang),
            OgLocale = lang == "zh" ? "zh_CN" : "en_US",
            BasePath = Urls.BasePath,
            BaseUrl = Urls.BaseUrl,
            HomeUrl = Urls.Path($"{lang}/"),
            OutletsUrl = Urls.Path($"{lang}/outlets/"),
            EventsUrl = Urls.Path($"{lang}/events/"),
            TagsUrl = Urls.Path($"{lang}/tags/"),
            ArchiveUrl = Urls.Path($"{lang}/archive/"),
            SearchUrl = Urls.Path($"{lang}/search/"),
            FeedUrl = Urls.Path($"{lang}/feed.xml"),
            CssUrl = CssUrl,
            IconUrl = IconUrl,
            SearchJsUrl = AssetUrls.GetValueOrDefault("search.js", Urls.Path("assets/search.js")),
            SearchCssUrl = AssetUrls.GetValueOrDefault("search.css", Urls.Path("assets/search.css")),
        };
    }
}
