using SiteGen.Model;

namespace SiteGen.Content;

/// <summary>
/// An article file already in <c>content/articles/</c>: where it is, its text and its parse. The text is
/// null when the file was loaded through an <see cref="ArticleCache"/> (builds and <c>serve</c>): they
/// never read it, and beside the parse it cost ~250 MB at 50,000 articles.
/// </summary>
public sealed record StoredArticle(string RelativePath, string? Text, Article Article);

/// <summary>
/// The articles and raw sources on disk under a content folder. Writes are atomic (temporary file,
/// then rename) and raw sources are content-addressed and never overwritten.
/// </summary>
public sealed class ArticleStore
{
    private readonly string _contentDir;
    private readonly Dictionary<string, StoredArticle> _byId;

    private readonly ArticleOrder _order;

    private ArticleStore(string contentDir, Dictionary<string, StoredArticle> byId, IReadOnlyList<ContentException> errors, ArticleOrder? order = null)
    {
        _contentDir = contentDir;
        _byId = byId;
        Errors = errors;
        _order = order ?? new ArticleOrder(byId);
    }

    /// <summary>Articles that could not be parsed (reported, not fatal).</summary>
    public IReadOnlyList<ContentException> Errors { get; }

    /// <summary>The articles in ordinal order of their paths.</summary>
    public IEnumerable<StoredArticle> Articles => Array.AsReadOnly(_order.Sorted); // shared with the next load: read-only

    public static ArticleStore Open(string contentDir) => Open(contentDir, null);

    /// <summary>
    /// Reads and parses every article; with a <paramref name="cache"/>, a file whose size and time are
    /// unchanged — or whose bytes hash the same — is not parsed again (the same <see cref="StoredArticle"/>
    /// object is returned, so later stages can key their own caches on it).
    /// </summary>
    public static ArticleStore Open(string contentDir, ArticleCache? cache) => Open(contentDir, cache, null);

