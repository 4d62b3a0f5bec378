using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace SiteGen.BrowserTests.Infrastructure;

/// <summary>
/// Which address of the built site stands for each page kind. Nothing is hard-coded but the URL
/// scheme: ids come from the site itself (its <c>sitemap.xml</c>, its home page and its index pages),
/// so the same tests run against the fixture site and against the build of the shipped archive.
/// The pages are found under <c>/zh/</c>; the English page of a kind has the same path under <c>/en/</c>,
/// but for articles: an article's one page is in the UI of its language, so the English article page is
/// an English article's (from the sitemap), and an article page's switch leads where its link says.
/// </summary>
public sealed partial class PageCatalog
{
    private readonly Dictionary<PageKind, string> _suffixes;

    private readonly Dictionary<string, (string Id, string Switch)> _articles;

    private PageCatalog(Dictionary<PageKind, string> suffixes, string articleId, bool articleHasChineseTitle, Dictionary<string, (string Id, string Switch)> articles)
    {
        _suffixes = suffixes;
        ArticleId = articleId;
        ArticleHasChineseTitle = articleHasChineseTitle;
        _articles = articles;
    }

    /// <summary>The article whose page the tests open in a UI language (<see cref="ArticleId"/> in zh, an English article in en).</summary>
    public string ArticleIdOf(string lang) => _articles[lang].Id;

    /// <summary>Where the language switch of a page kind leads: the same page in the other UI, but for an article page.</summary>
    public string SwitchPathOf(PageKind kind, string lang) => kind switch
    {
        PageKind.Article => _articles[lang].Switch,
        PageKind.NotFound => $"/{(lang == "zh" ? "en" : "zh")}/",
        _ => $"/{(lang == "zh" ? "en" : "zh")}/{Suffix(kind)}",
    };

    /// <summary>The article the article tests use: one with an outlet, events and tags, Chinese when there is one.</summary>
    public string ArticleId { get; }

    public bool ArticleHasChineseTitle { get; }

    /// <summary>The path of a page without its language: <c>articles/x/</c>, <c>tags/%E6%99%AE%E4%BA%AC/</c>.</summary>
    public string Suffix(PageKind kind) => _suffixes.TryGetValue(kind, out var suffix)
        ? suffix
        : throw new InvalidOperationException($"the site has no {kind} page that the tests could find");

    /// <summary>The path the browser opens for a page kind in a language.</summary>
    public string PathOf(PageKind kind, string lang) => kind switch
    {
        // "/" and "/index.html" both lead to /zh/; the language picks which address is opened.
        PageKind.Root => lang == "zh" ? "/" : "/index.html",
        PageKind.NotFound => $"/{lang}/no-such-page-{lang}/",
        PageKind.Article => $"/{lang}/articles/{ArticleIdOf(lang)}/",
        _ => $"/{lang}/{Suffix(kind)}",
    };

    /// <summary>Where the reader ends up: the page itself, or /zh/ for the root.</summary>
    public string LandingPathOf(PageKind kind, string lang) => kind == PageKind.Root ? "/zh/" : PathOf(kind, lang);

    /// <summary>The UI language of the page the reader ends up on (the root 404 page is in the default language).</summary>
    public static string LandingLanguage(PageKind kind, string lang) => kind is PageKind.Root or PageKind.NotFound ? "zh" : lang;

