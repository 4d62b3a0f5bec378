using System.Text.RegularExpressions;
using SiteGen.Rendering;

namespace SiteGen.Publishing.Incremental;

/// <summary>One file of the built site, in memory: its path in the output (forward slashes), bytes and content hash.</summary>
public sealed record OutputFile(string Path, byte[] Bytes, Digest Digest)
{
    /// <summary>Its size in bytes (of the file on disk when <see cref="Streamed"/>).</summary>
    public long Size { get; init; } = Bytes.LongLength;

    /// <summary>Written to the staging folder as soon as it was made; <see cref="Bytes"/> is then empty.</summary>
    public bool Streamed { get; init; }
}

/// <summary>
/// Files by path, enumerated in ordinal order of their paths. Looking up is a hash lookup; the order is
/// made only when someone enumerates (the preview server only looks up; sorting 34,000 paths on every
/// rebuild at 10,000 articles cost more than the rest of publishing the snapshot), and is shared with
/// the snapshot before when the paths are the same. Read-only.
/// </summary>
public sealed class SortedFileDictionary : IReadOnlyDictionary<string, OutputFile>
{
    private readonly IReadOnlyDictionary<string, OutputFile> _files;
    private readonly KeyOrder _order;

    /// <summary>Takes <paramref name="files"/> as it is: the caller must not change it afterwards.</summary>
    public SortedFileDictionary(Dictionary<string, OutputFile> files)
        : this(files, null)
    {
    }

    /// <summary>Takes <paramref name="files"/> as it is (not to be changed afterwards); <paramref name="samePaths"/> has exactly the same paths, when given.</summary>
    internal SortedFileDictionary(IReadOnlyDictionary<string, OutputFile> files, SortedFileDictionary? samePaths)
    {
        _files = files;
        _order = samePaths?._order ?? new KeyOrder(files);
    }

    public int Count => _files.Count;

    public IEnumerable<string> Keys => _order.Keys;

    public IEnumerable<OutputFile> Values => _order.Keys.Select(k => _files[k]);

    /// <summary>The files in no particular order, without sorting the paths.</summary>
    internal IEnumerable<KeyValuePair<string, OutputFile>> Unordered => _files;

    public OutputFile this[string key] => _files[key];

    public bool ContainsKey(string key) => _files.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out OutputFile value) => _files.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, OutputFile>> GetEnumerator() => _order.Keys.Select(k => new KeyValuePair<string, OutputFile>(k, _files[k])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The sorted paths of a set of files, made on first use.</summary>
    private sealed class KeyOrder(IReadOnlyDictionary<string, OutputFile> files)
    {
        private string[]? _keys;

        public string[] Keys => LazyInitializer.EnsureInitialized(ref _keys, () => files.Keys.Order(StringComparer.Ordinal).ToArray());
    }
}

/// <summary>
/// The files of a build as a read-only dictionary over its records (and the few files that have none,
/// the theme's assets), so publishing a build does not copy 30,000 entries into a table of its own.
/// Enumerates in no particular order. The tables must not change afterwards.
/// </summary>
internal sealed class RecordFiles(Dictionary<string, OutputRecord> records, Dictionary<string, OutputFile> others) : IReadOnlyDictionary<string, OutputFile>
{
    private readonly int _count = records.Count + others.Keys.Count(k => !records.ContainsKey(k));

    public int Count => _count;

    public IEnumerable<string> Keys => this.Select(kv => kv.Key);

    public IEnumerable<OutputFile> Values => this.Select(kv => kv.Value);

