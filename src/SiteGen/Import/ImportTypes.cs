using System.Text.Json.Serialization;

namespace SiteGen.Import;

public sealed record ImportOptions(string ContentDir, bool Force = false, CancellationToken CancellationToken = default)
{
    /// <summary>Larger raw files are rejected unread (a news article is a few tens of KB).</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;
}

[JsonConverter(typeof(JsonStringEnumConverter<ImportStatus>))]
public enum ImportStatus
{
    [JsonStringEnumMemberName("imported")]
    Imported,

    [JsonStringEnumMemberName("duplicate")]
    Duplicate,

    [JsonStringEnumMemberName("unchanged")]
    Unchanged,

    [JsonStringEnumMemberName("rejected")]
    Rejected,
}

/// <summary>What became of one input file (one entry of the <c>--report</c> JSON).</summary>
public sealed record ImportEntry(
    string Path,
    ImportStatus Status,
    string? Id = null,
    string? Article = null,
    string? Reason = null,
    int? Line = null,
    string? Format = null,
    string? Note = null,
    string? DateFrom = null);

public sealed record ImportProgress(int Done, int Total, string Path);

/// <summary>An outlet the import made for articles nobody's outlet file described, and the file it wrote (relative to the content folder).</summary>
public sealed record GeneratedOutlet(string Id, string Origin, string File);

public sealed class ImportResult(IReadOnlyList<ImportEntry> entries, IReadOnlyList<GeneratedOutlet>? generated = null)
{
    public IReadOnlyList<ImportEntry> Entries { get; } = entries;

    /// <summary>The outlet files this import wrote, one per outlet made (see <see cref="Content.OutletResolver"/>).</summary>
    public IReadOnlyList<GeneratedOutlet> GeneratedOutlets { get; } = generated ?? [];

    public int Count(ImportStatus status) => Entries.Count(e => e.Status == status);

    public string Summary =>
        $"{Count(ImportStatus.Imported)} imported, {Count(ImportStatus.Duplicate)} duplicates, {Count(ImportStatus.Unchanged)} unchanged, {Count(ImportStatus.Rejected)} rejected";
}
