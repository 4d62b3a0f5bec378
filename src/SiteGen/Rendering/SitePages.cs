using System.Globalization;
using SiteGen.Link;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// One page to render: its file in the output, its template (and layout), its UI language, the page's
/// path without the language (<c>tags/x/</c>, the same under /zh/ and /en/) and its variables. An
/// article page exists in one UI only (<paramref name="OneLanguage"/>: no alternates, not twice in the sitemap).
/// </summary>
/// <param name="Key">When not null: an immutable object that, with the site's settings, asset URLs and
/// base URL, determines <paramref name="Variables"/> entirely (an article page's view, a list page's
/// <see cref="PageKey"/>). A rebuild that finds the same key as last time (<see cref="PageKey.Same"/>)
/// reuses the page without making its variables.</param>
public sealed record PageJob(string OutputPath, string Template, string? Layout, string Lang, string Suffix, bool InSitemap, Func<IReadOnlyDictionary<string, object?>> Variables, object? Key = null, bool OneLanguage = false);

/// <summary>
/// Plans every page of the site from the linked model: the same pages under each UI language, list
/// pages paginated. Article bodies go through Markdig once here and are shared by both languages.
/// </summary>
public sealed partial class SitePages
{
    public static readonly string[] Languages = ["zh", "en"];

    private readonly SiteModel _model;
    private readonly SiteSettings _settings;
    private readonly Dictionary<string, ArticleView>[] _views;
    private readonly Dictionary<string, TagGroup> _tagsBySlug;
    private readonly Func<string, string, string> _text;
    private PageVariables? _variables;

