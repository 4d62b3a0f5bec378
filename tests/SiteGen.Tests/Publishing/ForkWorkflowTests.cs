using System.Diagnostics;
using System.Text.Json;
using SiteGen.Tests.Cli;
using Xunit.Abstractions;

namespace SiteGen.Tests.Publishing;

/// <summary>
/// A fork as GitHub Pages builds it: a copy of the repository with its own <c>content/</c> (three seed
/// articles imported with <c>sitegen import</c>, the shipped outlets) and no <c>../shared</c> beside it,
/// on which the <c>run:</c> steps of <c>.github/workflows/pages.yml</c> run as they are written (read
/// from the YAML, so this test follows the workflow), with the base URL configure-pages would give.
/// </summary>
public class ForkWorkflowTests(ITestOutputHelper output)
{
    private const string BaseUrl = "https://example.github.io/repo";

    // The workflow's test step without ../shared runs every test that needs none (about 4 minutes on
    // its own, and it would run this test again inside itself); here it runs only tests that read the
    // committed fixtures, the shipped archive's copy included, which is what a fork's content/ must
    // not break. The step's other commands run unchanged.
    private const string WorkflowFilter = "\"Needs!=shared\"";
    private const string FixtureFilter = "\"Needs!=shared&(FullyQualifiedName~SiteGen.Tests.Rendering.EventPageTests|FullyQualifiedName~SiteGen.Tests.Content.ParsedFileMemoTests|FullyQualifiedName~SiteGen.Tests.Events.EventStoreTests|FullyQualifiedName~SiteGen.Tests.Link.SiteModelMemoryTests)\"";

    [Fact]
    [Trait("Needs", "shared")]
    public void Pages_workflow_builds_a_fork_with_its_own_three_articles_and_no_shared_checkout()
    {
        var workspace = TestPaths.NewTempDir();
        var fork = Path.Combine(workspace, "sitegen"); // as the workflow checks out; no workspace/shared
        CopyRepository(TestPaths.RepoRoot, fork);
        Assert.False(Directory.Exists(Path.Combine(workspace, "shared")));

        // The fork's own archive: the shipped outlets, three seeds, nothing else of the shipped content/.
        var content = Path.Combine(fork, "content");
        Directory.Delete(content, recursive: true);
        Directory.CreateDirectory(Path.Combine(content, "outlets"));
        foreach (var outlet in Directory.GetFiles(Path.Combine(TestPaths.Content, "outlets"), "*.yml"))
        {
            File.Copy(outlet, Path.Combine(content, "outlets", Path.GetFileName(outlet)));
        }

        File.WriteAllText(Path.Combine(content, "site.yml"), "title_en: My Fork\ntitle_zh: 我的档案\n");
        var report = Path.Combine(workspace, "import.json");
        var (code, stdout, stderr) = CliRunner.Run("import", TestPaths.Seed("000"), TestPaths.Seed("001"), TestPaths.Seed("003"), "--content", content, "--report", report);
        Assert.True(code == 0, stderr + stdout);
        using var imported = JsonDocument.Parse(File.ReadAllText(report));
        var ids = imported.RootElement.EnumerateArray().Select(e => Assert.IsType<string>(e.GetProperty("id").GetString())).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, ids.Distinct(StringComparer.Ordinal).Count());

        var steps = WorkflowSteps.Read(Path.Combine(fork, ".github", "workflows", "pages.yml"));
        Assert.Contains(steps, s => s.Script.Contains("sitegen.Cli", StringComparison.OrdinalIgnoreCase) && s.Script.Contains(" build ", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Script.Contains("dotnet test", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Script.Contains(" check", StringComparison.Ordinal));
        foreach (var step in steps)
        {
            var script = step.Script.Replace("${{ steps.pages.outputs.base_url }}", BaseUrl, StringComparison.Ordinal);
            if (script.Contains(WorkflowFilter, StringComparison.Ordinal))
            {
                script = script.Replace(WorkflowFilter, FixtureFilter, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("${{", script, StringComparison.Ordinal);
            var clock = Stopwatch.StartNew();
            var (exit, log) = WorkflowSteps.Bash(Path.Combine(workspace, step.WorkingDirectory), script, step.Env);
            output.WriteLine($"step '{step.Name}': exit {exit} in {clock.Elapsed.TotalSeconds:F0} s");
            Assert.True(exit == 0, $"step '{step.Name}' failed with exit code {exit}:\n{script}\n{WorkflowSteps.Tail(log)}");
            if (step.Script.Contains("dotnet test", StringComparison.Ordinal))
            {
                Assert.Contains("::notice::../shared is not checked out", log, StringComparison.Ordinal);
                var summary = Assert.Single(System.Text.RegularExpressions.Regex.Matches(log, @"Passed!\s+- Failed:\s+0, Passed:\s+[1-9][^\n]*"));
                output.WriteLine($"  {summary.Value.Trim()}");
            }
        }

        // The site holds the fork's three articles (each once, in its language's UI) and no other.
        var site = Path.Combine(fork, "public");
        var pages = new[] { "zh", "en" }
            .Select(lang => Path.Combine(site, lang, "articles"))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories)
            .Select(d => Path.GetFileName(d))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(ids, pages);
        foreach (var id in ids)
        {
            Assert.Contains(new[] { "zh", "en" }, lang => File.Exists(Path.Combine(site, lang, "articles", id, "index.html")));
        }

        var home = File.ReadAllText(Path.Combine(site, "zh", "index.html"));
        Assert.Contains("href=\"/repo/", home, StringComparison.Ordinal);
        Assert.Contains("My Fork", File.ReadAllText(Path.Combine(site, "en", "index.html")), StringComparison.Ordinal);
    }

    /// <summary>The repository's files as a checkout has them (tracked and new, not ignored: no bin/, obj/ or .git).</summary>
    private static void CopyRepository(string repo, string target)
    {
        var (exit, log) = WorkflowSteps.Bash(repo, "git ls-files -z --cached --others --exclude-standard", new Dictionary<string, string>());
        Assert.True(exit == 0, "git ls-files failed: " + log);
        var copied = 0;
        foreach (var relative in log.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(repo, relative);
            if (!File.Exists(source))
            {
                continue; // deleted in the working tree
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
            copied++;
        }

        Assert.True(copied > 100, $"only {copied} files copied from {repo}");
    }
}