    public OutputFile this[string key] => TryGetValue(key, out var file) ? file : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => records.ContainsKey(key) || others.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out OutputFile value)
    {
        // A record wins over another file of the same path, as when both were put in one table in that order.
        if (records.TryGetValue(key, out var record))
        {
            value = record.File;
            return true;
        }

        return others.TryGetValue(key, out value);
    }

    public IEnumerator<KeyValuePair<string, OutputFile>> GetEnumerator()
    {
        foreach (var (path, record) in records)
        {
            yield return new(path, record.File);
        }

        foreach (var (path, file) in others)
        {
            if (!records.ContainsKey(path))
            {
                yield return new(path, file);
            }
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A good build held in memory: every output file by path. Immutable; a new build makes a new snapshot.</summary>
public sealed class SiteSnapshot
{
    public SiteSnapshot(int version, SiteUrls urls, IReadOnlyDictionary<string, OutputFile> files)
    {
        Version = version;
        Urls = urls;
        Files = files;
    }

    /// <summary>Counts good builds that changed something, from 1.</summary>
    public int Version { get; }

    public SiteUrls Urls { get; }

    public IReadOnlyDictionary<string, OutputFile> Files { get; }
}

/// <summary>A build error with where it is, when the message names a file (and line): for the console and the browser overlay.</summary>
public sealed partial record BuildError(string? File, int Line, int Column, string Message)
{
    public override string ToString() => File is null ? Message : $"{File}{(Line > 0 ? $":{Line}" : "")}{(Column > 0 ? $":{Column}" : "")}: {Message}";

    /// <summary>Splits the errors a build reports as text (<c>path:line: reason</c>, Scriban's <c>path(line,col) : error : message</c>) into parts.</summary>
    public static IEnumerable<BuildError> Parse(string error)
    {
        foreach (var raw in error.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.EndsWith("errors:", StringComparison.Ordinal))
            {
                continue;
            }

            var scriban = ScribanError().Match(line);
            if (scriban.Success)
            {
                yield return new BuildError(scriban.Groups["file"].Value, int.Parse(scriban.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(scriban.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture), scriban.Groups["msg"].Value);
                continue;
            }

            var content = ContentError().Match(line);
            yield return content.Success
                ? new BuildError(content.Groups["file"].Value, content.Groups["line"].Success ? int.Parse(content.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0, 0, content.Groups["msg"].Value)
                : new BuildError(null, 0, 0, line);
        }
    }

    [GeneratedRegex(@"^(?<file>[^()]+?)\((?<line>\d+),(?<col>\d+)\)\s*:\s*error\s*:\s*(?<msg>.*)$")]
    private static partial Regex ScribanError();

    [GeneratedRegex(@"^(?<file>[^\s:]+?\.(?:md|ya?ml|scriban))(?::(?<line>\d+))?: (?<msg>.*)$")]
    private static partial Regex ContentError();
}

/// <summary>
/// What one output was made from, as recorded when it was last made: the fingerprint of its data, each
/// template it looked up (name → hash of the version found, null when missing) and each UI string it
/// read (language, key, value). It is reused as long as all of these still hold. A page's record also
/// keeps its salt, variables and key (<see cref="PageJob.Key"/>), so the next build can find the same
/// key, or compare the new variables with them (<see cref="Fingerprinter.SameVariables"/>), instead of
/// hashing them again. <c>AnyMissing</c>: some UI string it read may have been missing (its value is its
/// key), so a build that keeps the record reads those again to report them.
/// </summary>
internal sealed record OutputRecord(
    OutputFile File,
    Digest Fingerprint,
    bool ReadBodies,
    KeyValuePair<string, string?>[] Templates,
    (string Lang, string Key, string Value)[] Texts,
    string[] Inputs,
    string[]? Salt = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    object? Key = null,
    bool AnyMissing = false);

/// <summary>
/// The dependency graph of the last build: for each output, the inputs it was made from (content files
/// relative to the content folder — <c>articles/…md</c>, <c>outlets/x.yml</c>, <c>events/x.yml</c>,
/// <c>site.yml</c> — theme templates by file, <c>i18n/&lt;lang&gt;.yml</c>), and the reverse.
/// </summary>
public sealed class DependencyGraph
{
    // Output → inputs, made on first use too: a rebuild in `serve` makes a graph every time and seldom reads it.
    private readonly Lazy<Dictionary<string, string[]>> _lazyInputsOf;

    // Input → outputs, made on first use: every search file depends on every article, so at 10,000
    // articles this index has tens of millions of entries, and a rebuild only ever needs the forward side.
    private readonly Lazy<Dictionary<string, List<string>>> _outputsOf;

    internal DependencyGraph(Dictionary<string, string[]> inputsOf)
        : this(() => inputsOf)
    {
    }

    internal DependencyGraph(Func<Dictionary<string, string[]>> inputsOf)
    {
        _lazyInputsOf = new(inputsOf);
        _outputsOf = new(() =>
        {
            var outputsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (output, inputs) in InputsByOutput.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                foreach (var input in inputs)
                {
                    if (!outputsOf.TryGetValue(input, out var list))
                    {
                        outputsOf[input] = list = [];
                    }

                    list.Add(output);
                }
            }

            return outputsOf;
        });
    }

    private Dictionary<string, string[]> InputsByOutput => _lazyInputsOf.Value;

    public static DependencyGraph Empty { get; } = new(new Dictionary<string, string[]>(StringComparer.Ordinal));

    public IEnumerable<string> Outputs => InputsByOutput.Keys.Order(StringComparer.Ordinal);

    public IEnumerable<string> Inputs => _outputsOf.Value.Keys.Order(StringComparer.Ordinal);

    public IReadOnlyList<string> InputsOf(string output) => InputsByOutput.GetValueOrDefault(output) ?? [];

    public IReadOnlyList<string> OutputsOf(string input) => _outputsOf.Value.GetValueOrDefault(input) ?? (IReadOnlyList<string>)[];

    /// <summary>This graph with the outputs that match <paramref name="replaced"/> replaced by <paramref name="outputs"/>.</summary>
    internal DependencyGraph WithOutputs(Func<string, bool> replaced, IEnumerable<KeyValuePair<string, string[]>> outputs)
    {
        var inputsOf = InputsByOutput.Where(kv => !replaced(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (output, inputs) in outputs)
        {
            inputsOf[output] = inputs;
        }

        return new DependencyGraph(inputsOf);
    }
}

/// <summary>What <see cref="IncrementalSite.UpdateSearch"/> did.</summary>
public enum SearchUpdateState
{
    /// <summary>No build left its search step pending.</summary>
    NothingPending,

    /// <summary>New search files are in <see cref="IncrementalSite.Last"/>.</summary>
    Published,

    /// <summary>The search files were already up to date.</summary>
    Unchanged,

    /// <summary>A build finished meanwhile; its own search step is pending.</summary>
    Superseded,
}

/// <summary>The outcome of <see cref="IncrementalSite.UpdateSearch"/>: the search files made anew, and how long it took.</summary>
public sealed record SearchUpdate(SearchUpdateState State, IReadOnlyList<string> Made, TimeSpan Elapsed);

/// <summary>The outcome of one (possibly incremental) build.</summary>
public sealed class BuildOutcome
{
    public required BuildResult Result { get; init; }

    /// <summary>The site, when the build succeeded.</summary>
    public SiteSnapshot? Site { get; init; }

    /// <summary>Output files added or changed since the previous good build (all of them on the first).</summary>
    public IReadOnlyList<string> Changed { get; init; } = [];

    /// <summary>Output files the previous good build had and this one does not.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    /// <summary>Pages and feeds made anew in this build (the rest were reused).</summary>
    public IReadOnlyList<string> Made { get; init; } = [];

    public int Reused { get; init; }

    /// <summary>Article files parsed in this build (not taken from the cache).</summary>
    public IReadOnlyList<string> Parsed { get; init; } = [];

    public IReadOnlyList<BuildError> ErrorDetails => Result.Errors.SelectMany(BuildError.Parse).ToArray();

    public DependencyGraph Graph { get; init; } = DependencyGraph.Empty;

    /// <summary>Milliseconds spent in each phase (settings, theme, articles, link, search, views, plan, render, feeds, check, snapshot).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Timings { get; init; } = [];

    /// <summary>Bytes allocated (all threads, approximate) in each phase of <see cref="Timings"/>, in the same order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Allocations { get; init; } = [];
}
