using System.Runtime.InteropServices;

namespace SiteGen.Publishing.Incremental;

/// <summary>
/// Hard links, so that a warm build puts an unchanged file into the staging folder without writing
/// it: the staging folder still becomes the whole site and is swapped in whole. Where links are not
/// available (Windows here, another file system) the caller writes the file instead.
/// </summary>
internal static partial class HardLink
{
    public static bool TryCreate(string existing, string link, long expectedSize)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            var info = new FileInfo(existing);
            if (!info.Exists || info.Length != expectedSize)
            {
                return false;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            return Link(existing, link) == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string link);
}
