using System.CommandLine;
using System.Diagnostics;

namespace SiteGen.Cli.Commands;

/// <summary>
/// <c>sitegen bench …</c>: the benchmark is its own program (src/SiteGen.Bench), so the sitegen tool carries
/// none of its dependencies (a headless browser driver). In a clone of the repository this starts it with the
/// same arguments (<c>dotnet run -c Release --project src/SiteGen.Bench -- …</c>); elsewhere it says how.
/// </summary>
internal static class BenchCommand
{
    private const string Project = "src/SiteGen.Bench/SiteGen.Bench.csproj";

    /// <summary>Listed in <c>sitegen --help</c>; Program hands <c>bench</c> and everything after it to <see cref="Run"/> unparsed.</summary>
    public static Command Create() =>
        new("bench", "Benchmark SiteGen side by side with Hugo on real-text archives (docs/performance.md). Its own program in src/SiteGen.Bench, started from a clone of the repository; `sitegen bench --help` lists its options.");

    /// <summary>Starts the bench program with <paramref name="args"/> and returns its exit code.</summary>
    public static int Run(IEnumerable<string> args)
    {
        var project = FindUp(Project);
        if (project is null)
        {
            Console.Error.WriteLine($"error: the benchmark is not part of the installed tool: run it from a clone of the repository (dotnet run -c Release --project {Project} -- --help)");
            return ExitCodes.Usage;
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var a in new[] { "run", "-c", "Release", "--project", project, "--" }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    private static string? FindUp(string relative)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
