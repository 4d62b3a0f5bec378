using System.Runtime.CompilerServices;
using SiteGen.Content;
using SiteGen.Model;
using SiteGen.Rendering;

namespace SiteGen.Publishing.Incremental;

/// <summary>
/// The views of the site (<see cref="SitePages"/>) and what goes with them: the theme's assets (files and
/// URLs with a content hash), and whether the site is the last good build's (same settings and asset
/// URLs), under which the last build's page keys (<see cref="PageJob.Key"/>) still hold.
/// </summary>
internal sealed record Viewed(Dictionary<string, OutputFile> Files, Dictionary<string, string> AssetUrls, bool SameSite, SitePages Pages);

/// <summary>The page jobs in plan order, the sitemap's page suffixes, and the sitemap when a one-off build began it early.</summary>
internal sealed record Planned(PageJob[] Jobs, SitemapEntry[] SitemapSuffixes, Sitemaps Sitemaps, Task<byte[][]>? SitemapEarly);

/// <summary>
/// Plan: the views of articles, outlets, events and lists (step "views"), then the page jobs (step
/// "plan": one job per page and language, with the variables it renders from).
/// Cache: the article views and article page jobs of earlier builds (<see cref="ArticleViewMemo"/>,
/// <see cref="ArticlePageMemo"/>), bodies rendered by Markdig per article object, and the last good
/// build's settings, asset URLs and page variables. Redoes work for an article that is another object
/// (its file parsed again), and for every page variable when the settings or asset URLs changed.
/// </summary>
internal sealed class PlanPhase
{
    private readonly ConditionalWeakTable<Article, RawHtml> _bodies = new();

    // Article views of earlier builds by what they were made from, and the file of each article when the
    // memo last took views (see Reuse).
    private readonly ArticleViewMemo _views = new();
    private Dictionary<string, string>? _lastFileOf;

    // The settings and asset URLs of the last good build, under which its page keys (PageJob.Key) hold, and
    // the page variables made from them, and the article pages planned with those.
    private (SiteSettings Settings, Dictionary<string, string> AssetUrls)? _lastSite;
    private PageVariables? _lastVariables;
    private readonly ArticlePageMemo _articlePages = new();

    /// <summary>The assets, their URLs and the views of the site (step "views").</summary>
    public Viewed Views(BuildRun run, Loaded loaded, Linked linked)
    {
        var (settings, urls, remember) = (loaded.Settings, loaded.Urls, run.Remember);
        var files = new Dictionary<string, OutputFile>(StringComparer.Ordinal);

        // Assets first: pages link to them with a content hash, so a changed style sheet is fetched anew.
        var assetUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (relative, bytes) in loaded.Assets.GetAwaiter().GetResult())
        {
            files["assets/" + relative] = new OutputFile("assets/" + relative, bytes, Digest.Of(bytes));
            assetUrls[relative] = urls.Path("assets/" + relative) + "?v=" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..10];
        }

        // Keys (PageJob.Key) stand for a page's variables only on the same site: settings and asset URLs as last time.
        var sameSite = remember && _lastSite is { } lastSite && Fingerprinter.SameValue(lastSite.Settings, settings)
            && lastSite.AssetUrls.Count == assetUrls.Count && lastSite.AssetUrls.All(kv => assetUrls.TryGetValue(kv.Key, out var url) && url == kv.Value);

        // An article view whose inputs are the objects of an earlier build is that build's view (ArticleViewMemo).
        // Another one equal to last build's (same file) is replaced by that object, whose digests the
        // fingerprinters keep (LastingDigests): after an edit only the views that changed are hashed again.
        var fileOf = linked.FileOf;
        var lastFileOf = remember ? _lastFileOf : null;
        ArticleView Reuse(ArticleView view, ArticleView? old) =>
            old is not null && lastFileOf is not null && lastFileOf.GetValueOrDefault(old.Id) == fileOf.GetValueOrDefault(view.Id) && Fingerprinter.SameValue(old, view) ? old : view;
        var i18n = loaded.Strings;
        var pages = new SitePages(linked.Model, settings, urls, assetUrls.GetValueOrDefault("site.css", urls.Path("assets/site.css")), assetUrls.GetValueOrDefault("icon.svg", urls.Path("assets/icon.svg")), (lang, key) => i18n[lang].Get(key), Body, lastFileOf is null ? null : Reuse, remember ? _views : null)
        {
            AssetUrls = assetUrls,
            LastVariables = sameSite ? _lastVariables : null,
            ArticlePages = remember ? _articlePages : null,
        };

        // The memo's views are now this build's, made from these files (kept even if the build fails later: a view is a pure function of its inputs).
        _lastFileOf = remember ? fileOf : null;
        return new Viewed(files, assetUrls, sameSite, pages);
    }

    /// <summary>The page jobs (step "plan"). A one-off build begins its sitemap here (see <see cref="Planned.SitemapEarly"/>).</summary>
    public static Planned Plan(BuildRun run, Loaded loaded, Linked linked, Viewed viewed)
    {
        var jobs = viewed.Pages.Plan();
        // A page of every UI once (its first language's job), a page of one UI (an article's) as itself.
        var sitemapSuffixes = jobs.Where(j => j.InSitemap && (j.OneLanguage || j.Lang == SitePages.Languages[0]))
            .Select(j => new SitemapEntry(j.Suffix, j.OneLanguage ? j.Lang : null)).ToArray();

        // A one-off build always makes its sitemap (12 MB at 10,000 articles, one thread): begun now, it
        // is ready with the feeds instead of running alone after them. It is made from the plan alone.
        var (urls, language) = (loaded.Urls, loaded.Settings.DefaultLanguage);
        var sitemaps = new Sitemaps(urls, sitemapSuffixes, language, Sitemaps.Newest(linked.Model.Articles));
        var sitemapEarly = run.Remember ? null : Task.Run(() => Enumerable.Range(0, sitemaps.Parts.Count).Select(sitemaps.Part).ToArray());
        return new Planned(jobs, sitemapSuffixes, sitemaps, sitemapEarly);
    }

    /// <summary>After a good build: its site and page variables are the ones the next build compares with.</summary>
    public void Succeeded(BuildRun run, Loaded loaded, Viewed viewed)
    {
        _lastSite = run.Remember ? (loaded.Settings, viewed.AssetUrls) : null; // both made anew by each build
        _lastVariables = run.Remember ? viewed.Pages.Variables : null; // made from these two
    }

    private RawHtml Body(Article article) => _bodies.GetValue(article, a =>
    {
        var html = new RawHtml(ArticleBodyException.Guard(a.Id, () => MarkdownRenderer.ToHtml(a.Body)));
        Fingerprinter.Remember(html, Digest.Of(html.Html));
        return html;
    });
}
