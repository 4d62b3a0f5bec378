using System.Collections.Concurrent;
using System.Diagnostics;

namespace SiteGen.Publishing.Incremental;

/// <summary>
/// The build pipeline with memory: load → link → plan → render → derive → check → publish, each phase a
/// class with explicit inputs and outputs that keeps its own cache of the last build and short-circuits its
/// expensive work with it (docs/architecture.md). A fresh instance is a clean build, so clean and
/// incremental builds share one code path and give the same bytes. One build at a time per instance.
/// </summary>
public sealed class IncrementalSite
{
    private readonly LoadPhase _load = new();
    private readonly LinkPhase _link = new();
    private readonly PlanPhase _plan = new();
    private readonly RenderPhase _render = new();
    private readonly DerivePhase _derive = new();
    private readonly CheckPhase _check = new();
    private readonly PublishPhase _publish = new();
    private readonly Lock _gate = new();

    /// <summary>The last good build, or null before the first.</summary>
    public SiteSnapshot? Last => _publish.Last;

    /// <summary>The dependency graph of the last good build.</summary>
    public DependencyGraph Graph => _publish.Graph;

    /// <summary>The output folder this instance last published to, with the hash of each file written there.</summary>
    public (string OutDir, Dictionary<string, Digest> Files)? Written { get; internal set; }

    /// <summary>The theme folder of the last build that found one (to watch it).</summary>
    public string? ThemeDir => _load.ThemeDir;

    public BuildOutcome Build(BuildOptions options)
    {
        lock (_gate)
        {
            return BuildLocked(options);
        }
    }

    /// <summary>
    /// The pipeline, step by step, each timed under its name (<c>--timings</c>). Work between two timed steps
    /// counts towards the next one. Overlap is explicit: the articles load on the pool from the settings step
    /// until the articles step; a one-off build's search files are written while the views are made (the plan
    /// step waits for them), and its sitemap is made from the plan while the pages render.
    /// </summary>
    private BuildOutcome BuildLocked(BuildOptions options)
    {
        var run = new BuildRun(options);
        var clock = new PhaseClock(run);
        var recordsAsLast = _publish.Begin();
        _load.Begin(options);

        var settings = clock.Time("settings", () => _load.Settings(run));
        if (settings is null)
        {
            return Stopped(run);
        }

        var theme = clock.Time("theme", () => _load.Theme(run, settings));
        var loaded = clock.Time("articles", () => _load.Articles(run, settings, theme));
        if (loaded is null)
        {
            return Stopped(run);
        }

        try
        {
            return BuildLoaded(run, clock, loaded, recordsAsLast);
        }
        catch (Exception e) when (Content.ArticleBodyException.In(e) is { } failed)
        {
            // The boundary of the one file Markdig failed on: name it, and stop as for any content error.
            run.Errors.Add(failed.Describe(id => loaded.Store.Find(id)?.RelativePath));
            return Stopped(run);
        }
    }

