using System.Diagnostics;

namespace SiteGen.Tests.Cli;

/// <summary>Runs the built sitegen CLI (same configuration as the tests) as a process.</summary>
public static class SitegenProcess
{
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
            return Path.Combine(TestPaths.RepoRoot, "src", "SiteGen.Cli", "bin", configuration, "net10.0", "sitegen.dll");
        }
    }

    public static (int ExitCode, string Out, string Err) Run(string workingDir, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDir };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("sitegen did not finish in 120 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
