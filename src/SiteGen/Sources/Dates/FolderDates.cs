using System.Collections.Concurrent;

namespace SiteGen.Sources.Dates;

/// <summary>
/// The feed dump's date: the latest image date stamp among the files of one folder. A mirror writes
/// each feed fetch into one folder, so the stamps of a page's neighbours date it to the weeks of that
/// fetch when the page itself gives only a month and day. Computed once per folder (imports read in
/// parallel), and only for folders that hold such a page; at most <see cref="MaxFiles"/> neighbours
/// of at most <see cref="MaxBytes"/> bytes are read.
/// </summary>
public sealed class FolderDates
{
    private const int MaxFiles = 2000;
    private const int MaxBytes = 1 << 20;

    private readonly ConcurrentDictionary<string, Lazy<DateOnly?>> byFolder = new(StringComparer.Ordinal);

    public DateOnly? LatestStampNear(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is null)
        {
            return null;
        }

        return byFolder.GetOrAdd(folder, f => new Lazy<DateOnly?>(() => Scan(f, Path.GetExtension(path)))).Value;
    }

    private static DateOnly? Scan(string folder, string extension)
    {
        DateOnly? latest = null;
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*" + extension).Order(StringComparer.Ordinal).Take(MaxFiles))
            {
                if (Stamp(file) is { } d && (latest is null || d > latest))
                {
                    latest = d;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable folder gives no hint; the page is then judged on its own signals.
        }

        return latest;
    }

    private static DateOnly? Stamp(string file)
    {
        try
        {
            var info = new FileInfo(file);
            return info.Length > MaxBytes ? null : DateStamps.Latest(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
