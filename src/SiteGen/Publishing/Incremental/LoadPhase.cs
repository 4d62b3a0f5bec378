using System.Collections.Concurrent;
using System.Text;
using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Model;
using SiteGen.Rendering;

namespace SiteGen.Publishing.Incremental;

/// <summary>The site's settings and outlets, and its URLs (the first load step).</summary>
internal sealed record LoadedSettings(SiteSettings Settings, OutletCatalog Outlets, SiteUrls Urls);

/// <summary>The theme and UI strings (null with <see cref="Error"/> when they did not load), and its assets being read.</summary>
internal sealed record LoadedTheme(Theme? Theme, Dictionary<string, I18n>? Strings, string? Error, Task<(string Relative, byte[] Bytes)[]> Assets);

/// <summary>Everything the build reads from disk: the input of <see cref="LinkPhase"/> and of the phases after it.</summary>
internal sealed record Loaded(LoadedSettings Site, EventCatalog Events, Theme Theme, Dictionary<string, I18n> Strings, ArticleStore Store, Task<(string Relative, byte[] Bytes)[]> Assets)
{
    public SiteSettings Settings => Site.Settings;

    public SiteUrls Urls => Site.Urls;
}

/// <summary>
/// Load: settings, outlets, events, theme and articles, in three steps (settings, theme, articles). The
/// articles load on the pool while this thread reads the settings, outlets, events and theme: those are
/// small files read one by one, and their first build spends most of its time compiling YAML and Scriban
/// code, which left a core idle.
/// Cache: the parsed files of every kind, the last events, theme and strings, and minified style
/// sheets. Redoes work for a file whose size, time or content changed (articles, outlets, events: see
/// <see cref="ArticleCache"/>, <see cref="ParsedFileMemo{T}"/>; events are not even listed again while
/// no path under <c>events/</c> was said to change), a theme file that changed, a style sheet whose bytes changed.
/// </summary>
internal sealed class LoadPhase
{
    private readonly ArticleCache _articles = new();
    private readonly ParsedFileMemo<Outlet> _outletFiles = new();
    private readonly ParsedFileMemo<EventDefinition> _eventFiles = new();
    private readonly ConcurrentDictionary<Digest, byte[]> _css = new();

    // The content paths callers said changed (BuildOptions.ChangedContent) since the articles and events
    // were last loaded, gathered over builds that stopped before loading them; null when not known (no
    // load yet, or a build that did not say). With the events of that load, reused while none changed.
    private HashSet<string>? _changedContent;
    private (string ContentDir, EventCatalog Events)? _lastEvents;

    // The theme and UI strings of the last load, which the next one returns (shares) when no file changed.
    private Theme? _theme;
    private Dictionary<string, I18n>? _strings;

    // This build's articles, loading on the pool from the settings step on.
    private Task<ArticleStore>? _articlesLoad;

    /// <summary>The theme folder of the last build that found one (to watch it).</summary>
    public string? ThemeDir { get; private set; }

    /// <summary>Starts a build: gathers the paths it says changed with those of builds that did not load.</summary>
    public void Begin(BuildOptions options)
    {
        _articlesLoad = null;
        if (options.ChangedContent is null)
        {
            _changedContent = null;
        }
        else
        {
            _changedContent?.UnionWith(options.ChangedContent);
        }
    }

