using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using SiteGen.Content;
using SiteGen.Link;
using SiteGen.Model;
using SiteGen.Rendering;
using SiteGen.Search;

namespace SiteGen.Publishing.Incremental;

/// <summary>
/// The build pipeline with memory: load, link, plan, render, feeds, sitemap, link check — the same
/// steps as a clean build, in the same order, with every expensive step short-circuited by a cache
/// of its own earlier result:
/// <list type="bullet">
/// <item>articles are parsed again only when their file changed (size and time, then content hash);</item>
/// <item>bodies go through Markdig once per parsed article;</item>
/// <item>a page is rendered again only when the fingerprint of its variables changed, or a template
/// or UI string it read last time is now different (see <see cref="OutputRecord"/>); feeds and the
/// sitemap likewise by the fingerprint of what they are made from;</item>
/// <item>the link checker parses only pages whose bytes changed.</item>
/// </list>
/// A fresh instance is a clean build, so clean and incremental builds share one code path and give the
/// same bytes. One build at a time per instance.
/// </summary>
public sealed class IncrementalSite
{
    private const string Version = "sitegen-incremental-2"; // 2: shared views by digest, other values inline
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    // The page being rendered on this thread: reused, so rendering makes no page-sized buffers once it
    // has room for the largest page (a cleared builder keeps its capacity in one block).
    [ThreadStatic]
    private static StringBuilder? t_page;

    private readonly ArticleCache _articles = new();
    private readonly ConditionalWeakTable<Article, RawHtml> _bodies = new();
    private readonly ConcurrentDictionary<Digest, byte[]> _css = new();
    private readonly LinkCache _links = new();
    private readonly SiteModelMemory _linked = new();
    private readonly ParsedFileMemo<Outlet> _outletFiles = new();
    private readonly ParsedFileMemo<Events.EventDefinition> _eventFiles = new();

    // The content paths callers said changed (BuildOptions.ChangedContent) since the articles and events
    // were last loaded, gathered over builds that stopped before loading them; null when not known (no
    // load yet, or a build that did not say). With the events of that load, reused while none changed.
    private HashSet<string>? _changedContent;
    private (string ContentDir, Events.EventCatalog Events)? _lastEvents;

    // The theme and UI strings of the last load, which the next one returns (shares) when no file changed.
    private Theme? _theme;
    private Dictionary<string, I18n>? _strings;

    // Article views of earlier builds by what they were made from (ArticleViewMemo), the file of each
    // article when the memo last took views, and the digests of view objects (with and without bodies) that
    // live on with them: see Reuse in BuildLocked.
    private readonly ArticleViewMemo _views = new();
    private Dictionary<string, string>? _lastFileOf;
    private readonly LastingDigests _lastingFull = new();
    private readonly LastingDigests _lastingLight = new();
    private Dictionary<string, OutputRecord> _records = new(StringComparer.Ordinal);

    // The templates (name, hash) and UI strings under which every record of _records was made or last found
    // valid, or null when they may differ (the records of a failed build are mixed with older ones).
    private (KeyValuePair<string, string>[] Templates, Dictionary<string, I18n> Strings)? _checkedUnder;

    // The pages of the last good build in plan order, with their records (the page records of _records) and
    // the build's salt; null after a failed build or Forget.
    private (PageJob[] Jobs, OutputRecord?[] Records, string[] Salt)? _lastPages;

    // The other outputs of the last good build: feeds, sitemap and the like, and the search files (as
    // UpdateSearch last published them).
    private List<string>? _lastDerived;
    private string[]? _lastSearch;

    // True while the records hold the files of Last (same paths, same digests) and the link cache's last
    // check was of them: after a good build, kept by UpdateSearch unless it changes which files there are.
    private bool _recordsAsLast;

    // The total size of Last's files and its large ones (see Sizes), while _recordsAsLast.
    private (long Bytes, Dictionary<string, long> Large)? _sizes;

    // The settings and asset URLs of the last good build, under which its page keys (PageJob.Key) hold.
    private (SiteSettings Settings, Dictionary<string, string> AssetUrls)? _lastSite;

    // The page variables of the last good build (made from _lastSite), and the article pages planned with them.
    private PageVariables? _lastVariables;
    private readonly ArticlePageMemo _articlePages = new();
    private readonly Lock _gate = new();

    // The search step of the last good build when it was deferred (BuildOptions.DeferSearch), and the
    // count of good builds, so a search update made for an older build is not published. One search
    // step at a time (_searchGate), taken inside _gate by a build but never the other way round.
    private readonly Lock _searchGate = new();
    private SearchStep? _pendingSearch;
    private long _generation;

    private delegate void SearchStep(IReadOnlyDictionary<string, OutputRecord> previous, Dictionary<string, OutputRecord> outputs, ConcurrentBag<string> made);

    /// <summary>The last good build, or null before the first.</summary>
    public SiteSnapshot? Last { get; private set; }

    /// <summary>The dependency graph of the last good build.</summary>
    public DependencyGraph Graph { get; private set; } = DependencyGraph.Empty;

    public BuildOutcome Build(BuildOptions options)
    {
        lock (_gate)
        {
            return BuildLocked(options);
        }
    }

