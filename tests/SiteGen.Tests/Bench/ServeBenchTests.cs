using SiteGen.Tests.Cli;

namespace SiteGen.Tests.Bench;

[Trait("Needs", "shared")] // the generated sizes draw their text from ../shared (RealTextPool)
public class ServeBenchTests
{
    [Fact]
    public void Bench_serve_prints_the_edit_to_reload_latency_of_the_shipped_and_a_generated_archive_against_the_targets()
    {
        // The test archive stands for the shipped one (--content), so a fork's own content/ does not matter.
        var (exit, stdout, stderr) = CliRunner.RunBench("serve", "--content", TestPaths.Content, "--sizes", "300", "--edits", "2");
        Assert.True(exit == 0, stderr + stdout);
        Assert.Matches(@"serve latency, shipped archive: \d+ articles, \d+ pages, .*edit → SSE reload over 2 edits: median \d+ ms, p95 \d+ ms.*search files current after median \d+ ms.* — target median under 100 ms: (met|NOT met)", stdout);
        Assert.Matches(@"serve latency, generated archive N=300: 300 articles, .* — target median under 100 ms: (met|NOT met)", stdout);
    }

    [Fact]
    public void The_shipped_archive_is_the_content_folder_of_the_clone_above_the_start_and_nothing_without_its_site_yml()
    {
        var root = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(root, "SiteGen.sln"), "");
        Directory.CreateDirectory(Path.Combine(root, "themes"));
        Directory.CreateDirectory(Path.Combine(root, "content"));
        var deep = Directory.CreateDirectory(Path.Combine(root, "src", "SiteGen.Bench", "bin")).FullName;

        Assert.Null(SiteGen.Bench.ServeBench.FindShippedContent([deep]));
        File.WriteAllText(Path.Combine(root, "content", "site.yml"), "title_en: Mine\n");
        Assert.Equal(Path.Combine(root, "content"), SiteGen.Bench.ServeBench.FindShippedContent([deep]));
    }

    /// <summary>This test is about the repository's own content/ (whatever archive this clone ships), not the test archive.</summary>
    [Fact]
    public void The_repositorys_own_content_is_found_from_the_tests_folder_when_it_holds_an_archive()
    {
        var found = SiteGen.Bench.ServeBench.FindShippedContent();
        if (File.Exists(Path.Combine(TestPaths.RepoContent, "site.yml")))
        {
            Assert.Equal(Path.GetFullPath(TestPaths.RepoContent), found);
        }
        else
        {
            Assert.Null(found);
        }
    }
}