    /// <summary>Starts the articles' load, and reads the settings and outlets; null (with an error) when they cannot be read.</summary>
    public LoadedSettings? Settings(BuildRun run)
    {
        var options = run.Options;
        if (!Directory.Exists(options.ContentDir))
        {
            run.Errors.Add($"content folder not found: {options.ContentDir}");
            return null;
        }

        var changedContent = _changedContent;
        _articlesLoad = Task.Run(() => ArticleStore.Open(options.ContentDir, _articles, changedContent));
        SiteSettings settings;
        OutletCatalog outlets;
        try
        {
            settings = SiteStore.LoadSettings(options.ContentDir);
            _outletFiles.NextBuild();
            outlets = OutletStore.Load(options.ContentDir, _outletFiles);
        }
        catch (ContentException e)
        {
            run.Errors.Add(e.Message);
            return null;
        }

        if (options.BaseUrl is not null)
        {
            settings.BaseUrl = options.BaseUrl;
        }

        try
        {
            return new LoadedSettings(settings, outlets, new SiteUrls(settings.BaseUrl));
        }
        catch (ArgumentException e)
        {
            run.Errors.Add(e.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
            return null;
        }
    }

    /// <summary>
    /// Loads the theme and UI strings (parsed once per build, shared by the rendering threads), and starts
    /// reading its assets. A theme that does not load is reported after the articles' errors (see <see cref="Articles"/>).
    /// </summary>
    public LoadedTheme Theme(BuildRun run, LoadedSettings site)
    {
        Theme? theme = null;
        Dictionary<string, I18n>? i18n = null;
        string? themeError = null;
        try
        {
            var themeDir = SiteBuilder.FindTheme(run.Options, site.Settings.Theme);
            ThemeDir = themeDir;
            // Unchanged files give the last theme object and the last strings (not parsed again).
            theme = _theme = Rendering.Theme.Load(themeDir, Path.Combine(run.Options.ContentDir, "layouts"), _theme);
            var lastStrings = _strings;
            i18n = _strings = SitePages.Languages.ToDictionary(l => l, l => I18n.Load(l, Path.Combine(themeDir, "i18n", l + ".yml"), lastStrings?.GetValueOrDefault(l)), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is ThemeException or ContentException)
        {
            themeError = e.Message;
        }

        return new LoadedTheme(theme, i18n, themeError, AssetsStarted(theme));
    }

    /// <summary>
    /// Loads the events and waits for the articles; null (with the errors) when any failed to load, or the theme did.
    /// A broken event file is skipped with a warning (an error with --strict); the other events still build.
    /// </summary>
    public Loaded? Articles(BuildRun run, LoadedSettings site, LoadedTheme theme)
    {
        var contentDir = run.Options.ContentDir;
        var changedContent = _changedContent;

        // The events of the last load stand while no path in events/ changed (500 files read at 10,000 articles).
        EventCatalog events;
        if (_lastEvents is { } lastEvents && lastEvents.ContentDir == contentDir && !ContentChanges.Touch(changedContent, "events"))
        {
            events = lastEvents.Events;
        }
        else
        {
            _eventFiles.NextBuild();
            events = EventStore.Load(contentDir, _eventFiles);
            _lastEvents = (contentDir, events);
        }

        var store = _articlesLoad!.GetAwaiter().GetResult();
        _changedContent = []; // both loads are current now
        run.Errors.AddRange(store.Errors.Select(e => e.Message));
        run.WarningsOrStrictErrors.AddRange(events.Errors.Select(e => e.Message));
        run.WarningsOrStrictErrors.AddRange(events.Events.SelectMany(e => EventPlaceholders.Find(e, contentDir)).Select(p => p.Message));
        if (theme.Error is not null)
        {
            run.Errors.Add(theme.Error);
        }

        return run.Errors.Count > 0 || theme.Theme is null || theme.Strings is null
            ? null
            : new Loaded(site, events, theme.Theme, theme.Strings, store, theme.Assets);
    }

    /// <summary>The articles parsed since the last call; waits for a load still running (a build that stopped early).</summary>
    public IReadOnlyList<string> TakeParsed()
    {
        try
        {
            _articlesLoad?.Wait();
        }
        catch (AggregateException)
        {
            // the build fails anyway, with the error that stopped it first
        }

        return _articles.TakeParsed();
    }

    /// <summary>
    /// Work whose first run is mostly compiling code (NUglify's CSS minifier, Scriban's built-in functions,
    /// made by reflection) goes to the pool now, where the loads and the link step leave a core idle,
    /// instead of running alone later (about 0.2 s at 10,000 articles): the theme's assets are read, and
    /// its style sheets minified, there.
    /// </summary>
    private Task<(string Relative, byte[] Bytes)[]> AssetsStarted(Theme? theme) =>
        theme is null ? Task.FromResult<(string Relative, byte[] Bytes)[]>([]) : Task.Run(() =>
        {
            PageTemplateContext.Prepare();
            return theme.Assets.Select(asset =>
            {
                var bytes = File.ReadAllBytes(asset.Path);
                return (asset.Relative, asset.Relative.EndsWith(".css", StringComparison.Ordinal) ? MinifiedCss(bytes) : bytes);
            }).ToArray();
        });

    /// <summary>A style sheet minified, kept by its content so that an unchanged one is minified once per process.</summary>
    private byte[] MinifiedCss(byte[] source) =>
        _css.GetOrAdd(Digest.Of(source), _ => Encoding.UTF8.GetBytes(Minifier.Css(Encoding.UTF8.GetString(source))));
}
