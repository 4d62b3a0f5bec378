using System.Text;
using System.Text.RegularExpressions;

namespace SiteGen.Content;

/// <summary>
/// Writes a file through a temporary sibling and a rename, so a reader never sees half a file. A
/// process killed mid-write leaves only its temporary file (<c>.&lt;name&gt;.&lt;pid&gt;.&lt;guid&gt;.tmp</c>):
/// <see cref="Leftovers"/> finds those, and <c>sitegen import</c> removes them before it writes.
/// </summary>
public static partial class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8NoBom.GetBytes(text));

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/> whole or not at all. A failure (a full
    /// disk, a read-only folder) is thrown naming <paramref name="path"/> — not the temporary file —
    /// and the system's reason; the temporary file is removed.
    /// </summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var dir = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch (IOException e)
        {
            throw new IOException($"cannot write {path}: {Reason(e, temp)}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException($"cannot write {path}: {Reason(e, temp)}", e);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>True for the name of a temporary file this class writes.</summary>
    public static bool IsTemporary(string fileName) => TemporaryName().IsMatch(fileName);

    /// <summary>
    /// The temporary files left in <paramref name="dir"/> (and below, with <paramref name="recursive"/>)
    /// by writes that were interrupted: those of processes no longer running.
    /// </summary>
    public static IEnumerable<string> Leftovers(string dir, bool recursive)
    {
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(dir, ".*.tmp", options)
            .Where(f => TemporaryName().Match(Path.GetFileName(f)) is { Success: true } m && !IsRunning(int.Parse(m.Groups["pid"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Removes <see cref="Leftovers"/>; the number removed.</summary>
    public static int RemoveLeftovers(string dir, bool recursive)
    {
        var removed = 0;
        foreach (var file in Leftovers(dir, recursive).ToArray())
        {
            File.Delete(file);
            removed++;
        }

        return removed;
    }

    /// <summary>The system's reason without the temporary file's name, which means nothing to the user.</summary>
    private static string Reason(Exception e, string temp) =>
        e.Message.Replace($" : '{temp}'", "", StringComparison.Ordinal).Replace($"'{temp}'", "the file", StringComparison.Ordinal).Trim();

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp); // no error when it is not there
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder refuses even this: the write failed already and says why.
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return false; // a killed process's id, taken again by this one: leftovers are looked for before this process writes
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\..+\.(?<pid>[0-9]{1,9})\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
