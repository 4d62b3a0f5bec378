using SiteGen.Rendering;

namespace SiteGen.Publishing.Incremental;

/// <summary>The site a build made (its records' files and the assets), compared with the last good one.</summary>
internal sealed record Staged(RecordFiles Site, SiteSnapshot? Before, string[] Changed, string[] Removed)
{
    /// <summary>The same paths as the last good build's site (none removed, as many files).</summary>
    public bool SamePaths => Before is not null && Removed.Length == 0 && Site.Count == Before.Files.Count;
}

/// <summary>
/// Publish: the built site compared with the last good one (what changed, what is gone) and, after a good
/// build, published as the new <see cref="Last"/> snapshot with its dependency graph; writing it to the
/// output folder (staging folder, swap) is <see cref="SiteBuilder"/>'s.
/// Cache: the last snapshot, whether the records still hold exactly its files, and the total size and
/// large files of it. Redoes work (compares every file, counts every size) when the records may hold files
/// the snapshot does not: after a failed build, or a search update that changed which files there are.
/// </summary>
internal sealed class PublishPhase
{
    // True while the records hold the files of Last (same paths, same digests) and the link cache's last
    // check was of them: after a good build, kept by ReplaceSearch unless it changes which files there are.
    private bool _recordsAsLast;

    // The total size of Last's files and its large ones (see Sizes), while _recordsAsLast.
    private (long Bytes, Dictionary<string, long> Large)? _sizes;

    /// <summary>The last good build, or null before the first.</summary>
    public SiteSnapshot? Last { get; private set; }

    /// <summary>The dependency graph of the last good build.</summary>
    public DependencyGraph Graph { get; private set; } = DependencyGraph.Empty;

    /// <summary>Starts a build: whether the records it starts from hold the files of <see cref="Last"/>. Until it ends well they may not (see Differences).</summary>
    public bool Begin()
    {
        var recordsAsLast = _recordsAsLast;
        _recordsAsLast = false;
        return recordsAsLast;
    }

    /// <summary>The site of this build's outputs and files, and how it differs from <see cref="Last"/>.</summary>
    public Staged Compare(BuildRun run, Dictionary<string, OutputRecord> outputs, Dictionary<string, OutputFile> files, bool recordsAsLast)
    {
        // The site: the records' files and the assets, seen through one read-only table (not a copy).
        var site = new RecordFiles(outputs, files);
        var (changed, removed) = Differences(Last, site, recordsAsLast ? run.Made.Concat(files.Keys) : null);
        return new Staged(site, Last, changed, removed);
    }

    /// <summary>The staged site's total size and large files (reckoned from the last ones when they still hold).</summary>
    public (long Bytes, Dictionary<string, long> Large) Sizes(Staged staged, bool recordsAsLast) =>
        Sizes(recordsAsLast ? _sizes : null, staged.Before, staged.Site, staged.Changed, staged.Removed);

    /// <summary>After a good build: its site is <see cref="Last"/> (a new version when anything changed), with its graph.</summary>
    public void Succeeded(Staged staged, SiteUrls urls, (long Bytes, Dictionary<string, long> Large) sizes, Dictionary<string, OutputRecord> outputs)
    {
        var before = staged.Before;
        if (before is null || staged.Changed.Length > 0 || staged.Removed.Length > 0 || before.Urls.BaseUrl != urls.BaseUrl)
        {
            Last = new SiteSnapshot((before?.Version ?? 0) + 1, urls, new SortedFileDictionary(staged.Site, staged.SamePaths ? before!.Files as SortedFileDictionary : null));
        }

        _recordsAsLast = true;
        _sizes = sizes;
        Graph = new DependencyGraph(() => outputs.ToDictionary(kv => kv.Key, kv => kv.Value.Inputs, StringComparer.Ordinal));
    }

