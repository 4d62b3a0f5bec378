using System.Diagnostics;

namespace SiteGen.Tests.Cli;

/// <summary>Runs the built <c>sitegen</c> CLI as a separate process, as a user would (CI=true, no stdin).</summary>
public static class CliRunner
{
    public static string CliPath
    {
        get
        {
            // Tests and CLI are built with the same configuration: bin/<Configuration>/net10.0.
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var path = Path.Combine(TestPaths.RepoRoot, "src", "SiteGen.Cli", "bin", configuration, "net10.0", "sitegen.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("build the CLI first", path);
        }
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => Run(args, []);

    /// <summary>Runs the CLI behind <paramref name="wrapper"/> (e.g. <c>setpriv … --</c> to drop privileges).</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string[] args, string[] wrapper)
    {
        var info = new ProcessStartInfo(wrapper.Length > 0 ? wrapper[0] : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var part in wrapper.Skip(1))
        {
            info.ArgumentList.Add(part);
        }

        if (wrapper.Length > 0)
        {
            info.ArgumentList.Add("dotnet");
            info.Environment["HOME"] = Path.GetTempPath();
            info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }

        info.ArgumentList.Add(CliPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CI"] = "true";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sitegen {string.Join(' ', args)} did not finish");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
