using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Content;

namespace SiteGen.Bench;

/// <summary>How to start a program as a child (<c>sitegen</c>, or the bench itself): the program and the arguments before the command.</summary>
public sealed record SelfCommand(string Program, IReadOnlyList<string> Prefix)
{
    public IEnumerable<string> With(params string[] args) => Prefix.Concat(args);
}

/// <summary>What <c>sitegen bench</c> runs.</summary>
public sealed record BenchOptions(SelfCommand SiteGen, SelfCommand Self)
{
    public IReadOnlyList<int> Sizes { get; init; } = [1000, 10000];

    public int Runs { get; init; } = 3;

    public ulong Seed { get; init; } = 42;

    /// <summary>Build the same archive with Hugo too (installed with apt when missing).</summary>
    public bool Hugo { get; init; } = true;

    /// <summary>Minified HTML on both sides: Hugo with <c>--minify</c>, SiteGen with <c>build --minify</c> (both write plain HTML by default).</summary>
    public bool HugoMinify { get; init; }

    public bool Floor { get; init; } = true;

    public bool Warm { get; init; } = true;

    /// <summary>Raw feed files to import for the import rate; 0 skips it.</summary>
    public int ImportFiles { get; init; } = 2000;

    /// <summary>Where to generate and build; by default a new folder under /dev/shm (tmpfs) when present, else the temp folder.</summary>
    public string? WorkDir { get; init; }

    public bool Keep { get; init; }

    /// <summary>An existing content folder to measure as it is, beside the generated sizes (a copy is built, so the warm rebuild's edit never touches it).</summary>
    public string? Archive { get; init; }

    /// <summary>Measure search latency in headless Chromium on each built site (skipped with a note when Chromium is missing).</summary>
    public bool Browser { get; init; } = true;

    /// <summary>The serve latency section (<see cref="ServeBench"/>); null skips it.</summary>
    public ServeBenchOptions? Serve { get; init; }

    public TextWriter Log { get; init; } = Console.Out;
}

/// <summary>One archive size: medians of the runs, in seconds and bytes.</summary>
public sealed record BenchRow(int Articles)
{
    /// <summary>What the row measured when it is not a generated archive (<c>--archive</c>): the folder's name.</summary>
    public string? Name { get; init; }

    public double GenerateSeconds { get; set; }

    public Measurement? SiteGen { get; set; }

    public int SiteGenPages { get; set; }

    public double? SiteGenReported { get; set; }

    public Measurement? Hugo { get; set; }

    public int HugoPages { get; set; }

    public Measurement? Floor { get; set; }

    public string? FloorDetail { get; set; }

    public Measurement? Warm { get; set; }

    public double? WarmReported { get; set; }

    public string? Timings { get; set; }

    /// <summary>Search figures of the last build: index size, first-query transfer, results after typing (<see cref="SearchLatency"/>).</summary>
    public List<string> Search { get; } = [];
}