    /// <summary>Puts new search files into <see cref="Last"/> under the same version; false when they are the same files.</summary>
    public bool ReplaceSearch(Dictionary<string, OutputRecord> outputs)
    {
        var last = Last!;
        var files = new Dictionary<string, OutputFile>(StringComparer.Ordinal);
        foreach (var (path, file) in last.Files.Where(kv => !SearchOutputs.IsSearchFile(kv.Key)))
        {
            files[path] = file;
        }

        foreach (var (path, record) in outputs)
        {
            files[path] = record.File;
        }

        var changed = files.Count != last.Files.Count || files.Any(kv => !last.Files.TryGetValue(kv.Key, out var old) || old.Digest != kv.Value.Digest);
        if (changed)
        {
            // The link check of the build saw the old search files: a check after this one may build on it only while the paths are the same (search files are no pages).
            _recordsAsLast &= files.Count == last.Files.Count && outputs.Keys.All(path => last.Files.ContainsKey(path) && !path.EndsWith(".html", StringComparison.Ordinal));
            _sizes = null; // the search files' sizes changed: counted again by the next build
            Last = new SiteSnapshot(last.Version, last.Urls, new SortedFileDictionary(files));
            Graph = Graph.WithOutputs(SearchOutputs.IsSearchFile, outputs.Select(kv => new KeyValuePair<string, string[]>(kv.Key, kv.Value.Inputs)));
        }

        return changed;
    }

    /// <summary>
    /// The files added or changed since <paramref name="before"/>, and those gone, each sorted. With
    /// <paramref name="candidates"/> (when the records this build started from held the files of
    /// <paramref name="before"/>), only those are compared: every other file is a record kept from then,
    /// made by no one since (a record's file is new only when made), and whether any path went away
    /// shows in the counts. Else every file is compared.
    /// </summary>
    private static (string[] Changed, string[] Removed) Differences(SiteSnapshot? before, RecordFiles now, IEnumerable<string>? candidates)
    {
        if (before is null)
        {
            return (now.Keys.Order(StringComparer.Ordinal).ToArray(), []);
        }

        var old = before.Files;
        var oldFiles = old is SortedFileDictionary sorted ? sorted.Unordered : old;
        var changed = new List<string>();
        var added = 0;
        foreach (var path in candidates?.Distinct(StringComparer.Ordinal) ?? now.Keys)
        {
            if (now.TryGetValue(path, out var file) && (!old.TryGetValue(path, out var was) || was.Digest != file.Digest))
            {
                changed.Add(path);
                added += was is null ? 1 : 0;
            }
        }

        string[] removed = candidates is not null && old.Count == now.Count - added
            ? []
            : oldFiles.Where(kv => !now.ContainsKey(kv.Key)).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
        changed.Sort(StringComparer.Ordinal);
        return (changed.ToArray(), removed);
    }

    /// <summary>
    /// The total size of the site's files and those large enough for a warning (<see cref="SiteBuilder.PagesLimits(IReadOnlyDictionary{string, long})"/>).
    /// From <paramref name="last"/> (those of <paramref name="before"/>) and the differences when known:
    /// a pass over 30,000 files, each a record and a file somewhere in memory, took ~10 ms per rebuild.
    /// </summary>
    private static (long Bytes, Dictionary<string, long> Large) Sizes((long Bytes, Dictionary<string, long> Large)? last, SiteSnapshot? before, RecordFiles now, string[] changed, string[] removed)
    {
        const long limit = SiteBuilder.FileLimit * 8 / 10;
        if (last is { } known && before is not null)
        {
            var bytes = known.Bytes;
            var large = new Dictionary<string, long>(known.Large, StringComparer.Ordinal);
            foreach (var path in changed.Concat(removed))
            {
                if (before.Files.TryGetValue(path, out var was))
                {
                    bytes -= was.Size;
                    large.Remove(path);
                }

                if (now.TryGetValue(path, out var file))
                {
                    bytes += file.Size;
                    if (file.Size > limit)
                    {
                        large[path] = file.Size;
                    }
                }
            }

            return (bytes, large);
        }

        var total = 0L;
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (path, file) in now)
        {
            total += file.Size;
            if (file.Size > limit)
            {
                found[path] = file.Size;
            }
        }

        return (total, found);
    }
}