    /// <summary>
    /// As <see cref="Open(string, ArticleCache?)"/>; with <paramref name="changed"/>, only those paths are
    /// looked at again and the other files are taken as the last load through <paramref name="cache"/>
    /// found them (no listing of the folder, no look at each file).
    /// </summary>
    /// <param name="changed">Every path (relative to the content folder) created, changed, deleted or
    /// renamed (both names) since the last load through <paramref name="cache"/>, folders included; null
    /// when not known, and then every file is looked at. A folder among them (created, renamed or
    /// deleted whole) has every file looked at too.</param>
    public static ArticleStore Open(string contentDir, ArticleCache? cache, IReadOnlyCollection<string>? changed)
    {
        var dir = Path.Combine(contentDir, "articles");
        if (!Directory.Exists(dir))
        {
            cache?.ForgetListing();
            return new ArticleStore(contentDir, new Dictionary<string, StoredArticle>(StringComparer.Ordinal), []);
        }

        if (cache?.LoadChanged(contentDir, dir, changed) is { } known)
        {
            return new ArticleStore(contentDir, known.ById, known.Errors, known.Order);
        }

        var files = ContentFiles.EnumerateTree(dir, "*.md").Order(StringComparer.Ordinal).ToArray();
        var loaded = new ArticleCache.Lookup[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var relative = Path.GetRelativePath(contentDir, files[i]).Replace('\\', '/');
            loaded[i] = cache is not null ? cache.Get(files[i], relative)
                : ContentFileGuard.Refusal(files[i], relative) is { } refused ? new((null, refused))
                : new(Parse(relative, File.ReadAllText(files[i])));
        });
        var (byId, errors) = Index(loaded.Select(l => l.Result));
        var order = new ArticleOrder(byId);
        cache?.Commit(contentDir, files, loaded, byId, errors, order);
        return new ArticleStore(contentDir, byId, errors, order);
    }

    /// <summary>The articles by id, and the files that failed or repeat an id, from the parses of the files in order.</summary>
    internal static (Dictionary<string, StoredArticle> ById, IReadOnlyList<ContentException> Errors) Index(IEnumerable<(StoredArticle? Parsed, ContentException? Failure)> parses)
    {
        var byId = new Dictionary<string, StoredArticle>(StringComparer.Ordinal);
        var errors = new List<ContentException>();
        foreach (var (parsed, failure) in parses)
        {
            if (parsed is { } stored)
            {
                if (!byId.TryAdd(stored.Article.Id, stored))
                {
                    errors.Add(new ContentException(stored.RelativePath, 2, $"duplicate id '{stored.Article.Id}' (also in {byId[stored.Article.Id].RelativePath})"));
                }
            }
            else if (failure is not null)
            {
                errors.Add(failure);
            }
        }

        return (byId, errors);
    }

    internal static (StoredArticle? Parsed, ContentException? Failure) Parse(string relative, string text, bool keepText = true)
    {
        try
        {
            return (new StoredArticle(relative, keepText ? text : null, ArticleFile.Parse(text)), null);
        }
        catch (ArticleFormatException e)
        {
            return (null, new ContentException(relative, e.Line, e.Message));
        }
    }

    public StoredArticle? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary><c>articles/&lt;outlet&gt;/&lt;yyyy&gt;/&lt;slug&gt;.md</c>, relative to the content folder.</summary>
    public static string RelativePath(Article article) =>
        $"articles/{Normalize.ArticleIds.Sanitize(article.Outlet)}/{article.Published.Year:D4}/{Normalize.ArticleIds.Sanitize(article.Slug)}.md";

    public void WriteArticle(string relativePath, string text) => AtomicFile.WriteAllText(Resolve(relativePath), text);

    /// <summary>Stores a raw source unless a file of that name (its hash) is already there.</summary>
    public void KeepSource(string relativePath, byte[] bytes)
    {
        var path = Resolve(relativePath);
        if (!File.Exists(path))
        {
            AtomicFile.WriteAllBytes(path, bytes);
        }
    }

    /// <summary>The text of the file at <paramref name="relativePath"/>, or null when there is none.</summary>
    public string? ReadExisting(string relativePath)
    {
        var path = Resolve(relativePath);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>
    /// The full path of a file inside the content folder. Refuses (with <see cref="IOException"/>) a
    /// path that leaves the folder, and one that passes through a symbolic link or junction below it:
    /// a link inside <c>content/</c> pointing elsewhere must not carry writes out of the archive.
    /// </summary>
    private string Resolve(string relativePath)
    {
        var root = Path.GetFullPath(_contentDir);
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new IOException($"refusing to write outside the content folder: {relativePath}");
        }

        var current = root;
        foreach (var part in Path.GetRelativePath(root, full).Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);

            // One fresh look per part: a FileInfo that first saw no file keeps "all attributes set" even
            // after another writer thread made the folder, which read as a link (issue 21's CI race).
            // Exists before GetAttributes: an exception per missing part cost a tenth of the import's time.
            if (!Directory.Exists(current) && !File.Exists(current))
            {
                break;
            }

            FileAttributes attributes;
            try
            {
                attributes = File.GetAttributes(current);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                break; // removed since: nothing there to pass through
            }

            if (attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                throw new IOException($"refusing to write through a symbolic link inside the content folder: {Path.GetRelativePath(root, current)}");
            }
        }

        return full;
    }
}

