using SiteGen.Tests.Cli;

namespace SiteGen.Tests.Bench;

[Trait("Needs", "shared")] // the generator draws its text from ../shared (RealTextPool)
public class BenchCommandTests
{
    [Fact]
    public void Bench_runs_our_side_on_a_small_archive_and_prints_the_table()
    {
        var work = TestPaths.NewTempDir();
        var (exit, stdout, stderr) = CliRunner.RunBench("--sizes", "50", "--runs", "1", "--no-hugo", "--import-files", "20", "--work", work, "--no-browser");
        Assert.True(exit == 0, stderr + stdout);
        Assert.Contains("| N | SiteGen wall | SiteGen peak RSS | Hugo wall", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\| 50 \| [0-9.]+ s \| [0-9.]+ (MiB|GiB) \| – \|", stdout);
        Assert.Contains("floor: read", stdout, StringComparison.Ordinal);
        Assert.Contains("build phases (last run): settings", stdout, StringComparison.Ordinal);
        Assert.Contains("import: 20 raw RSS-dump files → 20 articles", stdout, StringComparison.Ordinal);
        Assert.Matches(@"search index share of the build \(N=50, last run\): [0-9.]+ s of [0-9.]+ s \(\d+ ?%\)", stdout);
        Assert.Matches(@"N=50 search index: [0-9.]+ MB in \d+ files, \d+ shards, 50 documents; first-query transfer .* '俄罗斯 峰会' \d+ KB \(\d+ files, \d+ hits\)", stdout);
        Assert.Contains("N=50 search in the browser: skipped (--no-browser)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_generate_writes_the_same_archive_for_the_same_seed()
    {
        var a = TestPaths.NewTempDir();
        var b = TestPaths.NewTempDir();
        Assert.Equal(0, CliRunner.RunBench("generate", "--articles", "25", "--seed", "5", "--out", a, "--hugo").ExitCode);
        Assert.Equal(0, CliRunner.RunBench("generate", "--articles", "25", "--seed", "5", "--out", b, "--hugo").ExitCode);
        Assert.Equal(ArchiveGeneratorTests.TreeHash(a), ArchiveGeneratorTests.TreeHash(b));
    }
}
