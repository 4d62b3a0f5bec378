using System.Diagnostics;
using System.Security.Cryptography;

namespace SiteGen.Tests;

/// <summary>What the crash and nothing-lost tests compare: every file of a folder with its hash, and waiting on a child process's progress.</summary>
public static class FileTrees
{
    /// <summary>Every file under <paramref name="dir"/> (hidden ones included) by its path with '/', with its SHA-256; empty when the folder is not there.</summary>
    public static SortedDictionary<string, string> Hashes(string dir) =>
        !Directory.Exists(dir) ? new(StringComparer.Ordinal) :
        new(Directory.GetFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    /// <summary>Waits until <paramref name="line"/> is set (true: no), the process exits (true) or <paramref name="limit"/> passes (false unless it exited).</summary>
    public static bool WaitForLineOrExit(Process process, ManualResetEventSlim line, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!line.Wait(2))
        {
            if (process.HasExited || clock.Elapsed > limit)
            {
                return process.HasExited;
            }
        }

        return false;
    }
}