    private BuildOutcome BuildLocked(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var timings = new List<KeyValuePair<string, double>>();
        var allocations = new List<KeyValuePair<string, long>>();
        var lap = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes();
        void Lap(string phase)
        {
            timings.Add(new(phase, (clock.Elapsed - lap).TotalMilliseconds));
            lap = clock.Elapsed;

            // Allocation drives the GC's pauses, which land on whatever thread allocates: per phase it shows where they come from.
            var now = GC.GetTotalAllocatedBytes();
            allocations.Add(new(phase, now - allocated));
            allocated = now;
        }

        // Until this build ends well, the records may hold files that Last does not (see Differences).
        var recordsAsLast = _recordsAsLast;
        _recordsAsLast = false;
        if (options.ChangedContent is null)
        {
            _changedContent = null;
        }
        else
        {
            _changedContent?.UnionWith(options.ChangedContent);
        }

        var warnings = new List<string>();
        var errors = new List<string>();
        Task<ArticleStore>? articlesLoad = null;
        BuildOutcome Fail()
        {
            // The articles' load may still be running (see below): the parsed files are taken once it ends.
            try
            {
                articlesLoad?.Wait();
            }
            catch (AggregateException)
            {
                // the build fails anyway, with the error that stopped it first
            }

            return new() { Result = new BuildResult(0, 0, 0, 0, clock.Elapsed, warnings, errors), Parsed = _articles.TakeParsed() };
        }

        if (!Directory.Exists(options.ContentDir))
        {
            errors.Add($"content folder not found: {options.ContentDir}");
            return Fail();
        }

        // Load (compile each file on its own). The articles load on the pool while this thread reads the
        // settings, outlets, events and theme: those are small files read one by one, and their first
        // build spends most of its time compiling YAML and Scriban code, which left a core idle.
        var changedContent = _changedContent;
        articlesLoad = Task.Run(() => ArticleStore.Open(options.ContentDir, _articles, changedContent));
        SiteSettings settings;
        OutletCatalog outlets;
        var contentErrors = new List<ContentException>();
        try
        {
            settings = SiteStore.LoadSettings(options.ContentDir);
            _outletFiles.NextBuild();
            outlets = OutletStore.Load(options.ContentDir, _outletFiles);
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

        Lap("settings");

        // Theme: parsed once per build, shared by the rendering threads.
        Theme? theme = null;
        Dictionary<string, I18n>? i18n = null;
        string? themeError = null;
        try
        {
            var themeDir = SiteBuilder.FindTheme(options, settings.Theme);
            ThemeDir = themeDir;
            // Unchanged files give the last theme object and the last strings (not parsed again).
            theme = _theme = Theme.Load(themeDir, Path.Combine(options.ContentDir, "layouts"), _theme);
            var lastStrings = _strings;
            i18n = _strings = SitePages.Languages.ToDictionary(l => l, l => I18n.Load(l, Path.Combine(themeDir, "i18n", l + ".yml"), lastStrings?.GetValueOrDefault(l)), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is ThemeException or ContentException)
        {
            themeError = e.Message; // reported after the articles' errors, as when the theme loaded after them
        }

        Lap("theme");

        // Work whose first run is mostly compiling code (NUglify's CSS minifier, Scriban's built-in
        // functions, made by reflection) goes to the pool now, where the loads and the link step leave a
        // core idle, instead of running alone later (about 0.2 s at 10,000 articles): the theme's assets
        // are read, and its style sheets minified, there.
        var assetsLoad = theme is null ? Task.FromResult<(string Relative, byte[] Bytes)[]>([]) : Task.Run(() =>
        {
            PageTemplateContext.Prepare();
            return theme.Assets.Select(asset =>
            {
                var bytes = File.ReadAllBytes(asset.Path);
                return (asset.Relative, asset.Relative.EndsWith(".css", StringComparison.Ordinal) ? MinifiedCss(bytes) : bytes);
            }).ToArray();
        });

        // A broken event file is skipped with a warning (an error with --strict); the other events still build.
        // The events of the last load stand while no path in events/ changed (500 files read at 10,000 articles).
        Events.EventCatalog events;
        if (_lastEvents is { } lastEvents && lastEvents.ContentDir == options.ContentDir && !ContentChanges.Touch(changedContent, "events"))
        {
            events = lastEvents.Events;
        }
        else
        {
            _eventFiles.NextBuild();
            events = Events.EventStore.Load(options.ContentDir, _eventFiles);
            _lastEvents = (options.ContentDir, events);
        }

        var store = articlesLoad.GetAwaiter().GetResult();
        Lap("articles"); // with the events: what the build still waited for after the theme
        _changedContent = []; // both loads are current now
        errors.AddRange(store.Errors.Concat(contentErrors).Select(e => e.Message));
        (options.Strict ? errors : warnings).AddRange(events.Errors.Select(e => e.Message));
        if (themeError is not null)
        {
            errors.Add(themeError);
        }

        if (errors.Count > 0 || theme is null || i18n is null)
        {
            return Fail();
        }

        // Link.
        var stored = store.Articles.ToArray();
        var model = _linked.Build(stored.Select(s => s.Article), outlets, events.Events);
        warnings.AddRange(model.Warnings);
        var fileOf = stored.ToDictionary(s => s.Article.Id, s => s.RelativePath, StringComparer.Ordinal);

        Lap("link");
        var made = new ConcurrentBag<string>();
        // What the search files are made from: made only when the search step runs (a rebuild defers it, and mostly keeps its files).
        string[] SearchInputs() => [.. stored.Select(a => a.RelativePath), .. model.Events.Select(e => $"events/{e.Id}.yml"), .. model.Outlets.Select(o => $"outlets/{o.Id}.yml")];

        // A one-off build makes its search index now, before the pages: it needs only the linked model,
        // and its memory is gone before the views, bodies and link facts of every page are made (at
        // 10,000 articles the two together were the build's peak). Its files go to the staging folder.
        // Only the writing of its files (merging the postings into shards, one thread) goes on while
        // the views are made, and ends before the pages render: it had a core to itself for 0.15 s.
        // (No search gate: a one-off build has no deferred search step to meet.)
        Dictionary<string, OutputRecord>? earlySearch = null;
        var searchTail = Task.CompletedTask;
        if (!options.Remember && !options.DeferSearch)
        {
            earlySearch = new Dictionary<string, OutputRecord>(StringComparer.Ordinal);
            searchTail = SearchIndexStarted(model, SearchInputs(), null, options.Stream, [], _records, earlySearch, made);
            Lap("search");
        }
        var files = new Dictionary<string, OutputFile>(StringComparer.Ordinal);
        void Add(string path, byte[] bytes, Digest? digest = null) => files[path] = new OutputFile(path, bytes, digest ?? Digest.Of(bytes));

        // Assets first: pages link to them with a content hash, so a changed style sheet is fetched anew.
        var assetUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (relative, bytes) in assetsLoad.GetAwaiter().GetResult())
        {
            Add("assets/" + relative, bytes);
            assetUrls[relative] = urls.Path("assets/" + relative) + "?v=" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..10];
        }

        // Keys (PageJob.Key) stand for a page's variables only on the same site: settings and asset URLs as last time.
        var sameSite = options.Remember && _lastSite is { } lastSite && Fingerprinter.SameValue(lastSite.Settings, settings)
            && lastSite.AssetUrls.Count == assetUrls.Count && lastSite.AssetUrls.All(kv => assetUrls.TryGetValue(kv.Key, out var url) && url == kv.Value);

        // An article view whose inputs are the objects of an earlier build is that build's view (ArticleViewMemo).
        // Another one equal to last build's (same file) is replaced by that object, whose digests the
        // fingerprinters keep (LastingDigests): after an edit only the views that changed are hashed again.
        var lastFileOf = options.Remember ? _lastFileOf : null;
        ArticleView Reuse(ArticleView view, ArticleView? old) =>
            old is not null && lastFileOf is not null && lastFileOf.GetValueOrDefault(old.Id) == fileOf.GetValueOrDefault(view.Id) && Fingerprinter.SameValue(old, view) ? old : view;
        var pages = new SitePages(model, settings, urls, assetUrls.GetValueOrDefault("site.css", urls.Path("assets/site.css")), assetUrls.GetValueOrDefault("icon.svg", urls.Path("assets/icon.svg")), (lang, key) => i18n[lang].Get(key), Body, lastFileOf is null ? null : Reuse, options.Remember ? _views : null)
        {
            AssetUrls = assetUrls,
            LastVariables = sameSite ? _lastVariables : null,
            ArticlePages = options.Remember ? _articlePages : null,
        };

        // The memo's views are now this build's, made from these files (kept even if the build fails later: a view is a pure function of its inputs).
        _lastFileOf = options.Remember ? fileOf : null;
        Lap("views");
        var jobs = pages.Plan();
        var sitemapSuffixes = jobs.Where(j => j.InSitemap && j.Lang == SitePages.Languages[0]).Select(j => j.Suffix).ToArray();

        // A one-off build always makes its sitemap (12 MB at 10,000 articles, one thread): begun now, it
        // is ready with the feeds instead of running alone after them. It is made from the plan alone.
        var sitemapEarly = options.Remember ? null : Task.Run(() => Feeds.Sitemap(urls, sitemapSuffixes, settings.DefaultLanguage));
        searchTail.GetAwaiter().GetResult(); // its records are in earlySearch now
        Lap("plan");
        var renderer = new PageRenderer(theme, i18n, urls);
        IEnumerable<string> InputsOf(object view) => view switch
        {
            ArticleView a when fileOf.TryGetValue(a.Id, out var file) => [file],
            OutletView o => [$"outlets/{o.Id}.yml"],
            EventView e => [$"events/{e.Id}.yml"],
            SiteView => ["site.yml"],
            _ => [],
        };

        // Renders a page to its file and reads its links while the text is at hand.
        OutputFile RenderPage(PageJob job, IReadOnlyDictionary<string, object?> variables, RenderTrace? trace)
        {
            var page = t_page ??= new StringBuilder();
            page.Clear();
            renderer.Render(job, variables, trace, page);
            var text = options.Minify ? Minifier.Html(page.ToString()).AsMemory() : Contiguous(page);

            // A one-off build writes the page from a pooled buffer and keeps only its digest. A kept page
            // goes to the pinned-object heap: it lives until the site is written, and there the GC never
            // copies it from generation to generation (hundreds of MB at 10,000 articles).
            var stream = options.Stream;
            var bytes = stream is null
                ? GC.AllocateUninitializedArray<byte>(Utf8NoBom.GetByteCount(text.Span), pinned: true)
                : System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8NoBom.GetMaxByteCount(text.Length));
            try
            {
                var written = bytes.AsSpan(0, Utf8NoBom.GetBytes(text.Span, bytes));
                var digest = Digest.Of(written);
                if (job.OutputPath.EndsWith(".html", StringComparison.Ordinal))
                {
                    _links.Scan(job.OutputPath, text.Span, digest, urls);
                }

                return stream is null ? new OutputFile(job.OutputPath, bytes, digest) : stream.Keep(job.OutputPath, written, digest);
            }
            finally
            {
                if (stream is not null)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
                }
            }
        }

        // Pages that did not read any article body (lists) are fingerprinted without bodies, so a body edit leaves them alone.
        var fingerprints = new Fingerprinter(InputsOf, capacity: options.Remember ? jobs.Length : 0, lasting: options.Remember ? _lastingFull : null);
        var light = new Fingerprinter(InputsOf, withoutBodies: true, capacity: options.Remember ? jobs.Length : 0, lasting: options.Remember ? _lastingLight : null);
        var salt = new[] { Version, urls.BaseUrl, options.Minify ? "minify" : "plain" };
        var previous = _records;
        // One slot per page, in the order of the jobs: a shared table, even sized up front, had the
        // rendering threads queueing on its locks (a profile of a rebuild at 10,000 articles).
        var slots = new OutputRecord?[jobs.Length];

        // Shared views of this build found equal to last build's, by object: each is compared once, not
        // once per page that shows it. Article views need no comparison: Reuse (above) already made an
        // equal one the very object of last build, so any other is different (or from another file).
        var sameAs = new ConcurrentDictionary<object, object>(Environment.ProcessorCount * 16, 1024, ReferenceEqualityComparer.Instance);
        bool SameShared(object now, object before)
        {
            if (now is ArticleView)
            {
                return false;
            }

            if (sameAs.TryGetValue(now, out var known))
            {
                return ReferenceEquals(known, before);
            }

            if (!Fingerprinter.SameView(now, before, SameShared))
            {
                return false;
            }

            sameAs.TryAdd(now, before);
            return true;
        }

        Func<object, object, bool> sameShared = SameShared; // one delegate for every page

        // Under the templates and UI strings of the last records every record is still valid: then only the
        // strings they found missing are read again (so missing keys are reported as in a clean build),
        // instead of every string of every page (tens of lookups a page).
        var templatesNow = theme.Templates.Select(t => new KeyValuePair<string, string>(t.Name, t.Hash)).ToArray();
        var checkedUnder = _checkedUnder;
        var allValid = options.Remember && checkedUnder is { } under && under.Templates.AsSpan().SequenceEqual(templatesNow)
            && under.Strings.Count == i18n.Count && under.Strings.All(kv => i18n.TryGetValue(kv.Key, out var now) && now.SameStrings(kv.Value));
        bool Valid(OutputRecord record) => allValid ? ReadMissing(record, i18n) : StillValid(record, theme, i18n);

        // The last good build's pages by index: a job at the same index with the same path finds its record
        // there, not in the table (at 10,000 articles, 29,000 lookups that each missed the cache). A job that is
        // the very object of last time (ArticlePageMemo) has the same path, template, layout and language, so
        // under the same salt its record's salt needs no comparing.
        var lastPages = options.Remember ? _lastPages : null;
        var sameSaltAsLast = lastPages is { } lp && lp.Salt.AsSpan().SequenceEqual(salt);
        var samePlan = lastPages is { } plan && plan.Jobs.Length == jobs.Length; // and every page found at its index (below)

        // One page's record: reused when what it was made from is the same, else made (rendered only
        // when its fingerprint changed).
        OutputRecord PageRecord(PageJob job, int index)
        {
            if (!options.Remember)
            {
                var page = RenderPage(job, job.Variables(), null);
                made.Add(job.OutputPath);
                return new OutputRecord(page, default, true, [], [], []);
            }

            OutputRecord? old;
            var sameJob = false;
            if (lastPages is { } last && index < last.Jobs.Length && (ReferenceEquals(last.Jobs[index], job) || last.Jobs[index].OutputPath == job.OutputPath))
            {
                old = last.Records[index];
                sameJob = ReferenceEquals(last.Jobs[index], job);
            }
            else
            {
                previous.TryGetValue(job.OutputPath, out old);
                samePlan = false;
            }

            var reusable = old is { Salt: { } oldSalt } && ((sameJob && sameSaltAsLast) || SameSalt(oldSalt, salt, job)) && Valid(old) ? old : null;

            // The same key as last time on the same site: the same variables, not even made again.
            if (reusable is not null && sameSite && PageKey.Same(job.Key, reusable.Key))
            {
                return reusable;
            }

            // Variables equal to last build's give the same fingerprint: comparing them is cheaper than
            // hashing them (most pages, after an edit).
            var variables = job.Variables();
            if (reusable is { Variables: { } before } && Fingerprinter.SameVariables(variables, before, sameShared))
            {
                return ReferenceEquals(reusable.Key, job.Key) ? reusable : reusable with { Key = job.Key };
            }

            string[] pageSalt = [.. salt, job.OutputPath, job.Template, job.Layout ?? "", job.Lang];
            var (fingerprint, inputs) = (old is { ReadBodies: false } ? light : fingerprints).Of(variables, pageSalt);
            if (old is not null && old.Fingerprint == fingerprint && (ReferenceEquals(reusable, old) || Valid(old)))
            {
                return old with { Salt = pageSalt, Variables = variables, Key = job.Key };
            }

            var trace = new RenderTrace();
            var file = RenderPage(job, variables, trace);
            if (!trace.ReadBodies)
            {
                fingerprint = light.Of(variables, pageSalt).Digest;
            }

            var templates = trace.Templates.OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
            var texts = trace.Texts.OrderBy(t => t.Lang, StringComparer.Ordinal).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Lang, t.Key, Value: i18n.TryGetValue(t.Lang, out var s) ? s.Get(t.Key) : t.Key)).ToArray();
            var allInputs = inputs
                .Concat(templates.Select(t => theme.Find(t.Key)?.DisplayPath ?? $"layouts/{t.Key}{Theme.Extension}"))
                .Concat(texts.Select(t => $"i18n/{t.Lang}.yml"))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            made.Add(job.OutputPath);
            return new OutputRecord(file, fingerprint, trace.ReadBodies, templates, texts, allInputs, pageSalt, variables, job.Key, texts.Any(t => t.Key == t.Value));
        }

        // Render in parallel on all cores; each thread reuses its own template context (PageTemplateContext.Take).
        var renderErrors = new ConcurrentBag<string>();
        var done = 0;
        try
        {
            Parallel.For(0, jobs.Length, new ParallelOptions { CancellationToken = options.Cancel }, (index, state) =>
            {
                try
                {
                    slots[index] = PageRecord(jobs[index], index);
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

        Lap("render");

        // The pages' records. When every page is where it was in the last good build's plan, they are that
        // build's records (a copy of its table, which copies no key) with the ones made anew put in, and its
        // feeds and (unless kept as they are) search files taken out to be added again below: a table made
        // from 29,000 records read every path again, each a cache miss (12 ms at 10,000 articles).
        var carried = renderErrors.IsEmpty && samePlan && lastPages is not null && _lastDerived is not null && _lastSearch is not null;
        Dictionary<string, OutputRecord> records;
        if (carried)
        {
            records = new Dictionary<string, OutputRecord>(previous, StringComparer.Ordinal);
            for (var i = 0; i < slots.Length; i++)
            {
                if (!ReferenceEquals(slots[i], lastPages!.Value.Records[i]))
                {
                    records[jobs[i].OutputPath] = slots[i]!;
                }
            }

            foreach (var path in options.DeferSearch ? _lastDerived! : _lastDerived!.Concat(_lastSearch!))
            {
                records.Remove(path);
            }
        }
        else
        {
            records = new Dictionary<string, OutputRecord>(jobs.Length, StringComparer.Ordinal);
            foreach (var record in slots)
            {
                if (record is not null)
                {
                    records[record.File.Path] = record;
                }
            }
        }

        if (!renderErrors.IsEmpty)
        {
            (_records, _checkedUnder, _lastPages) = (Merged(previous, records), null, null);
            errors.AddRange(renderErrors.Order(StringComparer.Ordinal));
            errors.Add("the build stopped at the first template error; the previous output was left as it was");
            return Fail();
        }

        foreach (var (lang, strings) in i18n.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var key in strings.MissingKeys)
            {
                (options.Strict ? errors : warnings).Add($"i18n: missing key '{key}' in i18n/{lang}.yml");
            }
        }

        // Feeds, sitemap, robots, .nojekyll — each remade only when what it is made from changed.
        var outputs = records; // the pages' records, then everything else
        // What changed is made after the fingerprints are all taken, in parallel: feeds are independent,
        // and each escapes up to 50 bodies into XML.
        var remake = new List<(string Path, Func<byte[]> Make, Digest Fingerprint, IEnumerable<string> Inputs, object? Key)>();
        var derivedPaths = new List<string>(); // every output but pages and search files, as this build makes or keeps them
        void Derived(string path, Func<byte[]> make, Digest fingerprint, IEnumerable<string> inputs, object? key = null)
        {
            derivedPaths.Add(path);
            if (previous.TryGetValue(path, out var old) && old.Fingerprint == fingerprint)
            {
                outputs[path] = key is null ? old : old with { Key = key };
                return;
            }

            remake.Add((path, make, fingerprint, inputs, key));
        }

        void MakeDerived()
        {
            var remade = new OutputRecord[remake.Count];
            Parallel.For(0, remake.Count, i =>
            {
                var (path, make, fingerprint, inputs, key) = remake[i];
                var bytes = make();
                var digest = Digest.Of(bytes);

                // A one-off build writes feeds as it writes pages: at 10,000 articles they are tens of MB.
                var file = options.Stream is { } stream ? stream.Keep(path, bytes, digest) : new OutputFile(path, bytes, digest);
                remade[i] = new OutputRecord(file, fingerprint, true, [], [], inputs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), Key: key);
            });
            foreach (var record in remade)
            {
                outputs[record.File.Path] = record;
                made.Add(record.File.Path);
            }
        }

        // Feeds are planned first, then decided in parallel (a key, else a fingerprint, for each of a thousand
        // feeds at 10,000 articles), then kept or remade in their order.
        var feeds = new List<(string Lang, string FeedPath, string PagePath, string Title, string? Subtitle, IReadOnlyList<Article> Articles, string[] Inputs)>();
        void Feed(string lang, string feedPath, string pagePath, string title, string? subtitle, IReadOnlyList<Article> articles, params string[] inputs) =>
            feeds.Add((lang, feedPath, pagePath, title, subtitle, articles, inputs));

        void DecideFeeds()
        {
            var decided = new (OutputRecord? Kept, Func<byte[]> Make, Digest Fingerprint, IEnumerable<string> Inputs, PageKey? Key)[feeds.Count];
            Parallel.For(0, feeds.Count, f =>
            {
                var (lang, feedPath, pagePath, title, subtitle, articles, inputs) = feeds[f];
                var count = Math.Min(articles.Count, Feeds.MaxEntries);
                byte[] Make() => Feeds.Atom(pages, lang, feedPath, pagePath, title, subtitle, articles.Take(count).ToArray());
                if (!options.Remember)
                {
                    decided[f] = (null, Make, default, inputs.Append("site.yml"), null);
                    return;
                }

                // A feed is made from its titles and paths, its entries' outlets and views (which stand for their
                // articles): the same key as last time on the same site is the same feed, neither hashed nor made.
                // The key is one array: salt and titles, then the outlets, then the views.
                const int Fixed = 10;
                var parts = new object?[Fixed + (2 * count)];
                (parts[0], parts[1], parts[2]) = (salt[0], salt[1], salt[2]);
                (parts[3], parts[4], parts[5], parts[6], parts[7], parts[8], parts[9]) = ("feed", lang, feedPath, pagePath, title, subtitle ?? "\0", pages.SiteTitle(lang));
                for (var i = 0; i < count; i++)
                {
                    parts[Fixed + i] = articles[i].Outlet;
                    parts[Fixed + count + i] = pages.View(articles[i], lang);
                }

                var key = new PageKey(parts);
                if (sameSite && previous.TryGetValue(feedPath, out var old) && PageKey.Same(key, old.Key))
                {
                    decided[f] = (old, Make, default, [], null);
                    return;
                }

                var feedSalt = parts[..(Fixed + count)].Cast<string>().ToArray();
                var views = parts[(Fixed + count)..].Cast<ArticleView>().ToArray();
                var (fingerprint, viewInputs) = fingerprints.Of(views, feedSalt);
                decided[f] = (null, Make, fingerprint, viewInputs.Concat(inputs).Append("site.yml"), key);
            });

            for (var f = 0; f < feeds.Count; f++)
            {
                var (kept, make, fingerprint, inputs, key) = decided[f];
                if (kept is not null)
                {
                    outputs[feeds[f].FeedPath] = kept;
                    derivedPaths.Add(feeds[f].FeedPath);
                }
                else
                {
                    Derived(feeds[f].FeedPath, make, fingerprint, inputs, key);
                }
            }
        }

        foreach (var lang in SitePages.Languages)
        {
            Feed(lang, $"{lang}/feed.xml", $"{lang}/", pages.SiteTitle(lang), pages.SiteDescription(lang), model.Articles);
            foreach (var outlet in model.Outlets)
            {
                Feed(lang, $"{lang}/outlets/{outlet.Id}/feed.xml", $"{lang}/outlets/{outlet.Id}/", $"{SitePages.OutletName(outlet, lang)} · {pages.SiteTitle(lang)}", null, model.ByOutlet[outlet.Id], $"outlets/{outlet.Id}.yml");
            }

            foreach (var e in model.Events)
            {
                Feed(lang, $"{lang}/events/{e.Id}/feed.xml", $"{lang}/events/{e.Id}/", $"{SitePages.EventTitle(e, lang).Title} · {pages.SiteTitle(lang)}", null, model.ByEvent[e.Id], $"events/{e.Id}.yml");
            }
        }

        DecideFeeds();

        // The sitemap is made from the base URL and the pages' suffixes: the same ones as last time are the same sitemap, not hashed again.
        var sitemapKey = options.Remember ? new PageKey([.. salt, settings.DefaultLanguage, .. sitemapSuffixes]) : null;
        if (sitemapKey is not null && previous.TryGetValue("sitemap.xml", out var lastSitemap) && PageKey.Same(sitemapKey, lastSitemap.Key))
        {
            outputs["sitemap.xml"] = lastSitemap;
            derivedPaths.Add("sitemap.xml");
        }
        else
        {
            Derived("sitemap.xml", sitemapEarly is { } early ? () => early.GetAwaiter().GetResult() : () => Feeds.Sitemap(urls, sitemapSuffixes, settings.DefaultLanguage), fingerprints.Of(sitemapSuffixes, [.. salt, "sitemap", settings.DefaultLanguage]).Digest, ["site.yml", "articles/", "outlets/", "events/"], sitemapKey);
        }

        var robots = $"User-agent: *\nAllow: /\n\nSitemap: {urls.BaseUrl}sitemap.xml\n";
        Derived("robots.txt", () => Utf8NoBom.GetBytes(robots), Digest.Of(robots), ["site.yml"]);
        Derived(".nojekyll", () => [], Digest.Of(""), []);
        MakeDerived();
        Lap("feeds");
        SearchStep search = (last, into, remade) => SearchIndex(model, SearchInputs(), options.Remember ? fingerprints : null, options.Stream, salt, last, into, remade);
        string[] searchPaths;
        if (earlySearch is not null)
        {
            foreach (var (path, record) in earlySearch)
            {
                outputs[path] = record;
            }

            searchPaths = [.. earlySearch.Keys];
        }
        else if (options.DeferSearch && carried)
        {
            searchPaths = _lastSearch!; // carried over with the last build's records
        }
        else if (options.DeferSearch)
        {
            // The search files of the last build stay until UpdateSearch brings them up to date.
            var kept = previous.Where(kv => IsSearchFile(kv.Key)).ToArray();
            foreach (var (path, record) in kept)
            {
                outputs[path] = record;
            }

            searchPaths = [.. kept.Select(kv => kv.Key)];
        }
        else
        {
            var searched = new Dictionary<string, OutputRecord>(StringComparer.Ordinal);
            lock (_searchGate)
            {
                search(previous, searched, made);
            }

            foreach (var (path, record) in searched)
            {
                outputs[path] = record;
            }

            searchPaths = [.. searched.Keys];
        }

        if (earlySearch is null)
        {
            Lap("search");
        }

        // The site: the records' files and the assets, seen through one read-only table (not a copy).
        var site = new RecordFiles(outputs, files);
        var before = Last;
        var (changed, removed) = Differences(before, site, recordsAsLast ? made.Concat(files.Keys) : null);

        // Check, then publish. When nothing but pages' texts changed since the last check (the last
        // build's, good), only the pages that changed are checked again: the others keep their verdicts.
        options.Progress?.Report(new BuildProgress("checking", 0, 1));
        string Read(string path) => site[path].Streamed ? File.ReadAllText(options.Stream!.FullPath(path)) : Encoding.UTF8.GetString(site[path].Bytes);
        Digest DigestOf(string path) => site[path].Digest;
        var samePaths = before is not null && removed.Length == 0 && site.Count == before.Files.Count;
        var problems = (recordsAsLast && samePaths && before!.Urls.BaseUrl == urls.BaseUrl
                ? LinkChecker.CheckAgain(changed, site.ContainsKey, Read, DigestOf, path => before.Files.TryGetValue(path, out var old) ? old.Digest : null, urls, _links)
                : null)
            ?? LinkChecker.Check(site.Keys, Read, DigestOf, urls, _links);
        options.Progress?.Report(new BuildProgress("checking", 1, 1));
        errors.AddRange(problems);
        Lap("check");

        var (siteBytes, large) = Sizes(recordsAsLast ? _sizes : null, before, site, changed, removed);
        warnings.AddRange(SiteBuilder.PagesLimits(large, siteBytes));
        var parsed = _articles.TakeParsed();
        if (errors.Count > 0)
        {
            (_records, _checkedUnder, _lastPages) = (Merged(previous, outputs), null, null);
            return new BuildOutcome { Result = new BuildResult(0, 0, 0, 0, clock.Elapsed, warnings, errors), Parsed = parsed };
        }

        // A good build: forget records of outputs that are gone, and compare with the previous site.
        _records = outputs; // made by this build, not changed after this
        _lastPages = options.Remember ? (jobs, slots, salt) : null; // every slot holds a record after a good build
        (_lastDerived, _lastSearch) = (derivedPaths, searchPaths);
        _checkedUnder = (templatesNow, i18n);
        _pendingSearch = options.DeferSearch ? search : null;
        _generation++;
        _lastSite = options.Remember ? (settings, assetUrls) : null; // both made anew by each build
        _lastVariables = options.Remember ? pages.Variables : null; // made from these two
        if (before is null || changed.Length > 0 || removed.Length > 0 || before.Urls.BaseUrl != urls.BaseUrl)
        {
            Last = new SiteSnapshot((before?.Version ?? 0) + 1, urls, new SortedFileDictionary(site, samePaths ? before!.Files as SortedFileDictionary : null));
        }

        _recordsAsLast = true;
        _sizes = (siteBytes, large);
        Graph = new DependencyGraph(() => outputs.ToDictionary(kv => kv.Key, kv => kv.Value.Inputs, StringComparer.Ordinal));
        var madeList = made.Order(StringComparer.Ordinal).ToArray();
        Lap("snapshot");
        return new BuildOutcome
        {
            Result = new BuildResult(model.Articles.Count, jobs.Length, site.Count, siteBytes, clock.Elapsed, warnings, errors),
            Site = Last,
            Changed = changed,
            Removed = removed,
            Made = madeList,
            Reused = outputs.Count - madeList.Length,
            Parsed = parsed,
            Graph = Graph,
            Timings = timings,
            Allocations = allocations,
        };
    }

    /// <summary>
    /// The files added or changed since <paramref name="before"/>, and those gone, each sorted. With
    /// <paramref name="candidates"/> (when the records this build started from held the files of
    /// <paramref name="before"/>), only those are compared: every other file is a record kept from then,
    /// made by no one since (a record's file is new only when made), and whether any path went away
    /// shows in the counts. Else every file is compared.
    /// </summary>
    private static (string[] Changed, string[] Removed) Differences(SiteSnapshot? before, RecordFiles now, IEnumerable<string>? candidates)
    {
        if (before is null)
        {
            return (now.Keys.Order(StringComparer.Ordinal).ToArray(), []);
        }

        var old = before.Files;
        var oldFiles = old is SortedFileDictionary sorted ? sorted.Unordered : old;
        var changed = new List<string>();
        var added = 0;
        foreach (var path in candidates?.Distinct(StringComparer.Ordinal) ?? now.Keys)
        {
            if (now.TryGetValue(path, out var file) && (!old.TryGetValue(path, out var was) || was.Digest != file.Digest))
            {
                changed.Add(path);
                added += was is null ? 1 : 0;
            }
        }

        string[] removed = candidates is not null && old.Count == now.Count - added
            ? []
            : oldFiles.Where(kv => !now.ContainsKey(kv.Key)).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
        changed.Sort(StringComparer.Ordinal);
        return (changed.ToArray(), removed);
    }

    /// <summary>
    /// The total size of the site's files and those large enough for a warning (<see cref="SiteBuilder.PagesLimits(IReadOnlyDictionary{string, long})"/>).
    /// From <paramref name="last"/> (those of <paramref name="before"/>) and the differences when known:
    /// a pass over 30,000 files, each a record and a file somewhere in memory, took ~10 ms per rebuild.
    /// </summary>
    private static (long Bytes, Dictionary<string, long> Large) Sizes((long Bytes, Dictionary<string, long> Large)? last, SiteSnapshot? before, RecordFiles now, string[] changed, string[] removed)
    {
        const long limit = SiteBuilder.FileLimit * 8 / 10;
        if (last is { } known && before is not null)
        {
            var bytes = known.Bytes;
            var large = new Dictionary<string, long>(known.Large, StringComparer.Ordinal);
            foreach (var path in changed.Concat(removed))
            {
                if (before.Files.TryGetValue(path, out var was))
                {
                    bytes -= was.Size;
                    large.Remove(path);
                }

                if (now.TryGetValue(path, out var file))
                {
                    bytes += file.Size;
                    if (file.Size > limit)
                    {
                        large[path] = file.Size;
                    }
                }
            }

            return (bytes, large);
        }

        var total = 0L;
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (path, file) in now)
        {
            total += file.Size;
            if (file.Size > limit)
            {
                found[path] = file.Size;
            }
        }

        return (total, found);
    }

    /// <summary>True when the last good build left its search files as they were (<see cref="BuildOptions.DeferSearch"/>) and <see cref="UpdateSearch"/> has not brought them up to date yet.</summary>
    public bool SearchPending
    {
        get
        {
            lock (_gate)
            {
                return _pendingSearch is not null;
            }
        }
    }

    /// <summary>
    /// Brings the search files (<c>search/</c>) of <see cref="Last"/> up to date after a build with
    /// <see cref="BuildOptions.DeferSearch"/>: the same files a build without it makes, published into
    /// <see cref="Last"/> under the same version. Builds are not held up meanwhile: when one finishes
    /// first, this result is dropped (that build has its own search step pending). Thread-safe.
    /// </summary>
    public SearchUpdate UpdateSearch()
    {
        SearchStep? step;
        long generation;
        IReadOnlyDictionary<string, OutputRecord> records;
        lock (_gate)
        {
            (step, generation, records) = (_pendingSearch, _generation, _records);
        }

        if (step is null)
        {
            return new SearchUpdate(SearchUpdateState.NothingPending, [], TimeSpan.Zero);
        }

        var clock = Stopwatch.StartNew();
        var outputs = new Dictionary<string, OutputRecord>(StringComparer.Ordinal);
        var made = new ConcurrentBag<string>();
        lock (_searchGate)
        {
            step(records, outputs, made);
        }

        lock (_gate)
        {
            if (generation != _generation || _pendingSearch != step || Last is null)
            {
                return new SearchUpdate(SearchUpdateState.Superseded, [], clock.Elapsed);
            }

            _pendingSearch = null;
            var kept = _records.Where(kv => !IsSearchFile(kv.Key)).Concat(outputs);
            _records = kept.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            _lastSearch = [.. outputs.Keys];
            var files = new Dictionary<string, OutputFile>(StringComparer.Ordinal);
            foreach (var (path, file) in Last.Files.Where(kv => !IsSearchFile(kv.Key)))
            {
                files[path] = file;
            }

            foreach (var (path, record) in outputs)
            {
                files[path] = record.File;
            }

            var changed = files.Count != Last.Files.Count || files.Any(kv => !Last.Files.TryGetValue(kv.Key, out var old) || old.Digest != kv.Value.Digest);
            if (changed)
            {
                // The link check of the build saw the old search files: a check after this one may build on it only while the paths are the same (search files are no pages).
                _recordsAsLast &= files.Count == Last.Files.Count && outputs.Keys.All(path => Last.Files.ContainsKey(path) && !path.EndsWith(".html", StringComparison.Ordinal));
                _sizes = null; // the search files' sizes changed: counted again by the next build
                Last = new SiteSnapshot(Last.Version, Last.Urls, new SortedFileDictionary(files));
                Graph = Graph.WithOutputs(IsSearchFile, outputs.Select(kv => new KeyValuePair<string, string[]>(kv.Key, kv.Value.Inputs)));
            }

            return new SearchUpdate(changed ? SearchUpdateState.Published : SearchUpdateState.Unchanged, made.Order(StringComparer.Ordinal).ToArray(), clock.Elapsed);
        }
    }

    /// <summary>
    /// The records of a failed build: the last ones with what this build made over them. What rendered well
    /// is kept even when the build fails: a record is a pure function of what it read.
    /// </summary>
    private static Dictionary<string, OutputRecord> Merged(IReadOnlyDictionary<string, OutputRecord> previous, Dictionary<string, OutputRecord> made)
    {
        var merged = new Dictionary<string, OutputRecord>(previous, StringComparer.Ordinal);
        foreach (var (path, record) in made)
        {
            merged[path] = record;
        }

        return merged;
    }

    private static bool IsSearchFile(string path) => path.StartsWith("search/", StringComparison.Ordinal);

    /// <summary>
    /// Forgets the recorded outputs whose path matches, so the next build makes them again (the same
    /// bytes: used to warm the rendering code up after the first build).
    /// </summary>
    public void Forget(Func<string, bool> which)
    {
        lock (_gate)
        {
            _records = _records.Where(kv => !which(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            _lastPages = null; // they may hold what was forgotten
        }
    }

    /// <summary>The output folder this instance last published to, with the hash of each file written there.</summary>
    public (string OutDir, Dictionary<string, Digest> Files)? Written { get; internal set; }

    /// <summary>The theme folder of the last build that found one (to watch it).</summary>
    public string? ThemeDir { get; private set; }

    private RawHtml Body(Article article) => _bodies.GetValue(article, a =>
    {
        var html = new RawHtml(MarkdownRenderer.ToHtml(a.Body));
        Fingerprinter.Remember(html, Digest.Of(html.Html));
        return html;
    });

    /// <summary>Whether a record's salt is this page's: the build's salt, then the page's path, template, layout and language.</summary>
    private static bool SameSalt(string[] kept, string[] salt, PageJob job) =>
        kept.Length == salt.Length + 4 && kept.AsSpan(0, salt.Length).SequenceEqual(salt)
        && kept[^4] == job.OutputPath && kept[^3] == job.Template && kept[^2] == (job.Layout ?? "") && kept[^1] == job.Lang;

    /// <summary>True when every template and UI string the output read last time is still the same (re-reading the strings, so missing keys are reported as in a clean build).</summary>
    private static bool StillValid(OutputRecord record, Theme theme, Dictionary<string, I18n> i18n)
    {
        foreach (var (name, hash) in record.Templates)
        {
            if (theme.Find(name)?.Hash != hash)
            {
                return false;
            }
        }

        var valid = true;
        foreach (var (lang, key, value) in record.Texts)
        {
            var now = i18n.TryGetValue(lang, out var strings) ? strings.Get(key) : key;
            valid &= now == value;
        }

        return valid;
    }

    /// <summary>Reads again the UI strings a still valid record found missing (its value is its key), so they are reported; always true.</summary>
    private static bool ReadMissing(OutputRecord record, Dictionary<string, I18n> i18n)
    {
        if (!record.AnyMissing)
        {
            return true;
        }

        foreach (var (lang, key, value) in record.Texts)
        {
            if (string.Equals(key, value, StringComparison.Ordinal) && i18n.TryGetValue(lang, out var strings))
            {
                strings.Get(key);
            }
        }

        return true;
    }

    /// <summary>
    /// The static search index under <c>search/</c> (docs/search.md): every article with its events' names.
    /// Remade only when an article, its events or their names changed; otherwise the last files are kept.
    /// </summary>
    /// <param name="fingerprints">Null in a one-off build: nothing will be compared with this index, so its
    /// documents are neither kept nor fingerprinted, and are added in batches as they are made.</param>
    /// <param name="stream">Where a one-off build writes its files as they are made (else they are kept in memory).</param>
    private static void SearchIndex(SiteModel model, string[] inputs, Fingerprinter? fingerprints, StagingFolder? stream, string[] salt, IReadOnlyDictionary<string, OutputRecord> previous, Dictionary<string, OutputRecord> outputs, ConcurrentBag<string> made) =>
        SearchIndexStarted(model, inputs, fingerprints, stream, salt, previous, outputs, made).GetAwaiter().GetResult();

    /// <summary>
    /// <see cref="SearchIndex"/>, which in a one-off build (no <paramref name="fingerprints"/>) returns
    /// once the documents are indexed, with a task that writes the index's files and adds their records
    /// to <paramref name="outputs"/>: wait for it before reading them.
    /// </summary>
    private static Task SearchIndexStarted(SiteModel model, string[] inputs, Fingerprinter? fingerprints, StagingFolder? stream, string[] salt, IReadOnlyDictionary<string, OutputRecord> previous, Dictionary<string, OutputRecord> outputs, ConcurrentBag<string> made)
    {
        var eventsOf = new Dictionary<string, List<SearchFacetValue>>(StringComparer.Ordinal);
        foreach (var e in model.Events)
        {
            var names = SitePages.Languages.ToDictionary(lang => lang, lang => SitePages.EventTitle(e, lang).Title, StringComparer.Ordinal);
            foreach (var article in model.ByEvent[e.Id])
            {
                if (!eventsOf.TryGetValue(article.Id, out var list))
                {
                    eventsOf[article.Id] = list = [];
                }

                list.Add(new SearchFacetValue(e.Id, names));
            }
        }

        var options = new SearchIndexOptions();
        var articles = model.Articles;
        var files = new List<(string Path, byte[] Bytes)>();
        var streamed = new List<OutputFile>();
        void Keep(string relative, byte[] bytes)
        {
            var path = "search/" + relative;
            if (stream is null)
            {
                files.Add((path, bytes));
                return;
            }

            var file = stream.Keep(path, bytes, Digest.Of(bytes));
            lock (streamed)
            {
                streamed.Add(file);
            }
        }

        Digest fingerprint = default;
        if (fingerprints is null)
        {
            // Add in article order (the bytes depend only on it), tokenizing a batch at a time in parallel.
            var writer = new SearchIndexWriter(options);
            try
            {
                writer.AddAll(articles.Count, i => SearchIndexCache.Shared.Prepare(SearchDocument.FromArticle(articles[i], model.OutletById.GetValueOrDefault(articles[i].Outlet), eventsOf.GetValueOrDefault(articles[i].Id), SitePages.Languages), options));
            }
            catch
            {
                writer.Dispose(); // the task below owns it only once the documents are in
                throw;
            }

            return Task.Run(() =>
            {
                using (writer)
                {
                    writer.WriteTo(Keep);
                }

                Finish();
            });
        }
        else
        {
            // Tokenize in parallel; an article's terms are kept with its Article object (SearchIndexCache), so
            // after an edit only new objects are tokenized. The fingerprint hashes what each document was made
            // from (its text, outlet and event names), cheaper than fingerprinting the articles themselves.
            var prepared = new PreparedSearchDocument[articles.Count];
            Parallel.For(0, articles.Count, i => prepared[i] = SearchIndexCache.Shared.Prepare(articles[i], model.OutletById.GetValueOrDefault(articles[i].Outlet), eventsOf.GetValueOrDefault(articles[i].Id), SitePages.Languages, options));
            fingerprint = fingerprints.Of(SearchIndexWriter.Fingerprint(prepared, options), [.. salt, "search"]).Digest;
            var last = previous.Where(kv => kv.Key.StartsWith("search/", StringComparison.Ordinal)).ToArray();
            if (last.Length > 0 && last.All(kv => kv.Value.Fingerprint == fingerprint))
            {
                foreach (var (path, record) in last)
                {
                    outputs[path] = record;
                }

                return Task.CompletedTask;
            }

            // Add in article order (the bytes depend only on it) and keep the files in memory.
            using var writer = new SearchIndexWriter(options);
            foreach (var document in prepared)
            {
                writer.Add(document);
            }

            writer.WriteTo((relative, bytes) => files.Add(("search/" + relative, bytes)));
        }

        Finish();
        return Task.CompletedTask;

        void Finish()
        {
            files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var records = new OutputRecord[files.Count];
            Parallel.For(0, files.Count, i => records[i] = new OutputRecord(new OutputFile(files[i].Path, files[i].Bytes, Digest.Of(files[i].Bytes)), fingerprint, true, [], [], inputs));
            foreach (var record in records.Concat(streamed.Select(file => new OutputRecord(file, fingerprint, true, [], [], inputs))))
            {
                outputs[record.File.Path] = record;
                made.Add(record.File.Path);
            }
        }
    }

    /// <summary>A style sheet minified, kept by its content so that an unchanged one is minified once per process.</summary>
    private byte[] MinifiedCss(byte[] source) =>
        _css.GetOrAdd(Digest.Of(source), _ => Encoding.UTF8.GetBytes(Minifier.Css(Encoding.UTF8.GetString(source))));

    /// <summary>The builder's text as one block: its own memory when it is one chunk (the usual case once warm), else a copy.</summary>
    private static ReadOnlyMemory<char> Contiguous(StringBuilder builder)
    {
        ReadOnlyMemory<char> first = default;
        var count = 0;
        foreach (var chunk in builder.GetChunks())
        {
            first = chunk;
            if (++count > 1)
            {
                return builder.ToString().AsMemory();
            }
        }

        return first;
    }
}
