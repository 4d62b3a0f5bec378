using System.Diagnostics;
using SiteGen.Tests.Hostile;
using Xunit.Abstractions;

namespace SiteGen.Tests.Cli;

/// <summary>
/// An archivist's own repository from nothing (issue 20): <c>sitegen init</c>, the pinned tool package
/// put in the archive's package folder, the five seeds imported with the restored tool, then the
/// <c>run:</c> steps of the archive's own <c>.github/workflows/pages.yml</c> as a script (restore,
/// <c>build --strict</c> with the base URL configure-pages would give, <c>check</c>). The workflow passes
/// actionlint, and the site it builds passes the site scan (every page and feed: no raw HTML from the
/// sources, links and addresses inside the site or http(s), the CSP) in both UIs.
/// </summary>
public class ArchiveWorkflowTests(ITestOutputHelper output)
{
    private const string BaseUrl = "https://example.github.io/archive";

    [Fact]
    [Trait("Needs", "shared")]
    public void An_archive_made_by_init_imports_the_seeds_and_its_own_workflow_builds_and_checks_it()
    {
        var dir = TestPaths.NewTempDir();
        var nupkg = CliPackageTests.PackTool(Path.Combine(dir, "packages"));
        var archive = Path.Combine(dir, "archive");
        var (code, _, stderr) = CliRunner.Run("init", archive);
        Assert.True(code == 0, stderr);
        File.Copy(nupkg, Path.Combine(archive, ".sitegen", "packages", Path.GetFileName(nupkg)));

        // The outlets the seeds come from, described as the archivist would (the shipped outlet files).
        foreach (var outlet in Directory.GetFiles(Path.Combine(TestPaths.Content, "outlets"), "*.yml"))
        {
            File.Copy(outlet, Path.Combine(archive, "content", "outlets", Path.GetFileName(outlet)));
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["NUGET_PACKAGES"] = Path.Combine(archive, ".nuget-packages"), ["CI"] = "true", ["DOTNET_NOLOGO"] = "1" };
        var (exit, log) = WorkflowSteps.Bash(archive, $"dotnet tool restore && dotnet tool run sitegen import '{TestPaths.Seeds}'", env);
        Assert.True(exit == 0, WorkflowSteps.Tail(log));
        Assert.Equal(5, Directory.GetFiles(Path.Combine(archive, "content", "articles"), "*.md", SearchOption.AllDirectories).Length);

        var workflow = Path.Combine(archive, ".github", "workflows", "pages.yml");
        var steps = WorkflowSteps.Read(workflow);
        Assert.Contains(steps, s => s.Script.Contains("sitegen build --strict", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Script.Contains("sitegen check", StringComparison.Ordinal));
        foreach (var step in steps)
        {
            var script = step.Script.Replace("${{ steps.pages.outputs.base_url }}", BaseUrl, StringComparison.Ordinal);
            Assert.DoesNotContain("${{", script, StringComparison.Ordinal);
            var stepEnv = new Dictionary<string, string>(step.Env, StringComparer.Ordinal);
            foreach (var (key, value) in env)
            {
                stepEnv[key] = value;
            }

            var clock = Stopwatch.StartNew();
            (exit, log) = WorkflowSteps.Bash(Path.Combine(archive, step.WorkingDirectory), script, stepEnv);
            output.WriteLine($"step '{step.Name}': exit {exit} in {clock.Elapsed.TotalSeconds:F0} s");
            Assert.True(exit == 0, $"step '{step.Name}' failed with exit code {exit}:\n{script}\n{WorkflowSteps.Tail(log)}");
        }

        var site = Path.Combine(archive, "public");
        var (pages, feeds) = SiteScan.AssertSiteSafe(site, "/archive/");
        Assert.True(File.Exists(Path.Combine(site, "zh", "index.html")) && File.Exists(Path.Combine(site, "en", "index.html")));
        Assert.Equal(5, new[] { "zh", "en" }.Sum(lang => Directory.Exists(Path.Combine(site, lang, "articles")) ? Directory.GetDirectories(Path.Combine(site, lang, "articles")).Length : 0));
        output.WriteLine($"site: {pages} pages and {feeds} feeds scanned");

        var lint = ActionLint.Run(workflow);
        Assert.True(lint.Exit == 0, lint.Log);
    }
}
