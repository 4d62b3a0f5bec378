using System.Globalization;
using SiteGen.Serving;

namespace SiteGen.Bench;

/// <summary>What the serve section of <c>sitegen bench</c> (and <c>sitegen bench serve</c>) measures.</summary>
public sealed record ServeBenchOptions
{
    /// <summary>Measure the archive shipped in the repository's <c>content/</c> (when it can be found).</summary>
    public bool Shipped { get; init; } = true;

    /// <summary>The archive measured as the shipped one; null: the repository's <c>content/</c> (<see cref="ServeBench.FindShippedContent()"/>).</summary>
    public string? ShippedContent { get; init; }

    /// <summary>Generated archive sizes to measure (the same seeded archives as the build benchmark).</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [10_000];

    /// <summary>Measured edits per archive (after one unmeasured edit).</summary>
    public int Edits { get; init; } = 10;

    public ulong Seed { get; init; } = 42;

    /// <summary>Where to generate the archives; a new folder under /dev/shm (tmpfs) when present by default.</summary>
    public string? WorkDir { get; init; }

    public TextWriter Log { get; init; } = Console.Out;
}

/// <summary>
/// Edit-to-reload latency of <c>sitegen serve</c> (<see cref="ServeLatencyProbe"/>: the real watcher,
/// debounce, incremental rebuild, Kestrel and the SSE reload event) on the shipped archive and on
/// generated archives, against the targets of docs/serve.md: under 100 ms on the shipped archive and
/// under 300 ms at 10,000 articles.
/// </summary>
public static class ServeBench
{
    public const double ShippedTargetMs = 100;

    public const double LargeTargetMs = 300;

    /// <summary>Measures and prints one line per archive; returns the reports.</summary>
    public static IReadOnlyList<ServeLatencyReport> Run(ServeBenchOptions options)
    {
        var log = options.Log;
        var reports = new List<ServeLatencyReport>();
        if (options.Shipped)
        {
            if ((options.ShippedContent is { } given ? Path.GetFullPath(given) : FindShippedContent()) is { } content)
            {
                // The themes/ beside the archive (the repository's), else the theme shipped with sitegen.
                var report = Measure(() => ServeLatencyProbe.MeasureAsync(content, null, options.Edits, label: "shipped archive"));
                log.WriteLine(Line(report, ShippedTargetMs));
                reports.Add(report);
            }
            else
            {
                log.WriteLine("serve latency, shipped archive: skipped (content/ of the repository not found above the current folder or the program)");
            }
        }

        foreach (var n in options.Sizes)
        {
            var work = options.WorkDir ?? Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), $"sitegen-serve-bench-{Environment.ProcessId}");
            var dir = Path.Combine(work, $"serve-n{n}");
            try
            {
                ArchiveWriter.WriteContent(new ArchiveGenerator(new ArchiveSpec(n, options.Seed)), Path.Combine(dir, "content"));
                var report = Measure(() => ServeLatencyProbe.MeasureAsync(Path.Combine(dir, "content"), null, options.Edits, label: $"generated archive N={n.ToString("N0", CultureInfo.InvariantCulture)}"));
                log.WriteLine(Line(report, n >= 10_000 ? LargeTargetMs : ShippedTargetMs));
                reports.Add(report);
            }
            finally
            {
                BenchRunner.TryDelete(options.WorkDir is null ? work : dir);
            }
        }

        return reports;
    }

    /// <summary>The report and whether its median meets the target.</summary>
    public static string Line(ServeLatencyReport report, double targetMs) =>
        string.Create(CultureInfo.InvariantCulture, $"{report} — target median under {targetMs:F0} ms: {(report.Median < targetMs ? "met" : "NOT met")}");

    /// <summary>The repository's <c>content/</c>, looked for above the current folder and above the program.</summary>
    public static string? FindShippedContent() => FindShippedContent([Environment.CurrentDirectory, AppContext.BaseDirectory]);

    /// <summary>The content/ of the first repository clone (SiteGen.sln, content/site.yml, themes/) at or above one of <paramref name="starts"/>.</summary>
    public static string? FindShippedContent(IEnumerable<string> starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln")) && File.Exists(Path.Combine(dir.FullName, "content", "site.yml")) && Directory.Exists(Path.Combine(dir.FullName, "themes")))
                {
                    return Path.Combine(dir.FullName, "content");
                }
            }
        }

        return null;
    }

    private static ServeLatencyReport Measure(Func<Task<ServeLatencyReport>> probe) => Task.Run(probe).GetAwaiter().GetResult();
}
