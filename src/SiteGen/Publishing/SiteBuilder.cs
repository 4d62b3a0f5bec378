using System.Diagnostics;
using System.Security.Cryptography;
using SiteGen.Content;
using SiteGen.Link;
using SiteGen.Rendering;

namespace SiteGen.Publishing;

/// <summary>What to build: the content folder, the output folder and overrides of <c>site.yml</c>.</summary>
public sealed record BuildOptions(string ContentDir, string OutDir)
{
    /// <summary>Overrides <c>base_url</c> in <c>site.yml</c>.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Missing UI strings become errors instead of warnings.</summary>
    public bool Strict { get; init; }

    /// <summary>The folder holding themes; by default <c>themes/</c> beside the content folder, else beside the program.</summary>
    public string? ThemesDir { get; init; }

    public bool Minify { get; init; } = true;

    public IProgress<BuildProgress>? Progress { get; init; }

    public CancellationToken Cancel { get; init; }
}

/// <summary>Progress of a stage of the build (<c>rendering</c>, <c>checking</c>).</summary>
public readonly record struct BuildProgress(string Stage, int Done, int Total);

/// <summary>The outcome of a build: counts, size, time, warnings, and errors (any error means the output was left as it was).</summary>
public sealed record BuildResult(int Articles, int Pages, int Files, long Bytes, TimeSpan Elapsed, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Wall time of each phase, in order (<c>sitegen build --timings</c> prints them).</summary>
    public IReadOnlyList<KeyValuePair<string, TimeSpan>> Timings { get; init; } = [];
}

/// <summary>
/// The build, start to end: load content (articles in parallel, errors per file), link, plan pages,
/// render them in parallel into a staging folder next to the output, write feeds, sitemap and assets,
/// check every link, then swap the staging folder in whole. Same input, same bytes.
/// </summary>
public static class SiteBuilder
{
    /// <summary>GitHub Pages: published sites may be at most 1 GB, and a file at most 100 MB.</summary>
    public const long SiteLimit = 1L << 30;

    public const long FileLimit = 100L << 20;

