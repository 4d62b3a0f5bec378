using System.Diagnostics;
using System.Globalization;

namespace SiteGen.Bench;

/// <summary>A finished child process: exit code, wall time, peak resident set size and its output.</summary>
public sealed record Measurement(int ExitCode, TimeSpan Wall, long PeakRssBytes, string StdOut, string StdErr)
{
    public bool Ok => ExitCode == 0;
}

/// <summary>
/// Runs a program as a child process and measures wall time (a stopwatch around the child) and peak
/// RSS: from <c>/usr/bin/time -v</c> when it is installed ("Maximum resident set size"), else by
/// polling <c>VmHWM</c> in <c>/proc/&lt;pid&gt;/status</c> every 10 ms (the high-water mark only grows,
/// so the last reading is at most 10 ms of growth short).
/// </summary>
public static class ChildProcess
{
    public const string TimePath = "/usr/bin/time";

    public static bool HasGnuTime => File.Exists(TimePath);

    public static Measurement Run(string program, IEnumerable<string> arguments, string? workDir = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var args = arguments.ToList();
        string? timeFile = null;
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir ?? Environment.CurrentDirectory,
        };
        if (HasGnuTime)
        {
            timeFile = Path.GetTempFileName();
            start.FileName = TimePath;
            foreach (var a in new[] { "-v", "-o", timeFile, program }.Concat(args))
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = program;
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long polled = 0;
        if (timeFile is null)
        {
            while (!process.WaitForExit(10))
            {
                polled = Math.Max(polled, ReadHighWaterMark(process.Id));
            }
        }

        process.WaitForExit();
        var wall = clock.Elapsed;
        var peak = polled;
        if (timeFile is not null)
        {
            peak = ParseGnuTime(File.ReadAllText(timeFile));
            File.Delete(timeFile);
        }

        return new Measurement(process.ExitCode, wall, peak, stdout.Result, stderr.Result);
    }

    /// <summary>"Maximum resident set size (kbytes): 123456" in bytes, or 0.</summary>
    internal static long ParseGnuTime(string report)
    {
        foreach (var line in report.Split('\n'))
        {
            var t = line.Trim();
            if (t.StartsWith("Maximum resident set size (kbytes):", StringComparison.Ordinal)
                && long.TryParse(t[(t.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
            {
                return kb * 1024;
            }
        }

        return 0;
    }

    private static long ReadHighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var digits = new string(line.Where(char.IsAsciiDigit).ToArray());
                    return long.Parse(digits, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }

    /// <summary>The path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Which(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
