using System.Diagnostics;

namespace SiteGen.Tests.Cli;

/// <summary>Runs the built <c>sitegen</c> CLI as a separate process, as a user would (CI=true, no stdin).</summary>
public static class CliRunner
{
    public static string CliPath => Built("SiteGen.Cli", "sitegen.dll");

    /// <summary>The bench program (src/SiteGen.Bench), its own executable since the tool stopped carrying it.</summary>
    public static string BenchPath => Built("SiteGen.Bench", "SiteGen.Bench.dll");

    private static string Built(string project, string dll)
    {
        // Tests and programs are built with the same configuration: bin/<Configuration>/net10.0.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(TestPaths.RepoRoot, "src", project, "bin", configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException("build " + project + " first", path);
    }

    /// <summary>
    /// A copy of the CLI's output folder that every user can read, for runs with dropped privileges: a
    /// fresh clone may sit in a folder only its owner can enter (mktemp -d makes them 0700).
    /// </summary>
    private static readonly Lazy<string> SharedCliPath = new(() =>
    {
        if (OperatingSystem.IsWindows())
        {
            return CliPath;
        }

        var source = Path.GetDirectoryName(CliPath)!;
        var target = Path.Combine(Path.GetTempPath(), "sitegen-cli-" + Guid.NewGuid().ToString("N"));
        const UnixFileMode Dir = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        Directory.CreateDirectory(target, Dir);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)), Dir);
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, FileMode);
        }

        return Path.Combine(target, Path.GetFileName(CliPath));
    });

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => Run(args, []);

    /// <summary>Runs the bench program as a child process, as <c>sitegen bench</c> does in a clone.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunBench(params string[] args) => Run(args, [], program: BenchPath);

    /// <summary>Runs the CLI from <paramref name="workingDir"/> (relative defaults such as <c>public/</c> land there).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunIn(string workingDir, params string[] args) => Run(args, [], workingDir);

    /// <summary>Runs the CLI behind <paramref name="wrapper"/> (e.g. <c>setpriv … --</c> to drop privileges).</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string[] args, string[] wrapper, string? workingDir = null, string? program = null)
    {
        var info = new ProcessStartInfo(wrapper.Length > 0 ? wrapper[0] : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        if (workingDir is not null)
        {
            info.WorkingDirectory = workingDir;
        }

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

        info.ArgumentList.Add(program ?? (wrapper.Length > 0 ? SharedCliPath.Value : CliPath));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CI"] = "true";
        return Finish(info, TimeSpan.FromMinutes(5), $"sitegen {string.Join(' ', args)}");
    }

    /// <summary>
    /// Starts <paramref name="info"/> (its three streams redirected) with no input, reads both outputs to
    /// the end, and kills the process tree when it runs past <paramref name="timeout"/>: the one way the
    /// tests run a child process to completion.
    /// </summary>
    public static (int ExitCode, string Stdout, string Stderr) Finish(ProcessStartInfo info, TimeSpan timeout, string what)
    {
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish in {timeout}");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