/// <summary>
/// The side-by-side benchmark: for each size, generate the archive (our format and Hugo's), then run
/// the floor, SiteGen's full build and Hugo's build as child processes a few times each on the same
/// file system (tmpfs when present), take medians of wall time and peak RSS, then a warm rebuild after
/// editing one article, and once the import rate of raw feed files. Prints a table.
/// </summary>
public static partial class BenchRunner
{
    public static IReadOnlyList<BenchRow> Run(BenchOptions options)
    {
        var log = options.Log;
        var work = options.WorkDir ?? DefaultWorkDir();
        Directory.CreateDirectory(work);
        log.WriteLine($"work folder: {work}{(work.StartsWith("/dev/shm", StringComparison.Ordinal) ? " (tmpfs)" : "")}");
        log.WriteLine($"machine: {Environment.ProcessorCount} cores, {TotalMemory()}; .NET {Environment.Version}; peak RSS from {(ChildProcess.HasGnuTime ? "/usr/bin/time -v" : "/proc/<pid>/status VmHWM polling")}");

        string? hugo = null;
        if (options.Hugo)
        {
            hugo = Setup.EnsureHugo(log);
            if (hugo is not null)
            {
                log.WriteLine($"hugo: {Setup.HugoVersion(hugo)}{(options.HugoMinify ? " (with --minify)" : "")}");
            }
        }

        var rows = new List<BenchRow>();
        try
        {
            foreach (var n in options.Sizes)
            {
                rows.Add(RunSize(options, n, Path.Combine(work, $"n{n}"), hugo));
            }

            if (options.Archive is { } archive)
            {
                rows.Add(RunArchive(options, archive, Path.Combine(work, "archive"), hugo));
            }

            string? import = null;
            if (options.ImportFiles > 0)
            {
                import = Import(options, Path.Combine(work, "import"));
            }

            log.WriteLine();
            log.WriteLine(Table(rows, options.Runs));
            if (import is not null)
            {
                log.WriteLine(import);
            }

            foreach (var row in rows.Where(r => r.Timings is not null))
            {
                log.WriteLine($"search index share of the build (N={Label(row)}, last run): {SearchShare(row.Timings!)}");
            }

            foreach (var row in rows)
            {
                foreach (var line in row.Search)
                {
                    log.WriteLine($"N={Label(row)} {line}");
                }
            }

            log.WriteLine("warm rebuild: a new `sitegen build` process after editing one article (a process starts cold, so this is a full rebuild; the in-process incremental build is measured by the serve latency probe); 'build' is the time the build reports, without process start");
            log.WriteLine($"note: medians of {options.Runs} run(s); wall time includes process start; this machine may be shared, so expect noise");

            // Serve: edit-to-reload latency, in process (ServeBench.cs).
            if (options.Serve is { } serve)
            {
                log.WriteLine();
                ServeBench.Run(serve with { Seed = options.Seed, WorkDir = Path.Combine(work, "serve"), Log = log });
            }
        }
        finally
        {
            if (!options.Keep && options.WorkDir is null)
            {
                TryDelete(work);
            }
        }

        return rows;
    }

    private static BenchRow RunSize(BenchOptions options, int n, string dir, string? hugo)
    {
        var row = new BenchRow(n);
        TryDelete(dir);
        var content = Path.Combine(dir, "content");
        var hugoSite = Path.Combine(dir, "hugo");

        var clock = Stopwatch.StartNew();
        var generator = new ArchiveGenerator(new ArchiveSpec(n, options.Seed));
        ArchiveWriter.WriteContent(generator, content);
        if (hugo is not null)
        {
            ArchiveWriter.WriteHugoSite(generator, hugoSite);
        }

        row.GenerateSeconds = clock.Elapsed.TotalSeconds;
        options.Log.WriteLine($"N={n}: generated in {row.GenerateSeconds:F1} s ({DirSize(content) / 1048576.0:F0} MB of articles)");
        return Measure(options, row, dir, content, hugoSite, hugo);
    }

