using SiteGen.Serving;
using Xunit.Abstractions;

namespace SiteGen.Tests.Serving;

/// <summary>Edit-to-reload latency (printed): the shipped archive always; a generated 10,000-article archive when SITEGEN_PROBE_10K=1.</summary>
public class ServeLatencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Edit_to_reload_latency_on_the_shipped_archive()
    {
        var report = await ServeLatencyProbe.MeasureAsync(TestPaths.Content, Path.Combine(TestPaths.RepoRoot, "themes"), edits: 8, label: "shipped archive");
        output.WriteLine(report.ToString());
        output.WriteLine("latencies ms: " + string.Join(", ", report.LatenciesMs.Select(l => l.ToString("F0", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(8, report.LatenciesMs.Count);
        Assert.True(report.Median < 2000, report.ToString()); // the target is 100 ms; the bound here only catches a broken watcher on a busy machine
    }

    [Fact]
    public async Task Edit_to_reload_latency_on_a_generated_10000_article_archive()
    {
        if (Environment.GetEnvironmentVariable("SITEGEN_PROBE_10K") != "1")
        {
            output.WriteLine("skipped: set SITEGEN_PROBE_10K=1 (a few minutes on two cores)");
            return;
        }

        var report = await ServeLatencyProbe.MeasureAsync(TestPaths.Content, Path.Combine(TestPaths.RepoRoot, "themes"), edits: 8, articles: 10_000, label: "generated archive");
        output.WriteLine(report.ToString());
        output.WriteLine("latencies ms: " + string.Join(", ", report.LatenciesMs.Select(l => l.ToString("F0", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(8, report.LatenciesMs.Count);
    }
}
