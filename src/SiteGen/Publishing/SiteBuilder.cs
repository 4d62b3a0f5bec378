using SiteGen.Publishing.Incremental;
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

    /// <summary>
    /// Minify HTML pages with NUglify. Off by default: on our pages it saves 0.85 % of the HTML bytes
    /// (0.2 % after the gzip GitHub Pages applies) and cost 13 % of the build's CPU time
    /// (docs/performance.md). Style sheets are minified either way.
    /// </summary>
    public bool Minify { get; init; }

    /// <summary>
    /// Keep what makes the next build in this process incremental: the fingerprint of each page's
    /// data, and the templates and UI strings it read. Off for a one-off build (<c>sitegen build</c>),
    /// where nothing would ever be compared with it; the pages are the same bytes either way.
    /// </summary>
    public bool Remember { get; init; } = true;

    /// <summary>
    /// Where a one-off build writes each page as soon as it is rendered, instead of holding every page
    /// in memory until the end (set by <see cref="SiteBuilder.Publish"/> when <see cref="Remember"/> is off).
    /// </summary>
    internal StagingFolder? Stream { get; init; }

    public IProgress<BuildProgress>? Progress { get; init; }

    /// <summary>
    /// For <c>sitegen serve</c>: the build leaves the search files (<c>search/</c>) of the last build as
    /// they were, and <see cref="Incremental.IncrementalSite.UpdateSearch"/> brings them up to date
    /// afterwards, so the pages can be shown before the search index is done. Ignored by a clean build.
    /// </summary>
    public bool DeferSearch { get; init; }

    /// <summary>Write the search index (<c>sitegen build --no-search</c> leaves it out: a quicker build whose search page finds nothing; the benchmark uses it to measure what the index costs).</summary>
    public bool Search { get; init; } = true;

    public CancellationToken Cancel { get; init; }

    /// <summary>
    /// For <c>sitegen serve</c>, whose watcher knows: the paths (relative to <see cref="ContentDir"/>)
    /// created, changed, deleted or renamed (both names) since the last build of the same
    /// <see cref="Incremental.IncrementalSite"/>, folders included. The build then looks at only those
    /// article and event files instead of listing and looking at them all. Null (the default) when not
    /// known: every file is looked at, as in <c>sitegen build</c>.
    /// </summary>
    public IReadOnlyCollection<string>? ChangedContent { get; init; }
}

/// <summary>Progress of a stage of the build (<c>rendering</c>, <c>checking</c>).</summary>
public readonly record struct BuildProgress(string Stage, int Done, int Total);

