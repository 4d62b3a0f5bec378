namespace SiteGen.Bench;

/// <summary>The benchmark's own set-up: Hugo (Debian's package) and GNU time, installed with apt when missing.</summary>
public static class Setup
{
    /// <summary>The path of <c>hugo</c>, installing Debian's package when it is missing; null (with a message) when that fails.</summary>
    public static string? EnsureHugo(TextWriter log)
    {
        if (ChildProcess.Which("hugo") is { } found)
        {
            return found;
        }

        log.WriteLine("hugo is not installed: running apt-get install -y hugo …");
        if (AptInstall("hugo", log) && ChildProcess.Which("hugo") is { } installed)
        {
            return installed;
        }

        log.WriteLine("hugo could not be installed (needs root and apt-get; try: sudo apt-get install -y hugo); measuring SiteGen only");
        return null;
    }

    /// <summary>Installs GNU time for peak RSS when missing; polling /proc is the fallback either way.</summary>
    public static void EnsureTime(TextWriter log)
    {
        if (!ChildProcess.HasGnuTime && ChildProcess.Which("apt-get") is not null)
        {
            log.WriteLine("/usr/bin/time is not installed: running apt-get install -y time …");
            if (!AptInstall("time", log))
            {
                log.WriteLine("could not install time; peak RSS comes from polling /proc/<pid>/status");
            }
        }
    }

    public static string HugoVersion(string hugo)
    {
        var m = ChildProcess.Run(hugo, ["version"]);
        return m.Ok ? m.StdOut.Trim() : "unknown version";
    }

    private static bool AptInstall(string package, TextWriter log)
    {
        if (ChildProcess.Which("apt-get") is not { } apt)
        {
            return false;
        }

        var m = ChildProcess.Run(apt, ["install", "-y", "--no-install-recommends", package], environment: new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
        if (!m.Ok)
        {
            // A fresh container has no package lists yet.
            ChildProcess.Run(apt, ["update"]);
            m = ChildProcess.Run(apt, ["install", "-y", "--no-install-recommends", package], environment: new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
        }

        if (!m.Ok)
        {
            log.WriteLine(string.Join('\n', m.StdErr.Trim().Split('\n').TakeLast(5)));
        }

        return m.Ok;
    }
}
