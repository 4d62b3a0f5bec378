using System.Diagnostics;

namespace SiteGen.Tests;

/// <summary>
/// A small file system for "the disk is full" tests: a tmpfs mounted on a folder when the tests run as
/// root (CI does), else nothing, and the test falls back to a file-size limit (<c>ulimit -f</c>), which
/// fails writes the same way (EFBIG instead of ENOSPC).
/// </summary>
public static class SmallDisk
{
    /// <summary>Mounts a tmpfs of <paramref name="size"/> (<c>2m</c>) on <paramref name="dir"/>; false when it cannot.</summary>
    public static bool Mount(string dir, string size)
    {
        if (OperatingSystem.IsWindows() || Environment.UserName != "root")
        {
            return false;
        }

        try
        {
            using var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", $"size={size}", "tmpfs", dir]) { RedirectStandardError = true })!;
            mount.WaitForExit();
            return mount.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public static void Unmount(string dir) => Process.Start("umount", dir)!.WaitForExit();

    /// <summary>Fills the file system of <paramref name="dir"/> until <paramref name="leftBytes"/> are free; returns the filler file.</summary>
    public static string Fill(string dir, long leftBytes)
    {
        var filler = Path.Combine(dir, "filler");
        using var stream = File.Create(filler);
        var block = new byte[4096];
        for (var left = new DriveInfo(dir).AvailableFreeSpace - leftBytes; left > 0; left -= block.Length)
        {
            stream.Write(block);
        }

        return filler;
    }

    /// <summary>The prefix that runs a command with each file it writes limited to <paramref name="kilobytes"/>.</summary>
    public static string[] FileSizeLimit(int kilobytes) => ["/bin/bash", "-c", $"trap '' XFSZ; ulimit -f {kilobytes}; exec \"$@\"", "bash"];
}