/// <summary>The outcome of a build: counts, size, time, warnings, and errors (any error means the output was left as it was).</summary>
public sealed record BuildResult(int Articles, int Pages, int Files, long Bytes, TimeSpan Elapsed, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
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

    /// <summary>The site's own budget for one file (issue 20): a page or index file this big is slow to fetch whatever the host allows.</summary>
    public const long FileBudget = 10_000_000;

    /// <summary>A clean build: nothing is taken from an earlier one.</summary>
    public static BuildResult Build(BuildOptions options) => Build(options, new IncrementalSite());

    /// <summary>
    /// A build that reuses what <paramref name="site"/> made before (see <see cref="IncrementalSite"/>),
    /// then writes the output: into a staging folder beside it, swapped in whole. A file that is the same
    /// as in the output folder this instance last wrote is hard-linked from there instead of written.
    /// </summary>
    public static BuildResult Build(BuildOptions options, IncrementalSite site) => Publish(options, site).Result;

    /// <summary>As <see cref="Build(BuildOptions, IncrementalSite)"/>, with the details: what was made, written, linked.</summary>
    public static PublishOutcome Publish(BuildOptions options, IncrementalSite site)
    {
        // The swap replaces --out whole: refuse a folder that holds anything but an earlier site.
        if (OutputFolder.Problem(options.ContentDir, options.OutDir) is { } early)
        {
            return new PublishOutcome(new BuildOutcome { Result = new BuildResult(0, 0, 0, 0, TimeSpan.Zero, [], [early]) }, [], 0);
        }

        // A one-off build streams its pages into the staging folder (memory stays flat in the number of
        // pages); a failed build deletes it, leaving the previous output as it was.
        using var staging = new StagingFolder(options.OutDir);
        var outcome = site.Build(options.Remember ? options with { DeferSearch = !options.Search } : options with { Stream = staging, DeferSearch = !options.Search }); // a written site is whole: its search step runs now, unless --no-search
        if (outcome.Result.Succeeded && OutputFolder.Problem(options.ContentDir, options.OutDir, site.ThemeDir) is { } overlap)
        {
            var result = outcome.Result with { Errors = [.. outcome.Result.Errors, overlap] };
            return new PublishOutcome(new BuildOutcome { Result = result, Timings = outcome.Timings, Allocations = outcome.Allocations }, [], 0);
        }

        if (!outcome.Result.Succeeded || outcome.Site is null)
        {
            return new PublishOutcome(outcome, [], 0);
        }

        var previous = site.Written is { } w && w.OutDir == staging.OutDir && Directory.Exists(staging.OutDir) ? w.Files : null;
        var written = new List<string>();
        var linked = 0;
        foreach (var (path, file) in outcome.Site.Files)
        {
            options.Cancel.ThrowIfCancellationRequested();
            if (file.Streamed)
            {
                continue; // already in the staging folder
            }

            if (previous is not null && previous.TryGetValue(path, out var digest) && digest == file.Digest && HardLink.TryCreate(Path.Combine(staging.OutDir, path), staging.FullPath(path), file.Bytes.LongLength))
            {
                staging.Record(path, file.Bytes.LongLength);
                linked++;
                continue;
            }

            staging.WriteBytes(path, file.Bytes);
            written.Add(path);
        }

        staging.SwapInto();
        site.Written = (staging.OutDir, outcome.Site.Files.ToDictionary(f => f.Key, f => f.Value.Digest, StringComparer.Ordinal));
        return new PublishOutcome(outcome, written, linked);
    }

    /// <summary>Warnings when a file or the whole site reaches 80 % of what GitHub Pages accepts.</summary>
    public static IEnumerable<string> PagesLimits(IReadOnlyDictionary<string, long> files) => PagesLimits(files, files.Values.Sum());

    /// <summary>As <see cref="PagesLimits(IReadOnlyDictionary{string, long})"/>, with the total size known.</summary>
    internal static IEnumerable<string> PagesLimits(IEnumerable<KeyValuePair<string, long>> files, long total) =>
        PagesLimitChecks(files, total).Select(c => c.Message);

    /// <summary>The warnings of <see cref="PagesLimits(IEnumerable{KeyValuePair{string, long}}, long)"/>, each with whether the limit is passed (not only near): those fail a <c>--strict</c> build.</summary>
    internal static IEnumerable<(string Message, bool Passed)> PagesLimitChecks(IEnumerable<KeyValuePair<string, long>> files, long total)
    {
        foreach (var (file, size) in files.Where(f => f.Value > FileBudget).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            yield return size > FileLimit * 8 / 10
                ? ($"{file} is {size / 1048576.0:F1} MB: GitHub Pages refuses files over 100 MB", size > FileLimit)
                : ($"{file} is {size / 1048576.0:F1} MB: over the budget of 10 MB for one file (docs/publishing.md)", false);
        }

        if (total > SiteLimit * 8 / 10)
        {
            yield return ($"the site is {total / 1048576.0:F0} MB: GitHub Pages publishes at most 1 GB", total > SiteLimit);
        }
    }

    internal static string FindTheme(BuildOptions options, string theme)
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

/// <summary>A build and what it did to the output folder: files written anew, files hard-linked unchanged from the previous output.</summary>
public sealed record PublishOutcome(BuildOutcome Build, IReadOnlyList<string> Written, int Linked)
{
    public BuildResult Result => Build.Result;
}