    public static BuildResult Build(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var phases = new List<KeyValuePair<string, TimeSpan>>();
        var lapStart = TimeSpan.Zero;
        void Lap(string phase)
        {
            var now = clock.Elapsed;
            phases.Add(new(phase, now - lapStart));
            lapStart = now;
        }

        var warnings = new List<string>();
        var errors = new List<string>();
        BuildResult Fail() => new(0, 0, 0, 0, clock.Elapsed, warnings, errors);

        if (!Directory.Exists(options.ContentDir))
        {
            errors.Add($"content folder not found: {options.ContentDir}");
            return Fail();
        }

        // Load (compile each file on its own).
        Model.SiteSettings settings;
        OutletCatalog outlets;
        var contentErrors = new List<ContentException>();
        try
        {
            settings = SiteStore.LoadSettings(options.ContentDir);
            outlets = OutletStore.Load(options.ContentDir);
        }
        catch (ContentException e)
        {
            errors.Add(e.Message);
            return Fail();
        }

        if (options.BaseUrl is not null)
        {
            settings.BaseUrl = options.BaseUrl;
        }

        SiteUrls urls;
        try
        {
            urls = new SiteUrls(settings.BaseUrl);
        }
        catch (ArgumentException e)
        {
            errors.Add(e.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
            return Fail();
        }

        var store = ArticleStore.Open(options.ContentDir);
        var events = SiteStore.LoadEvents(options.ContentDir, contentErrors);
        errors.AddRange(store.Errors.Concat(contentErrors).Select(e => e.Message));

        // Theme: parsed once, shared.
        Theme theme;
        Dictionary<string, I18n> i18n;
        try
        {
            var themeDir = FindTheme(options, settings.Theme);
            theme = Theme.Load(themeDir, Path.Combine(options.ContentDir, "layouts"));
            i18n = SitePages.Languages.ToDictionary(l => l, l => I18n.Load(l, Path.Combine(themeDir, "i18n", l + ".yml")), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is ThemeException or ContentException)
        {
            errors.Add(e.Message);
            return Fail();
        }

        if (errors.Count > 0)
        {
            return Fail();
        }

        Lap("load");

        // Link.
        var model = SiteModel.Build(store.Articles.Select(s => s.Article), outlets, events);
        warnings.AddRange(model.Warnings);
        Lap("link");

        using var staging = new StagingFolder(options.OutDir);

        // Assets first: pages link to them with a content hash, so a changed style sheet is fetched anew.
        var assetUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (relative, path) in theme.Assets)
        {
            var bytes = File.ReadAllBytes(path);
            if (options.Minify && relative.EndsWith(".css", StringComparison.Ordinal))
            {
                bytes = System.Text.Encoding.UTF8.GetBytes(Minifier.Css(System.Text.Encoding.UTF8.GetString(bytes)));
            }

            staging.WriteBytes("assets/" + relative, bytes);
            assetUrls[relative] = urls.Path("assets/" + relative) + "?v=" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        }

        var pages = new SitePages(model, settings, urls, assetUrls.GetValueOrDefault("site.css", urls.Path("assets/site.css")), assetUrls.GetValueOrDefault("icon.svg", urls.Path("assets/icon.svg")), (lang, key) => i18n[lang].Get(key));
        var jobs = pages.All().ToArray();
        var renderer = new PageRenderer(theme, i18n, urls);
        Lap("plan+markdown");

        // Render in parallel on all cores; each page its own TemplateContext.
        var renderErrors = new System.Collections.Concurrent.ConcurrentBag<string>();
        var done = 0;
        try
        {
            Parallel.ForEach(jobs, new ParallelOptions { CancellationToken = options.Cancel }, (job, state) =>
            {
                try
                {
                    var html = renderer.Render(job);
                    staging.WriteText(job.OutputPath, options.Minify ? Minifier.Html(html) : html);
                }
                catch (RenderException e)
                {
                    renderErrors.Add(e.Message);
                    state.Stop();
                }

                options.Progress?.Report(new BuildProgress("rendering", Interlocked.Increment(ref done), jobs.Length));
            });
        }
        catch (OperationCanceledException)
        {
            errors.Add("interrupted: the previous output was left as it was");
            return Fail();
        }

        if (!renderErrors.IsEmpty)
        {
            errors.AddRange(renderErrors.Order(StringComparer.Ordinal));
            errors.Add("the build stopped at the first template error; the previous output was left as it was");
            return Fail();
        }

        Lap("render");
        foreach (var (lang, strings) in i18n.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var key in strings.MissingKeys)
            {
                (options.Strict ? errors : warnings).Add($"i18n: missing key '{key}' in i18n/{lang}.yml");
            }
        }

        // Feeds, sitemap, robots, .nojekyll.
        foreach (var lang in SitePages.Languages)
        {
            staging.WriteBytes($"{lang}/feed.xml", Feeds.Atom(pages, lang, $"{lang}/feed.xml", $"{lang}/", pages.SiteTitle(lang), pages.SiteDescription(lang), model.Articles));
            foreach (var outlet in model.Outlets)
            {
                staging.WriteBytes($"{lang}/outlets/{outlet.Id}/feed.xml", Feeds.Atom(pages, lang, $"{lang}/outlets/{outlet.Id}/feed.xml", $"{lang}/outlets/{outlet.Id}/", $"{SitePages.OutletName(outlet, lang)} · {pages.SiteTitle(lang)}", null, model.ByOutlet[outlet.Id]));
            }

            foreach (var e in model.Events)
            {
                staging.WriteBytes($"{lang}/events/{e.Id}/feed.xml", Feeds.Atom(pages, lang, $"{lang}/events/{e.Id}/feed.xml", $"{lang}/events/{e.Id}/", $"{SitePages.EventTitle(e, lang).Title} · {pages.SiteTitle(lang)}", null, model.ByEvent[e.Id]));
            }
        }

        Lap("feeds");
        var suffixes = jobs.Where(j => j.InSitemap && j.Lang == SitePages.Languages[0]).Select(j => j.Suffix);
        staging.WriteBytes("sitemap.xml", Feeds.Sitemap(urls, suffixes, settings.DefaultLanguage));
        staging.WriteText("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {urls.BaseUrl}sitemap.xml\n");
        staging.WriteText(".nojekyll", "");

        Lap("sitemap");

        // Check, then publish.
        options.Progress?.Report(new BuildProgress("checking", 0, 1));
        var problems = LinkChecker.Check(staging, urls);
        options.Progress?.Report(new BuildProgress("checking", 1, 1));
        errors.AddRange(problems);
        Lap("link check");

        var bytesTotal = staging.Files.Values.Sum();
        warnings.AddRange(PagesLimits(staging.Files));

        if (errors.Count > 0)
        {
            return Fail();
        }

        staging.SwapInto();
        Lap("swap");
        return new BuildResult(model.Articles.Count, jobs.Length, staging.Files.Count, bytesTotal, clock.Elapsed, warnings, errors) { Timings = phases };
    }

    /// <summary>Warnings when a file or the whole site reaches 80 % of what GitHub Pages accepts.</summary>
    public static IEnumerable<string> PagesLimits(IReadOnlyDictionary<string, long> files)
    {
        foreach (var (file, size) in files.Where(f => f.Value > FileLimit * 8 / 10).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            yield return $"{file} is {size / 1048576.0:F1} MB: GitHub Pages refuses files over 100 MB";
        }

        var total = files.Values.Sum();
        if (total > SiteLimit * 8 / 10)
        {
            yield return $"the site is {total / 1048576.0:F0} MB: GitHub Pages publishes at most 1 GB";
        }
    }

    private static string FindTheme(BuildOptions options, string theme)
    {
        var candidates = new List<string>();
        if (options.ThemesDir is not null)
        {
            candidates.Add(Path.Combine(options.ThemesDir, theme));
        }
        else
        {
            candidates.Add(Path.Combine(Path.GetFullPath(options.ContentDir), "..", "themes", theme));
            candidates.Add(Path.Combine(AppContext.BaseDirectory, "themes", theme));
        }

        return candidates.Select(Path.GetFullPath).FirstOrDefault(dir => Directory.Exists(Path.Combine(dir, "layouts")))
            ?? throw new ThemeException($"theme '{theme}' not found (looked in {string.Join(", ", candidates.Select(Path.GetFullPath))})");
    }
}
