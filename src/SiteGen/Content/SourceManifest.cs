using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SiteGen.Content;

/// <summary>
/// <c>content/sources/manifest.json</c>: for every raw file ever given to <c>import</c> (by SHA-256),
/// its file name, format, and the article it became or why it was rejected; and for every article
/// the importer wrote, the SHA-256 of the bytes it wrote — a file whose bytes differ has been edited
/// by hand and is not overwritten without <c>--force</c>. Sorted keys keep the file deterministic.
/// </summary>
public sealed class SourceManifest
{
    public SortedDictionary<string, SourceRecord> Sources { get; set; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Written { get; set; } = new(StringComparer.Ordinal);

    public static string PathIn(string contentDir) => Path.Combine(contentDir, "sources", "manifest.json");

    /// <summary>Where a raw file is kept: <c>sources/&lt;sha256&gt;&lt;ext&gt;</c> (the original extension, if plain).</summary>
    public static string StoredPath(string sha256, string originalPath)
    {
        var ext = Path.GetExtension(originalPath).ToLowerInvariant();
        if (ext.Length is < 2 or > 9 || !ext[1..].All(char.IsAsciiLetterOrDigit))
        {
            ext = ".txt";
        }

        return $"sources/{sha256}{ext}";
    }

    public static SourceManifest Load(string contentDir)
    {
        var path = PathIn(contentDir);
        if (!File.Exists(path))
        {
            return new SourceManifest();
        }

        try
        {
            var loaded = JsonSerializer.Deserialize<SourceManifest>(File.ReadAllText(path), JsonFiles.Options) ?? new SourceManifest();
            loaded.Sources = new SortedDictionary<string, SourceRecord>(loaded.Sources, StringComparer.Ordinal);
            loaded.Written = new SortedDictionary<string, string>(loaded.Written, StringComparer.Ordinal);
            return loaded;
        }
        catch (JsonException e)
        {
            throw new ContentException(path, (int)(e.LineNumber ?? 0) + 1, $"malformed manifest: {e.Message}");
        }
    }

    public void Save(string contentDir) =>
        AtomicFile.WriteAllText(PathIn(contentDir), JsonSerializer.Serialize(this, JsonFiles.Options) + "\n");

    public void RecordImported(string sha256, string name, string format, string article) =>
        Sources[sha256] = new SourceRecord(name, format, article, null);

    public void RecordRejected(string sha256, string name, string reason)
    {
        if (!Sources.TryGetValue(sha256, out var existing) || existing.Article is null)
        {
            Sources[sha256] = new SourceRecord(name, null, null, reason);
        }
    }

    public void RecordWritten(string relativePath, string text) => Written[relativePath] = Hash(text);

    /// <summary>True when the file on disk is not what the importer last wrote there.</summary>
    public bool IsHandEdited(string relativePath, string currentText) =>
        !Written.TryGetValue(relativePath, out var hash) || hash != Hash(currentText);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public sealed record SourceRecord(string Name, string? Format, string? Article, string? Rejected);
}