    /// <summary>The steps from linking the loaded content to the snapshot of a good build.</summary>
    private BuildOutcome BuildLoaded(BuildRun run, PhaseClock clock, Loaded loaded, bool recordsAsLast)
    {
        var options = run.Options;
        var linked = clock.Time("link", () => _link.Run(run, loaded));
        var early = DerivePhase.SearchesEarly(options) ? clock.Time("search", () => DerivePhase.SearchEarly(run, linked, _render.Records)) : null;
        var viewed = clock.Time("views", () => _plan.Views(run, loaded, linked));
        var planned = clock.Time("plan", () => After(early?.Tail, PlanPhase.Plan(run, loaded, linked, viewed)));
        var rendered = clock.Time("render", () => _render.Run(run, loaded, linked, viewed, planned, _check.Links, _derive.DerivedOfLast(options)));
        if (rendered is null)
        {
            return Stopped(run);
        }

        var derived = clock.Time("feeds", () => DerivePhase.Feeds(run, loaded, linked, viewed, planned, rendered));
        var searched = early is null ? clock.Time("search", () => _derive.Search(run, linked, rendered, null)) : _derive.Search(run, linked, rendered, early);
        var staged = _publish.Compare(run, rendered.Outputs, viewed.Files, recordsAsLast);
        clock.Time("check", () => _check.Run(run, staged, loaded.Urls, linked.FileOf, recordsAsLast));

        var sizes = _publish.Sizes(staged, recordsAsLast);
        foreach (var (message, passed) in SiteBuilder.PagesLimitChecks(sizes.Large, sizes.Bytes))
        {
            (passed ? run.WarningsOrStrictErrors : run.Warnings).Add(message); // near a limit: a warning; past it: --strict fails
        }
        var parsed = _load.TakeParsed();
        if (run.Errors.Count > 0)
        {
            _render.Failed(rendered);
            return new BuildOutcome { Result = run.Failed(), Parsed = parsed };
        }

        var made = clock.Time("snapshot", () =>
        {
            _render.Succeeded(run, loaded, planned, rendered);
            _derive.Succeeded(run, derived, searched);
            _plan.Succeeded(run, loaded, viewed);
            _publish.Succeeded(staged, loaded.Urls, sizes, rendered.Outputs);
            return run.Made.Order(StringComparer.Ordinal).ToArray();
        });
        return new BuildOutcome
        {
            Result = new BuildResult(linked.Model.Articles.Count, planned.Jobs.Length, staged.Site.Count, sizes.Bytes, run.Clock.Elapsed, run.Warnings, run.Errors),
            Site = Last,
            Changed = staged.Changed,
            Removed = staged.Removed,
            Made = made,
            Reused = rendered.Outputs.Count - made.Length,
            Parsed = parsed,
            Graph = Graph,
            Timings = clock.Timings,
            Allocations = clock.Allocations,
        };
    }

    /// <summary>The outcome of a build that stopped before its end (the articles' load may still be running: its parsed files are taken once it ends).</summary>
    private BuildOutcome Stopped(BuildRun run) => new() { Result = run.Failed(), Parsed = _load.TakeParsed() };

    /// <summary><paramref name="result"/>, once <paramref name="task"/> (work the next step must not overlap) has ended.</summary>
    private static T After<T>(Task? task, T result)
    {
        task?.GetAwaiter().GetResult();
        return result;
    }

    /// <summary>True when the last good build left its search files as they were (<see cref="BuildOptions.DeferSearch"/>) and <see cref="UpdateSearch"/> has not brought them up to date yet.</summary>
    public bool SearchPending
    {
        get
        {
            lock (_gate)
            {
                return _derive.Pending.Step is not null;
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
            (step, generation) = _derive.Pending;
            records = _render.Records;
        }

        if (step is null)
        {
            return new SearchUpdate(SearchUpdateState.NothingPending, [], TimeSpan.Zero);
        }

        var clock = Stopwatch.StartNew();
        var outputs = new Dictionary<string, OutputRecord>(StringComparer.Ordinal);
        var made = new ConcurrentBag<string>();
        _derive.RunSearch(step, records, outputs, made);
        lock (_gate)
        {
            if (!_derive.IsPending(step, generation) || Last is null)
            {
                return new SearchUpdate(SearchUpdateState.Superseded, [], clock.Elapsed);
            }

            _derive.SearchPublished(outputs.Keys);
            _render.ReplaceSearch(outputs);
            var changed = _publish.ReplaceSearch(outputs);
            return new SearchUpdate(changed ? SearchUpdateState.Published : SearchUpdateState.Unchanged, made.Order(StringComparer.Ordinal).ToArray(), clock.Elapsed);
        }
    }

    /// <summary>
    /// Forgets the recorded outputs whose path matches, so the next build makes them again (the same
    /// bytes: used to warm the rendering code up after the first build).
    /// </summary>
    public void Forget(Func<string, bool> which)
    {
        lock (_gate)
        {
            _render.Forget(which);
        }
    }
}