    /// <param name="text">UI strings: (language, key) to text, for page titles.</param>
    /// <param name="body">Article body to HTML; by default Markdig each time (an incremental build passes a cache).</param>
    /// <param name="reuse">Given each new article view and the view of the same article and language an earlier build
    /// made (from <paramref name="memo"/>, else null), gives the view to use: an equal earlier one (an incremental
    /// build keeps their digests by object), or the new one. Called from several threads.</param>
    /// <param name="memo">The article views of earlier builds by what they were made from: an article whose inputs
    /// are the same objects gets the same views, neither made nor compared.</param>
    public SitePages(SiteModel model, SiteSettings settings, SiteUrls urls, string cssUrl, string iconUrl, Func<string, string, string> text, Func<Article, RawHtml>? body = null, Func<ArticleView, ArticleView?, ArticleView>? reuse = null, ArticleViewMemo? memo = null)
    {
        _model = model;
        _settings = settings;
        _text = text;
        _tagsBySlug = model.Tags.ToDictionary(g => g.Slug, StringComparer.Ordinal);
        Urls = urls;
        CssUrl = cssUrl;
        IconUrl = iconUrl;
        body ??= a => new RawHtml(Content.ArticleBodyException.Guard(a.Id, () => MarkdownRenderer.ToHtml(a.Body)));
        var count = model.Articles.Count;
        var views = new ArticleView[Languages.Length, count];
        memo?.Begin(model, urls, settings.DefaultLanguage);
        Parallel.For(0, count, i =>
        {
            var article = model.Articles[i];
            var made = memo?.Find(model, article);
            if (made is null)
            {
                var html = body(article);
                var previous = memo?.Previous(article.Id);
                made = new ArticleView[Languages.Length];
                for (var l = 0; l < Languages.Length; l++)
                {
                    var view = MakeView(article, Languages[l], html);
                    made[l] = reuse is null ? view : reuse(view, previous?[l]);
                }

                memo?.Keep(model, i, article, made);
            }

            for (var l = 0; l < Languages.Length; l++)
            {
                views[l, i] = made[l];
            }
        });
        memo?.End(model);
        _views = new Dictionary<string, ArticleView>[Languages.Length];
        for (var l = 0; l < Languages.Length; l++)
        {
            _views[l] = new Dictionary<string, ArticleView>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                _views[l].Add(views[l, i].Id, views[l, i]);
            }
        }
    }

    public SiteUrls Urls { get; }

    public string CssUrl { get; }

    public string IconUrl { get; }

    /// <summary>Theme assets by relative name to their content-hashed URLs.</summary>
    public IReadOnlyDictionary<string, string> AssetUrls { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The variables every page has (<c>site</c>, <c>page</c>), made from the settings, URLs and assets. An
    /// incremental build hands in the last build's when those are the same (<see cref="LastVariables"/>), so
    /// that article pages made by an earlier build can be used again (<see cref="ArticlePages"/>).
    /// </summary>
    public PageVariables Variables => _variables ??= LastVariables ?? new PageVariables(_settings, Urls, CssUrl, IconUrl, AssetUrls);

    /// <summary>The last build's <see cref="Variables"/>, given only when its settings, URLs and assets are this build's.</summary>
    public PageVariables? LastVariables { get; init; }

    /// <summary>Article pages of earlier builds, kept with their views (an incremental build's).</summary>
    public ArticlePageMemo? ArticlePages { get; init; }

    public SiteModel Model => _model;

    public SiteSettings Settings => _settings;

    /// <summary>The UI language whose pages carry the article's page (<see cref="ArticleHome"/>).</summary>
    public string Home(Article article) => ArticleHome.Language(article, _settings.DefaultLanguage);

    /// <summary>The article page's path under the base path, in whichever UI it is asked from.</summary>
    public string ArticlePath(Article article) => ArticleHome.Path(article, _settings.DefaultLanguage);

    public static string HtmlLang(string lang) => lang == "zh" ? "zh-Hans" : "en";

    public static string Other(string lang) => lang == "zh" ? "en" : "zh";

    public ArticleView View(Article article, string lang) => _views[Array.IndexOf(Languages, lang)][article.Id];

    public string SiteTitle(string lang) => SiteTitle(_settings, lang);

    public string SiteDescription(string lang) => SiteDescription(_settings, lang);

    public static string SiteTitle(SiteSettings settings, string lang) => lang == "zh" ? settings.TitleZh : settings.TitleEn;

    public static string SiteDescription(SiteSettings settings, string lang) => lang == "zh" ? settings.DescriptionZh : settings.DescriptionEn;

    public static string OutletName(Outlet outlet, string lang) => lang == "zh" ? outlet.NameZh : outlet.NameEn;

    /// <summary>Every page, each language in turn, in a fixed order.</summary>
    public IEnumerable<PageJob> All() => Root().Concat(Languages.SelectMany(ForLanguage));

    /// <summary><see cref="All"/> as an array, each language's pages planned on its own thread (the same pages in the same order).</summary>
    public PageJob[] Plan()
    {
        var byLanguage = new PageJob[Languages.Length][];
        Parallel.For(0, Languages.Length, l => byLanguage[l] = ForLanguage(Languages[l]).ToArray());
        return [.. Root(), .. byLanguage.SelectMany(jobs => jobs)];
    }

    private IEnumerable<PageJob> Root()
    {
        yield return new PageJob("index.html", "redirect", null, _settings.DefaultLanguage, "", false, () => Vars(_settings.DefaultLanguage, "redirect", "", SiteTitle(_settings.DefaultLanguage), noAlternates: false));
        yield return new PageJob("404.html", "404_root", "base", _settings.DefaultLanguage, "", false, () => Vars(_settings.DefaultLanguage, "404", null, _text(_settings.DefaultLanguage, "notfound.title"), noAlternates: true));
    }

    /// <summary>
    /// A tag has its own page (and lists) once it has <see cref="MinTagPageArticles"/> articles. Most tags of a
    /// real archive name one article (1,530 of 1,965 on the shared mirror): a page for each was a third of the
    /// site's list bytes to show one link, so such a tag leads to a search for it instead (docs/site.md).
    /// </summary>
    public const int MinTagPageArticles = 2;

    public static bool HasPage(TagGroup tag) => tag.Articles.Count >= MinTagPageArticles;

    private string TagUrl(TagGroup tag, string lang) =>
        HasPage(tag) ? Urls.Path($"{lang}/tags/{tag.Slug}/") : Urls.Path($"{lang}/search/") + "?q=" + Uri.EscapeDataString(tag.Name);

    private string Label(string lang, string what) => _text(lang, "nav." + what);

    /// <summary>Outlets that have articles: one described in content/outlets/ or the catalog without any has no page, feed or sitemap entry.</summary>
    public IEnumerable<Outlet> PublishedOutlets => _model.Outlets.Where(o => _model.ByOutlet[o.Id].Count > 0);

    private IEnumerable<OutletView> OutletViews(string lang) => PublishedOutlets.Select(o => new OutletView
    {
        Id = o.Id,
        Url = Urls.Path($"{lang}/outlets/{o.Id}/"),
        Name = OutletName(o, lang),
        OtherName = OutletName(o, Other(lang)),
        Home = SafeUrl(o.Home),
        Count = _model.ByOutlet[o.Id].Count,
        FeedUrl = Urls.Path($"{lang}/outlets/{o.Id}/feed.xml"),
    });

    private YearView YearView(YearGroup y, string lang) => new()
    {
        Year = y.Year,
        Title = Dates.Year(y.Year, lang),
        Url = Urls.Path($"{lang}/archive/{y.Year:D4}/"),
        Count = y.Articles.Count,
        Months = y.Months.Select(m => new LinkView(Dates.Month(m.Year, m.Month, lang), Urls.Path($"{lang}/archive/{m.Year:D4}/{m.Month:D2}/"), Count: m.Articles.Count)).ToArray(),
    };

    private Dictionary<string, object?> Vars(string lang, string kind, string? suffix, string title, bool noAlternates = false, string? description = null, string ogType = "website", string? ogImage = null, (string Url, string Title)? feed = null) =>
        Variables.Make(lang, kind, suffix, title, noAlternates, description, ogType, ogImage, feed);

    private ArticleView MakeView(Article a, string lang, RawHtml body)
    {
        var ownIsUi = ArticleHome.WrittenIn(a.Lang, lang);
        var alt = ownIsUi ? null : lang == "en" ? a.TitleEn : a.TitleZh;
        alt = string.IsNullOrWhiteSpace(alt) ? null : alt.Trim();
        var outlet = _model.OutletById[a.Outlet];
        var neighbours = _model.NeighboursById.GetValueOrDefault(a.Id);
        LinkView? Neighbour(Article? n) => n is null ? null : ListLink(n, lang);
        return new ArticleView
        {
            Id = a.Id,
            Url = Urls.Path(ArticlePath(a)),
            Title = a.Title,
            AltTitle = alt,
            AltTitleLang = alt is null ? null : HtmlLang(lang),
            ListTitle = alt ?? a.Title,
            ListTitleLang = alt is null ? a.Lang : HtmlLang(lang),
            Lang = a.Lang,
            Outlet = new LinkView(OutletName(outlet, lang), Urls.Path($"{lang}/outlets/{outlet.Id}/")),
            DateIso = a.Published.ToString(),
            DateText = Dates.Published(a.Published, lang),
            Authors = a.Authors,
            Editor = a.Editor,
            Image = SafeUrl(a.Image?.Src) is { } src ? new ImageView(ImageAddress.Upgrade(src), a.Image!.Caption, a.Image.Credit) : null,
            Body = body,
            Summary = a.Summary,
            Tags = a.Tags.Where(_model.TagSlug.ContainsKey).Select(t => _model.TagSlug[t]).Distinct(StringComparer.Ordinal)
                .Select(slug => new LinkView(_tagsBySlug[slug].Name, TagUrl(_tagsBySlug[slug], lang))).ToArray(),
            Events = _model.EventsOf(a.Id).Select(id => EventLink(_model.EventById[id], lang)).ToArray(),
            Coverage = Coverage(a, lang),
            OriginalUrl = SafeUrl(a.Url),
            Mirrors = a.Mirrors.Select(SafeUrl).OfType<string>().ToArray(),
            Older = Neighbour(neighbours?.Older),
            Newer = Neighbour(neighbours?.Newer),
            Translations = _model.Translations.GetValueOrDefault(a.Id, []).Select(t => new LinkView(t.Title, Urls.Path(ArticlePath(t)), t.Lang, Note: t.Lang)).ToArray(),
            SwitchUrl = Home(a) == lang ? SwitchUrl(a, lang) : null, // only its page (in its home UI) has a switch
        };
    }

    // The other UI has no copy of the page: its reader goes on to the translation, else to the outlet's list.
    private string SwitchUrl(Article a, string lang)
    {
        var other = Other(lang);
        var translation = _model.Translations.GetValueOrDefault(a.Id, []).FirstOrDefault(t => Home(t) == other);
        return Urls.Path(translation is not null ? ArticlePath(translation) : $"{other}/outlets/{a.Outlet}/");
    }

    private LinkView ListLink(Article a, string lang)
    {
        var ownIsUi = ArticleHome.WrittenIn(a.Lang, lang);
        var alt = ownIsUi ? null : lang == "en" ? a.TitleEn : a.TitleZh;
        return string.IsNullOrWhiteSpace(alt)
            ? new LinkView(a.Title, Urls.Path(ArticlePath(a)), a.Lang, Note: Dates.Published(a.Published, lang))
            : new LinkView(alt.Trim(), Urls.Path(ArticlePath(a)), HtmlLang(lang), Note: Dates.Published(a.Published, lang));
    }

    /// <summary>The URL when it is absolute http(s), else null: nothing else may become a link or image.</summary>
    public static string? SafeUrl(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? url.Trim()
            : null;

    internal static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
