using SiteGen.Tests.Cli;

namespace SiteGen.Tests.Bench;

public class ServeBenchTests
{
    [Fact]
    public void Bench_serve_prints_the_edit_to_reload_latency_of_the_shipped_and_a_generated_archive_against_the_targets()
    {
        var (exit, stdout, stderr) = CliRunner.RunBench("serve", "--sizes", "300", "--edits", "2");
        Assert.True(exit == 0, stderr + stdout);
        Assert.Matches(@"serve latency, shipped archive: \d+ articles, \d+ pages, .*edit → SSE reload over 2 edits: median \d+ ms, p95 \d+ ms.*search files current after median \d+ ms.* — target median under 100 ms: (met|NOT met)", stdout);
        Assert.Matches(@"serve latency, generated archive N=300: 300 articles, .* — target median under 100 ms: (met|NOT met)", stdout);
    }

    [Fact]
    public void The_shipped_archive_is_found_from_the_tests_folder() =>
        Assert.Equal(Path.GetFullPath(TestPaths.Content), SiteGen.Bench.ServeBench.FindShippedContent());
}