    /// <summary>An existing content folder as it is: copied (the warm rebuild edits an article), and written as a Hugo site from its loaded articles.</summary>
    private static BenchRow RunArchive(BenchOptions options, string archive, string dir, string? hugo)
    {
        TryDelete(dir);
        var content = Path.Combine(dir, "content");
        var hugoSite = Path.Combine(dir, "hugo");
        var clock = Stopwatch.StartNew();
        CopyFolder(archive, content);
        var count = ArticleStore.Open(content).Articles.Count();
        if (hugo is not null)
        {
            ArchiveWriter.WriteHugoSite(content, hugoSite);
        }

        // The folder's name, or its parent's for a folder called content.
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(archive));
        var name = Path.GetFileName(full) is "content" && Path.GetDirectoryName(full) is { } parent ? Path.GetFileName(parent) : Path.GetFileName(full);
        var row = new BenchRow(count) { Name = name, GenerateSeconds = clock.Elapsed.TotalSeconds };
        options.Log.WriteLine($"archive {archive}: {count} articles, copied{(hugo is null ? "" : " and written for Hugo")} in {row.GenerateSeconds:F1} s ({DirSize(Path.Combine(content, "articles")) / 1048576.0:F0} MB of articles)");
        return Measure(options, row, dir, content, hugoSite, hugo);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The floor, SiteGen's builds (with search figures and a warm rebuild) and Hugo's builds of one prepared archive.</summary>
    private static BenchRow Measure(BenchOptions options, BenchRow row, string dir, string content, string hugoSite, string? hugo)
    {
        var log = options.Log;
        var n = row.Articles;
        var outDir = Path.Combine(dir, "out");
        Directory.CreateDirectory(outDir);

        if (options.Floor)
        {
            var floors = Repeat(options.Runs, () =>
            {
                TryDelete(Path.Combine(outDir, "floor"));
                return ChildProcess.Run(options.Self.Program, options.Self.With("floor", "--content", content, "--out", Path.Combine(outDir, "floor")));
            }, log, "floor");
            row.Floor = Median(floors);
            row.FloorDetail = floors.LastOrDefault(m => m.Ok)?.StdOut.Trim();
            TryDelete(Path.Combine(outDir, "floor"));
        }

        var site = Path.Combine(outDir, "sitegen");
        var builds = Repeat(options.Runs, () =>
        {
            TryDelete(site);
            return ChildProcess.Run(options.SiteGen.Program, options.SiteGen.With(["build", "--content", content, "--out", site, "--timings", .. (options.HugoMinify ? ["--minify"] : Array.Empty<string>())]));
        }, log, "sitegen build");
        row.SiteGen = Median(builds);
        row.SiteGenReported = MedianOf(builds.Select(b => ReportedSeconds(b.StdOut)));
        row.Timings = builds.LastOrDefault(m => m.Ok) is { } lastBuild ? TimingLine(lastBuild.StdOut) : null;
        row.SiteGenPages = CountHtml(site);
        MeasureSearch(options, row, site);

        // What the index adds to peak memory (issue 7: at most 1 GiB at 50,000): one build without it.
        var plain = ChildProcess.Run(options.SiteGen.Program, options.SiteGen.With("build", "--content", content, "--out", site + "-nosearch", "--no-search"));
        Report(log, "sitegen build --no-search", plain);
        if (plain.Ok && row.SiteGen is { Ok: true } withIndex)
        {
            row.Search.Add($"search index memory: peak RSS {Mib(withIndex.PeakRssBytes)} with the index (median), {Mib(plain.PeakRssBytes)} without: {(withIndex.PeakRssBytes - plain.PeakRssBytes) / 1048576.0:+0;-0} MiB");
        }

        TryDelete(site + "-nosearch");

        if (options.Warm && Directory.Exists(site))
        {
            var edited = Directory.EnumerateFiles(Path.Combine(content, "articles"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
            File.AppendAllText(edited, "\nEdited for the warm rebuild.\n");
            var warm = ChildProcess.Run(options.SiteGen.Program, options.SiteGen.With("build", "--content", content, "--out", site));
            Report(log, "warm rebuild", warm);
            row.Warm = warm;
            row.WarmReported = ReportedSeconds(warm.StdOut);
        }

        TryDelete(site);

        if (hugo is not null)
        {
            var hugoOut = Path.Combine(outDir, "hugo");
            var hugoArgs = new List<string> { "--source", hugoSite, "--destination", hugoOut, "--quiet" };
            if (options.HugoMinify)
            {
                hugoArgs.Add("--minify");
            }

            var hugos = Repeat(options.Runs, () =>
            {
                TryDelete(hugoOut);
                return ChildProcess.Run(hugo, hugoArgs);
            }, log, "hugo");
            row.Hugo = Median(hugos);
            row.HugoPages = CountHtml(hugoOut);
            TryDelete(hugoOut);
        }

        if (!options.Keep)
        {
            TryDelete(dir);
        }

        return row;
    }

    /// <summary>Search figures (issue 7) on the built site; the browser part is skipped with --no-browser.</summary>
    private static void MeasureSearch(BenchOptions options, BenchRow row, string site)
    {
        if (!Directory.Exists(site))
        {
            return;
        }

        row.Search.Add(SiteFigures.Budget(site, row.Articles));
        options.Log.WriteLine($"  {row.Search[^1]}");
        row.Search.Add(SearchLatency.IndexFigures(site));
        options.Log.WriteLine($"  {row.Search[^1]}");
        if (!options.Browser)
        {
            row.Search.Add("search in the browser: skipped (--no-browser)");
            return;
        }

        try
        {
            row.Search.Add(SearchLatency.BrowserFiguresAsync(site, options.Log).GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is PuppeteerSharp.PuppeteerException or IOException or TimeoutException or InvalidOperationException)
        {
            row.Search.Add($"search in the browser: failed ({e.GetType().Name}: {e.Message.Split('\n')[0]})");
        }
    }

    private static string Import(BenchOptions options, string dir)
    {
        TryDelete(dir);
        var generator = new ArchiveGenerator(new ArchiveSpec(options.ImportFiles, options.Seed));
        var raw = Path.Combine(dir, "raw");
        ArchiveWriter.WriteRawFeedFiles(generator, raw, options.ImportFiles);
        var content = Path.Combine(dir, "content");
        ArchiveWriter.WriteOutlets(generator, Path.Combine(content, "outlets"));
        var m = ChildProcess.Run(options.SiteGen.Program, options.SiteGen.With("import", raw, "--content", content));
        Report(options.Log, "import", m);
        var imported = Directory.Exists(Path.Combine(content, "articles")) ? Directory.EnumerateFiles(Path.Combine(content, "articles"), "*.md", SearchOption.AllDirectories).Count() : 0;
        TryDelete(dir);
        return m.Ok
            ? $"import: {options.ImportFiles} raw RSS-dump files → {imported} articles in {m.Wall.TotalSeconds:F2} s wall = {options.ImportFiles / m.Wall.TotalSeconds:F0} files/s (peak RSS {Mib(m.PeakRssBytes)}); sitegen says: {m.StdOut.Trim().Split('\n')[^1]}"
            : $"import failed (exit {m.ExitCode}): {m.StdErr.Trim()}";
    }

    /// <summary>The printed table (Markdown, so it pastes into docs/performance.md).</summary>
    public static string Table(IReadOnlyList<BenchRow> rows, int runs)
    {
        var lines = new List<string>
        {
            "| N | SiteGen wall | SiteGen peak RSS | Hugo wall | Hugo peak RSS | wall ratio | RSS ratio | floor wall / RSS | warm rebuild (build) | pages (ours / Hugo) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        };
        foreach (var r in rows)
        {
            string Wall(Measurement? m) => m is null ? "–" : m.Ok ? $"{m.Wall.TotalSeconds:F2} s" : $"failed ({m.ExitCode})";
            string Rss(Measurement? m) => m is null || !m.Ok ? "–" : Mib(m.PeakRssBytes);
            var ratio = r.SiteGen is { Ok: true } s && r.Hugo is { Ok: true } h ? $"{s.Wall.TotalSeconds / h.Wall.TotalSeconds:F2}" : "–";
            var rss = r.SiteGen is { Ok: true, PeakRssBytes: > 0 } s2 && r.Hugo is { Ok: true, PeakRssBytes: > 0 } h2 ? $"{(double)s2.PeakRssBytes / h2.PeakRssBytes:F2}" : "–";
            var floor = r.Floor is { Ok: true } f ? $"{f.Wall.TotalSeconds:F2} s / {Mib(f.PeakRssBytes)}" : "–";
            var warm = r.Warm is { Ok: true } w ? $"{w.Wall.TotalSeconds:F2} s ({r.WarmReported:F2} s)" : "–";
            lines.Add($"| {Label(r)} | {Wall(r.SiteGen)} | {Rss(r.SiteGen)} | {Wall(r.Hugo)} | {Rss(r.Hugo)} | {ratio} | {rss} | {floor} | {warm} | {r.SiteGenPages:N0} / {(r.Hugo is null ? "–" : r.HugoPages.ToString("N0", CultureInfo.InvariantCulture))} |");
        }

        lines.Add("");
        foreach (var r in rows)
        {
            if (r.FloorDetail is { } detail)
            {
                lines.Add($"N={Label(r)} {detail}");
            }

            if (r.Timings is { } timings)
            {
                lines.Add($"N={Label(r)} build phases (last run): {timings}");
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>The row's N, with the archive's name for <c>--archive</c>.</summary>
    internal static string Label(BenchRow r) => r.Name is { } name ? $"{r.Articles:N0} ({name})" : $"{r.Articles:N0}";

    private static List<Measurement> Repeat(int runs, Func<Measurement> run, TextWriter log, string what)
    {
        var results = new List<Measurement>();
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            var m = run();
            Report(log, what, m);
            results.Add(m);
            if (!m.Ok)
            {
                break;
            }
        }

        return results;
    }

    private static void Report(TextWriter log, string what, Measurement m)
    {
        log.WriteLine(m.Ok
            ? $"  {what}: {m.Wall.TotalSeconds:F2} s, peak RSS {Mib(m.PeakRssBytes)}"
            : $"  {what}: FAILED with exit code {m.ExitCode}\n{Indent(m.StdErr)}\n{Indent(m.StdOut)}");
    }

    private static string Indent(string text) => string.Join('\n', text.Trim().Split('\n').TakeLast(20).Select(l => "    " + l));

    /// <summary>The run of median wall time, with the median peak RSS of all the runs.</summary>
    private static Measurement? Median(List<Measurement> runs)
    {
        var ok = runs.Where(m => m.Ok).ToList();
        if (ok.Count == 0)
        {
            return runs.LastOrDefault();
        }

        var byWall = ok.OrderBy(m => m.Wall).ToList();
        var rss = ok.Select(m => m.PeakRssBytes).Order().ToList();
        return byWall[byWall.Count / 2] with { PeakRssBytes = rss[rss.Count / 2] };
    }

    private static double? MedianOf(IEnumerable<double?> values)
    {
        var list = values.OfType<double>().Order().ToList();
        return list.Count == 0 ? null : list[list.Count / 2];
    }

    /// <summary>The time <c>sitegen build</c> prints: "… in 3.21 s".</summary>
    private static double? ReportedSeconds(string stdout) =>
        BuiltIn().Match(stdout) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The search phase's share of the build, from a <c>timings:</c> line ("search 0.12 s, …").</summary>
    internal static string SearchShare(string timings)
    {
        var phases = timings.Split(", ").Select(p => p.Split(' ')).Where(p => p.Length == 3 && double.TryParse(p[1], System.Globalization.CultureInfo.InvariantCulture, out _))
            .ToDictionary(p => p[0], p => double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var total = phases.Values.Sum();
        return phases.TryGetValue("search", out var search) && total > 0 ? $"{search:F2} s of {total:F2} s ({search / total:P0})" : "not reported";
    }

    private static string? TimingLine(string stdout) =>
        stdout.Split('\n').FirstOrDefault(l => l.StartsWith("timings:", StringComparison.Ordinal))?["timings:".Length..].Trim();

    [GeneratedRegex(@"built .* in ([0-9.]+) s")]
    private static partial Regex BuiltIn();

    internal static string Mib(long bytes) => bytes <= 0 ? "?" : bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):F2} GiB" : $"{bytes / 1048576.0:F0} MiB";

    private static int CountHtml(string dir) => Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.html", SearchOption.AllDirectories).Count() : 0;

    private static long DirSize(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static string DefaultWorkDir()
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        return Path.Combine(root, $"sitegen-bench-{Environment.ProcessId}");
    }

    private static string TotalMemory()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            var kb = long.Parse(new string(line.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
            return $"{kb / 1048576.0:F1} GiB memory";
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return "memory unknown";
        }
    }

    internal static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
