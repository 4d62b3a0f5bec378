using System.Collections.Concurrent;
using System.Text;

namespace SiteGen.Publishing;

/// <summary>
/// The folder a build writes into: a sibling of the output folder (same file system, so the swap is
/// a rename). <see cref="SwapInto"/> replaces the output folder whole; a build that fails or is
/// interrupted never touches it — <see cref="Dispose"/> deletes the staging folder instead, and the
/// next build removes staging folders that interrupted builds left behind.
/// </summary>
public sealed class StagingFolder : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private readonly ConcurrentDictionary<string, long> _files = new(StringComparer.Ordinal);
    private bool _swapped;

    public StagingFolder(string outDir)
    {
        OutDir = Path.GetFullPath(Path.TrimEndingDirectorySeparator(outDir));
        var parent = Path.GetDirectoryName(OutDir) ?? throw new ArgumentException("the output folder cannot be a file system root", nameof(outDir));
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(OutDir);
        foreach (var stale in Directory.EnumerateDirectories(parent, $".{name}.staging-*").Concat(Directory.EnumerateDirectories(parent, $".{name}.old-*")))
        {
            TryDelete(stale);
        }

        Dir = Path.Combine(parent, $".{name}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Dir);
    }

    public string OutDir { get; }

    public string Dir { get; }

    /// <summary>Files written so far, with their sizes, by output-relative path (forward slashes).</summary>
    public IReadOnlyDictionary<string, long> Files => _files;

    public void WriteText(string relativePath, string text) => WriteBytes(relativePath, Utf8NoBom.GetBytes(text));

    public void WriteBytes(string relativePath, byte[] bytes)
    {
        var path = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        _files[relativePath] = bytes.LongLength;
    }

    /// <summary>Records a file put in place by other means (a hard link).</summary>
    public void Record(string relativePath, long size) => _files[relativePath] = size;

    public string FullPath(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Dir, relativePath));
        return full.StartsWith(Dir + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"refusing to write outside the output folder: {relativePath}");
    }

    /// <summary>Moves the finished site into place, replacing the previous output folder whole.</summary>
    public void SwapInto()
    {
        string? old = null;
        if (Directory.Exists(OutDir))
        {
            old = Path.Combine(Path.GetDirectoryName(OutDir)!, $".{Path.GetFileName(OutDir)}.old-{Guid.NewGuid():N}");
            Directory.Move(OutDir, old);
        }

        try
        {
            Directory.Move(Dir, OutDir);
        }
        catch
        {
            if (old is not null)
            {
                Directory.Move(old, OutDir);
            }

            throw;
        }

        _swapped = true;
        if (old is not null)
        {
            TryDelete(old);
        }
    }

    public void Dispose()
    {
        if (!_swapped)
        {
            TryDelete(Dir);
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
