namespace SiteGen.Tests.Cli;

/// <summary>The sitegen tool carries the pipeline only: the benchmark and its browser driver are their own program.</summary>
public class ToolDependenciesTests
{
    [Theory]
    [InlineData("PuppeteerSharp")]
    [InlineData("WebDriverBiDi")]
    [InlineData("SiteGen.Bench")]
    public void The_tool_does_not_depend_on_the_benchmark(string library)
    {
        var deps = File.ReadAllText(Path.ChangeExtension(CliRunner.CliPath, ".deps.json"));
        Assert.Contains("SiteGen.Core", deps, StringComparison.Ordinal);
        Assert.DoesNotContain(library, deps, StringComparison.Ordinal);
    }
}