    public static async Task<PageCatalog> DiscoverAsync(HttpClient http, Func<string, string?> findArticleMarkdown)
    {
        var parser = new HtmlParser();
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var englishArticles = new List<string>();

        void Add(string path)
        {
            if (path.StartsWith("/zh/", StringComparison.Ordinal) && seen.Add(path))
            {
                order.Add(path);
            }
        }

        async Task<AngleSharp.Html.Dom.IHtmlDocument?> Fetch(string path)
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            return response.IsSuccessStatusCode ? await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()) : null;
        }

        // Home and index pages first (their first links are the newest), then the sitemap.
        foreach (var index in new[] { "/zh/", "/zh/outlets/", "/zh/events/", "/zh/tags/", "/zh/archive/" })
        {
            var doc = await Fetch(index);
            if (doc is null)
            {
                continue;
            }

            foreach (var a in doc.QuerySelectorAll("a[href]"))
            {
                if (LocalPath(a.GetAttribute("href")!, index) is { } path)
                {
                    Add(path);
                }
            }
        }

        using (var sitemap = await http.GetAsync(new Uri("/sitemap-1.xml", UriKind.Relative)))
        {
            if (sitemap.IsSuccessStatusCode)
            {
                var xml = XDocument.Parse(await sitemap.Content.ReadAsStringAsync());
                foreach (var loc in xml.Descendants().Where(e => e.Name.LocalName == "loc"))
                {
                    var path = new Uri(loc.Value.Trim()).AbsolutePath;
                    if (path.Contains("/en/articles/", StringComparison.Ordinal))
                    {
                        englishArticles.Add(path[path.IndexOf("/en/", StringComparison.Ordinal)..]);
                    }

                    var at = path.IndexOf("/zh/", StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        Add(path[at..]);
                    }
                }
            }
        }

        var suffixes = new Dictionary<PageKind, string>
        {
            [PageKind.Home] = "",
            [PageKind.OutletsIndex] = "outlets/",
            [PageKind.EventsIndex] = "events/",
            [PageKind.TagsIndex] = "tags/",
            [PageKind.Search] = "search/",
        };

        string? First(Regex pattern, Func<string, bool>? prefer = null) =>
            order.Where(p => pattern.IsMatch(p)).OrderBy(p => prefer is not null && prefer(p) ? 0 : 1).FirstOrDefault();

        void Set(PageKind kind, string? path)
        {
            if (path is not null)
            {
                suffixes[kind] = path["/zh/".Length..];
            }
        }

        Set(PageKind.Outlet, First(OutletPath()));
        Set(PageKind.Event, First(EventPath()));
        // A Chinese tag (percent-encoded in its link) when there is one: the harder case.
        Set(PageKind.Tag, First(TagPath(), p => p.Contains('%', StringComparison.Ordinal)));
        Set(PageKind.YearArchive, First(YearPath()));
        Set(PageKind.MonthArchive, First(MonthPath()));

        // The article: the first (newest first) that links to its outlet, an event and a tag, has a Chinese
        // title and a normalized Markdown file; failing that, the best of the first few. The same for the
        // English article page (English articles have theirs in the en UI), but for the Chinese title.
        async Task<(string? Path, int Score, bool Chinese)> Best(IEnumerable<string> candidates, string lang)
        {
            var best = (Path: (string?)null, Score: -1, Chinese: false);
            foreach (var path in candidates.Take(60))
            {
                var doc = await Fetch(path);
                if (doc is null)
                {
                    continue;
                }

                var hrefs = doc.QuerySelectorAll("main a[href]").Select(a => LocalPath(a.GetAttribute("href")!, path)).OfType<string>().ToList();
                bool LinksTo(string what) => hrefs.Any(h => Regex.IsMatch(h, $"^/{lang}/{what}/[^/]+/$"));
                var id = path.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
                var chinese = doc.QuerySelector("main h1") is { } h1 && HanCharacter().IsMatch(h1.TextContent);
                var score = (LinksTo("outlets") ? 1 : 0) + (LinksTo("events") ? 1 : 0) + (LinksTo("tags") ? 1 : 0)
                    + (chinese || lang == "en" ? 1 : 0) + (findArticleMarkdown(id) is not null ? 1 : 0);
                if (score > best.Score)
                {
                    best = (path, score, chinese);
                }

                if (score == 5)
                {
                    break;
                }
            }

            return best;
        }

        var best = await Best(order.Where(p => ArticlePath().IsMatch(p)), "zh");
        Set(PageKind.Article, best.Path);
        var articleId = best.Path?.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1]
            ?? throw new InvalidOperationException("the site has no article page under /zh/articles/ that the tests could find");
        var articles = new Dictionary<string, (string Id, string Switch)>(StringComparer.Ordinal)
        {
            ["zh"] = (articleId, await SwitchOf(best.Path!)),
        };
        if ((await Best(englishArticles, "en")).Path is { } english)
        {
            articles["en"] = (english.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1], await SwitchOf(english));
        }

        return new PageCatalog(suffixes, articleId, best.Chinese, articles);

        async Task<string> SwitchOf(string path) =>
            (await Fetch(path))?.QuerySelector("a.lang-switch")?.GetAttribute("href") is { } href && LocalPath(href, path) is { } local
                ? local
                : throw new InvalidOperationException($"{path} has no language switch");
    }

    /// <summary>The root-relative, percent-encoded path of a link to the local site, or null for another site.</summary>
    public static string? LocalPath(string href, string basePath)
    {
        if (!Uri.TryCreate(new Uri("http://local" + basePath), href, out var uri) || uri.Host != "local")
        {
            return null;
        }

        return uri.AbsolutePath;
    }

    public override string ToString() =>
        string.Join(", ", _suffixes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}=/zh/{kv.Value}"));

    [GeneratedRegex(@"^/zh/outlets/[^/]+/$")]
    public static partial Regex OutletPath();

    [GeneratedRegex(@"^/zh/events/[^/]+/$")]
    public static partial Regex EventPath();

    [GeneratedRegex(@"^/zh/tags/[^/]+/$")]
    public static partial Regex TagPath();

    [GeneratedRegex(@"^/zh/articles/[^/]+/$")]
    public static partial Regex ArticlePath();

    [GeneratedRegex(@"^/zh/archive/\d{4}/$")]
    private static partial Regex YearPath();

    [GeneratedRegex(@"^/zh/archive/\d{4}/\d{2}/$")]
    private static partial Regex MonthPath();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    public static partial Regex HanCharacter();
}
