using System.Diagnostics;
using System.Globalization;
using SiteGen.Content;
using SiteGen.Model;
using SiteGen.Publishing;

namespace SiteGen.Serving;

/// <summary>Edit-to-reload latency of <c>sitegen serve</c>, measured end to end.</summary>
public sealed record ServeLatencyReport(
    string Archive,
    int Articles,
    int Pages,
    double InitialBuildMs,
    TimeSpan Debounce,
    IReadOnlyList<double> LatenciesMs,
    IReadOnlyList<double> RebuildsMs)
{
    public double Median => Percentile(LatenciesMs, 0.5);

    public double P95 => Percentile(LatenciesMs, 0.95);

    public double Max => LatenciesMs.Count == 0 ? 0 : LatenciesMs.Max();

    public double MedianRebuild => Percentile(RebuildsMs, 0.5);

    /// <summary>From the edit to the search files being up to date in the served site (they follow the reload), per edit.</summary>
    public IReadOnlyList<double> SearchCurrentMs { get; init; } = [];

    /// <summary>The median time of each phase of the rebuilds (settings, theme, articles, link, views, plan, render, feeds, check).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Phases { get; init; } = [];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"serve latency, {Archive}: {Articles} articles, {Pages} pages, first build {InitialBuildMs / 1000:F1} s; edit → SSE reload over {LatenciesMs.Count} edits: median {Median:F0} ms, p95 {P95:F0} ms, max {Max:F0} ms (of which the debounce {Debounce.TotalMilliseconds:F0} ms and the rebuild median {MedianRebuild:F0} ms: {string.Join(", ", Phases.Select(p => $"{p.Key} {p.Value:F0}"))}){(SearchCurrentMs.Count > 0 ? $"; search files current after median {Percentile(SearchCurrentMs, 0.5):F0} ms, p95 {Percentile(SearchCurrentMs, 0.95):F0} ms" : "")}");

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}

/// <summary>
/// Measures what an editor feels: from the moment an article file is written to the moment an open
/// page receives the <c>reload</c> event over Server-Sent Events, through the real watcher, debounce,
/// incremental rebuild and Kestrel. Works on a copy of the content (never the original), optionally
/// grown to a given number of articles by cloning the archive's own articles. For <c>sitegen bench</c>
/// and the tests.
/// </summary>
public static class ServeLatencyProbe
{
    public static async Task<ServeLatencyReport> MeasureAsync(string contentDir, string? themesDir = null, int edits = 10, int articles = 0, string? label = null, CancellationToken cancel = default)
    {
        var work = Path.Combine(Path.GetTempPath(), "sitegen-probe-" + Guid.NewGuid().ToString("N"));
        var content = Path.Combine(work, "content");
        try
        {
            CopyContent(contentDir, content);
            if (articles > 0)
            {
                GrowArchive(content, articles);
            }

            var themes = themesDir ?? FindThemes(contentDir);
            using var site = new LiveSite(new BuildOptions(content, Path.Combine(work, "unused")) { ThemesDir = themes });
            await using var server = await PreviewServer.StartAsync(site, "127.0.0.1", 0).ConfigureAwait(false);
            site.BaseUrl = server.Address.GetLeftPart(UriPartial.Authority) + "/";
            var first = site.Rebuild();
            if (!first.Result.Succeeded)
            {
                throw new InvalidOperationException("the archive does not build: " + string.Join("; ", first.Result.Errors.Take(5)));
            }

            site.WarmUp(); // as `sitegen serve` does in the background after the first build
            await site.WhenSearchCurrent().ConfigureAwait(false);
            site.StartWatching();

            using var http = new HttpClient { BaseAddress = server.Address, Timeout = Timeout.InfiniteTimeSpan };
            using var stream = await http.GetStreamAsync(new Uri("__sitegen/events", UriKind.Relative), cancel).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            var reloads = System.Threading.Channels.Channel.CreateUnbounded<long>();
            var listen = Task.Run(async () =>
            {
                while (await reader.ReadLineAsync(cancel).ConfigureAwait(false) is { } line)
                {
                    if (line == "event: reload")
                    {
                        reloads.Writer.TryWrite(Stopwatch.GetTimestamp());
                    }
                }
            }, cancel);

            var files = Directory.EnumerateFiles(Path.Combine(content, "articles"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            var latencies = new List<double>();
            var rebuilds = new List<double>();
            var phases = new List<IReadOnlyList<KeyValuePair<string, double>>>();
            var searches = new List<double>();
            for (var i = -1; i < edits; i++)
            {
                var file = files[(i + 1) * 7919 % files.Length];
                var text = await File.ReadAllTextAsync(file, cancel).ConfigureAwait(false);
                var start = Stopwatch.GetTimestamp();
                await File.WriteAllTextAsync(file, text.TrimEnd('\n') + $"\n\nProbe edit {i + 2}.\n", cancel).ConfigureAwait(false);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                wait.CancelAfter(TimeSpan.FromSeconds(60));
                var at = await reloads.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
                var outcome = site.LastOutcome;

                // The next edit comes once the search files are current too (an editor reads the page first).
                await site.WhenSearchCurrent().WaitAsync(wait.Token).ConfigureAwait(false);
                var searched = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (i >= 0)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(start, at).TotalMilliseconds);
                    rebuilds.Add(outcome?.Result.Elapsed.TotalMilliseconds ?? 0);
                    phases.Add(outcome?.Timings ?? []);
                    searches.Add(searched);
                }

                await Task.Delay(150, cancel).ConfigureAwait(false);
            }

            return new ServeLatencyReport(label ?? Path.GetFileName(Path.GetFullPath(contentDir).TrimEnd(Path.DirectorySeparatorChar)), first.Result.Articles, first.Result.Pages, first.Result.Elapsed.TotalMilliseconds, site.Debounce, latencies, rebuilds)
            {
                SearchCurrentMs = site.DeferSearch ? searches : [],
                Phases = phases.SelectMany(p => p).GroupBy(p => p.Key).Select(g => new KeyValuePair<string, double>(g.Key, g.Select(p => p.Value).Order().ElementAt(g.Count() / 2))).ToArray(),
            };
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// Grows a content folder to <paramref name="total"/> articles by cloning its own articles with new
    /// ids, one hour apart further into the past (cheap: front matter changed, bodies kept).
    /// </summary>
    public static void GrowArchive(string contentDir, int total)
    {
        var originals = ArticleStore.Open(contentDir).Articles.Select(a => a.Article).ToArray();
        if (originals.Length == 0)
        {
            throw new InvalidOperationException("no articles to clone");
        }

        Parallel.For(0, Math.Max(0, total - originals.Length), n =>
        {
            var source = ArticleFile.Parse(ArticleFile.Write(originals[n % originals.Length]));
            source.Id = $"{source.Outlet}-g{n:D5}";
            source.TranslationOf = null;
            source.Published = new PublishedDate(source.Published.Value.AddHours(-(n + 1)), source.Published.HasTime);
            var path = Path.Combine(contentDir, ArticleStore.RelativePath(source));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, ArticleFile.Write(source));
        });
    }

    private static void CopyContent(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("sources", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindThemes(string contentDir)
    {
        var beside = Path.Combine(Path.GetFullPath(contentDir), "..", "themes");
        return Directory.Exists(beside) ? Path.GetFullPath(beside) : Path.Combine(AppContext.BaseDirectory, "themes");
    }
}
