using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SiteGen.Content;

/// <summary>
/// <c>content/sources/manifest.json</c>: for every raw file ever given to <c>import</c> (by SHA-256),
/// its file name, format, and the article it became or why it was rejected; and for every article
/// the importer wrote, the SHA-256 of the bytes it wrote — a file whose bytes differ has been edited
/// by hand and is not overwritten without <c>--force</c>. Sorted keys keep the file deterministic.
///
/// An import that writes first saves the manifest it will leave as <c>sources/manifest.pending.json</c>,
/// then writes the raw files, then the articles, and last renames the pending manifest over this one.
/// Killed anywhere, it leaves whole files and the pending manifest: <see cref="Recover"/> (run by the
/// next import) keeps of it what the files on disk bear out, so the manifest never names a raw file
/// that is not there nor misses one that is, and never takes an article the importer wrote for a hand edit.
/// </summary>
public sealed class SourceManifest
{
    public SortedDictionary<string, SourceRecord> Sources { get; set; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Written { get; set; } = new(StringComparer.Ordinal);

    public const string FileName = "manifest.json";

    /// <summary>The manifest an import will leave, saved before it writes (see the class summary).</summary>
    public const string PendingFileName = "manifest.pending.json";

    public static string PathIn(string contentDir) => Path.Combine(contentDir, "sources", FileName);

    public static string PendingPathIn(string contentDir) => Path.Combine(contentDir, "sources", PendingFileName);

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

    public static SourceManifest Load(string contentDir) => LoadFile(PathIn(contentDir));

    /// <summary>The manifest an interrupted import meant to leave, or null when no import was interrupted while writing.</summary>
    public static SourceManifest? LoadPending(string contentDir) =>
        File.Exists(PendingPathIn(contentDir)) ? LoadFile(PendingPathIn(contentDir)) : null;

    private static SourceManifest LoadFile(string path)
    {
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

    public void Save(string contentDir) => AtomicFile.WriteAllText(PathIn(contentDir), Serialize());

    /// <summary>True when saving would change nothing on disk.</summary>
    public bool IsSaved(string contentDir) =>
        File.Exists(PathIn(contentDir)) && File.ReadAllText(PathIn(contentDir)) == Serialize();

    /// <summary>Saves this as the pending manifest: the first write of an import (see the class summary).</summary>
    public void SavePending(string contentDir) => AtomicFile.WriteAllText(PendingPathIn(contentDir), Serialize());

    /// <summary>Makes the pending manifest the manifest: the last write of an import, once every file is written.</summary>
    public static void CommitPending(string contentDir) => File.Move(PendingPathIn(contentDir), PathIn(contentDir), overwrite: true);

    /// <summary>
    /// After an import was interrupted (killed, or a write failed): adds to the manifest what the pending
    /// one records and the disk bears out — a raw file's record when the file is in <c>sources/</c> (or
    /// the record is a rejection, which names no file), an article's hash when the file has those bytes —
    /// saves it and removes the pending manifest. A re-run of the import writes the rest. Does nothing
    /// (and returns false) when no import was interrupted.
    /// </summary>
    public static bool Recover(string contentDir)
    {
        if (LoadPending(contentDir) is not { } pending)
        {
            return false;
        }

        var manifest = Load(contentDir);
        foreach (var (sha, record) in pending.Sources)
        {
            if (record.Article is null || File.Exists(Path.Combine(contentDir, StoredPath(sha, record.Name))))
            {
                manifest.Sources[sha] = record;
            }
        }

        foreach (var (relative, hash) in pending.Written)
        {
            var path = Path.Combine(contentDir, relative);
            if (manifest.Written.GetValueOrDefault(relative) != hash && File.Exists(path) && Hash(File.ReadAllText(path)) == hash)
            {
                manifest.Written[relative] = hash;
            }
        }

        manifest.Save(contentDir);
        File.Delete(PendingPathIn(contentDir));
        return true;
    }

    /// <summary>What an interrupted import has not written yet: the raw files and articles its pending manifest names that are not on disk as recorded.</summary>
    public static IReadOnlyList<string> Unfinished(string contentDir, SourceManifest pending)
    {
        var manifest = Load(contentDir);
        var missing = pending.Sources
            .Where(s => s.Value.Article is not null && !manifest.Sources.ContainsKey(s.Key))
            .Select(s => StoredPath(s.Key, s.Value.Name))
            .Where(p => !File.Exists(Path.Combine(contentDir, p)));
        var unwritten = pending.Written
            .Where(w => manifest.Written.GetValueOrDefault(w.Key) != w.Value)
            .Where(w => !File.Exists(Path.Combine(contentDir, w.Key)) || Hash(File.ReadAllText(Path.Combine(contentDir, w.Key))) != w.Value)
            .Select(w => w.Key);
        return [.. missing.Concat(unwritten).Order(StringComparer.Ordinal)];
    }

    private string Serialize() => JsonSerializer.Serialize(this, JsonFiles.Options) + "\n";

    /// <summary>
    /// Records a raw file that became <paramref name="article"/>. Its version time is the one recorded
    /// when it was first imported: a later checkout or copy of the same bytes has a newer file time
    /// but is not a newer version.
    /// </summary>
    public void RecordImported(string sha256, string name, string format, string article, Model.VersionTime? version = null) =>
        Sources[sha256] = new SourceRecord(name, format, article, null, Sources.GetValueOrDefault(sha256)?.Version ?? version);

    /// <summary>The version time recorded for a raw file, or null (imported before versions were recorded, or never).</summary>
    public Model.VersionTime? VersionOf(string sha256) => Sources.GetValueOrDefault(sha256)?.Version;

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

    public sealed record SourceRecord(string Name, string? Format, string? Article, string? Rejected, Model.VersionTime? Version = null);
}
