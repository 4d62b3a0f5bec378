namespace SiteGen.Tests.Publishing;

/// <summary>The repository's own workflows and the one <c>sitegen init</c> writes pass actionlint; a broken one does not.</summary>
public class WorkflowLintTests
{
    [Theory]
    [InlineData("ci.yml")]
    [InlineData("pages.yml")]
    public void The_repository_workflows_pass_actionlint(string name)
    {
        var (exit, log) = ActionLint.Run(Path.Combine(TestPaths.RepoRoot, ".github", "workflows", name));
        Assert.True(exit == 0, log);
    }

    [Fact]
    public void The_archive_workflow_init_writes_passes_actionlint_and_a_broken_one_fails()
    {
        var dir = TestPaths.NewTempDir();
        var workflow = Path.Combine(dir, "pages.yml");
        var text = SiteGen.Content.ArchiveScaffold.Files("1.0.0").Single(f => f.Key == ".github/workflows/pages.yml").Value;
        File.WriteAllText(workflow, text);
        var (exit, log) = ActionLint.Run(workflow);
        Assert.True(exit == 0, log);

        File.WriteAllText(workflow, text.Replace("steps.pages.outputs.base_url", "steps.nosuch.outputs.base_url", StringComparison.Ordinal));
        Assert.NotEqual(0, ActionLint.Run(workflow).Exit);
    }
}