/// <summary>
/// Parsed articles kept between builds (the watch loop, warm builds): by file, with its size, write
/// time and content hash. Thread-safe. Parsed articles are shared: later stages must not change them.
/// </summary>
public sealed partial class ArticleCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Files parsed (not taken from the cache) since the last call to <see cref="TakeParsed"/>.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _parsed = [];

    public IReadOnlyList<string> TakeParsed()
    {
        var list = new List<string>();
        while (_parsed.TryTake(out var path))
        {
            list.Add(path);
        }

        list.Sort(StringComparer.Ordinal);
        return list;
    }

    /// <summary>
    /// The parse of a file: the cached one when the file is unchanged, else a new one, with the entry
    /// to keep for it. Safe to call in parallel; the table is only written by <see cref="Commit"/>,
    /// on one thread (writing it from every loading thread made them queue on its locks).
    /// </summary>
    /// <param name="verify">Compare the bytes even when size and time are the same (a file said to have changed).</param>
    internal Lookup Get(string path, string relative, bool verify = false)
    {
        var info = new FileInfo(path);
        if (ContentFileGuard.Refusal(info, relative) is { } refused)
        {
            // Looked at again by every load (its size and time are those of no file), read never.
            return new((null, refused), new Entry(relative, -1, -1, "", null, refused));
        }

        long length, time;
        byte[] bytes;
        if (_entries.TryGetValue(path, out var entry))
        {
            length = info.Length;
            time = info.LastWriteTimeUtc.Ticks;
            if (!verify && entry.Length == length && entry.Time == time && entry.Relative == relative)
            {
                return new((entry.Parsed, entry.Failure), Kept: entry);
            }

            bytes = File.ReadAllBytes(path);
        }
        else
        {
            (bytes, length, time) = ReadNew(path);
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
        if (entry is not null && entry.Hash == hash && entry.Relative == relative)
        {
            return entry.Length == length && entry.Time == time
                ? new((entry.Parsed, entry.Failure), Kept: entry)
                : new((entry.Parsed, entry.Failure), entry with { Length = length, Time = time }, Reparsed: false);
        }

        var text = ReadText(bytes);
        var (parsed, failure) = ArticleStore.Parse(relative, text, keepText: false);
        return new((parsed, failure), new Entry(relative, length, time, hash, parsed, failure), Reparsed: true);
    }

    /// <summary>
    /// A file the cache has not seen, which is read whatever its size and time: they come from the open
    /// file, so the path is looked up once (a stat, then a read, looked it up twice; on a first build
    /// that was a good part of the load).
    /// </summary>
    private static (byte[] Bytes, long Length, long Time) ReadNew(string path)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        var time = File.GetLastWriteTimeUtc(handle).Ticks;
        if (length is 0 or > 256 * 1024 * 1024)
        {
            // Empty (or a special file that says so) or huge: File.ReadAllBytes knows those cases.
            return (File.ReadAllBytes(path), length, time);
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var n and > 0)
        {
            read += n;
        }

        return (read == bytes.Length ? bytes : bytes[..read], length, time);
    }

    /// <summary>
    /// Keeps the new entries of a load that listed the folder (<paramref name="lookups"/>, by file), its
    /// list of files and what it made of them, and forgets the files that are gone.
    /// </summary>
    internal void Commit(string contentDir, string[] files, IReadOnlyList<Lookup> lookups, Dictionary<string, StoredArticle> byId, IReadOnlyList<ContentException> errors, ArticleOrder order)
    {
        var entries = new Entry[files.Length];
        for (var i = 0; i < files.Length; i++)
        {
            entries[i] = Keep(files[i], lookups[i]);
        }

        var keep = new HashSet<string>(files, StringComparer.Ordinal);
        foreach (var gone in _entries.Keys.Where(k => !keep.Contains(k)).ToArray())
        {
            _entries.TryRemove(gone, out _);
        }

        _listing = new Listing(contentDir, files, entries, byId, errors, order);
    }

    /// <summary>
    /// The same decoding as File.ReadAllText: UTF-8 unless a byte order mark says otherwise. Bytes that
    /// cannot start a mark (every file the writer writes) are decoded in one call, without the reader's
    /// buffers and copies.
    /// </summary>
    internal static string ReadText(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes[0] is not (0xEF or 0xFE or 0xFF or 0x00))
        {
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>A file's parse, and the cache entry to keep for it when it changed (see <see cref="Commit"/>).</summary>
    /// <param name="Kept">The entry taken as it was, when the file is unchanged.</param>
    internal readonly record struct Lookup((StoredArticle? Parsed, ContentException? Failure) Result, Entry? Changed = null, bool Reparsed = false, Entry? Kept = null);

    internal sealed record Entry(string Relative, long Length, long Time, string Hash, StoredArticle? Parsed, ContentException? Failure);
}

/// <summary>
/// The articles of a store sorted by path, made on first use; a load that only replaced articles
/// (same paths) gets a copy with those replaced instead of sorting 10,000 paths again.
/// </summary>
internal sealed class ArticleOrder(Dictionary<string, StoredArticle> byId)
{
    private StoredArticle[]? _sorted;

    public StoredArticle[] Sorted => LazyInitializer.EnsureInitialized(ref _sorted, () => [.. byId.Values.OrderBy(a => a.RelativePath, StringComparer.Ordinal)]);

    /// <summary>The order of <paramref name="now"/>, which holds this order's articles with each of <paramref name="replaced"/> (old, new: the same path) swapped.</summary>
    public ArticleOrder With(Dictionary<string, StoredArticle> now, IReadOnlyList<(StoredArticle Old, StoredArticle New)> replaced)
    {
        var next = new ArticleOrder(now);
        if (_sorted is { } sorted)
        {
            var copy = (StoredArticle[])sorted.Clone();
            foreach (var (old, @new) in replaced)
            {
                var at = Array.BinarySearch(copy, old, Comparer<StoredArticle>.Create((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath)));
                if (at < 0 || !ReferenceEquals(copy[at], old) || old.RelativePath != @new.RelativePath)
                {
                    return next; // not as expected: sorted afresh when asked
                }

                copy[at] = @new;
            }

            next._sorted = copy;
        }

        return next;
    }
}
