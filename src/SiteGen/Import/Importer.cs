using System.Security.Cryptography;
using SiteGen.Content;
using SiteGen.Model;
using SiteGen.Sources;

namespace SiteGen.Import;

/// <summary>
/// <c>sitegen import</c>: reads raw files with the reader that sniffs them, and writes one
/// normalized article per story under <c>content/articles/&lt;outlet&gt;/&lt;yyyy&gt;/&lt;slug&gt;.md</c>,
/// keeping each raw file verbatim as <c>content/sources/&lt;sha256&gt;&lt;ext&gt;</c>.
///
/// Phases: (1) read every file in parallel (decode, sniff, read — each file on its own);
/// (2) merge in input order (same id = same story: the first file is the article, later ones add
/// their mirrors and are recorded as duplicate sources); (3) write, never overwriting an article
/// whose bytes differ from what the importer last wrote (a hand edit) unless forced. The writes are
/// ordered so that a kill anywhere leaves a content folder the next import finishes (see
/// <see cref="ImportWrites"/>).
/// </summary>
public sealed class Importer(SourceReaders readers, OutletCatalog outlets)
{
    public ImportResult Import(IReadOnlyList<string> inputs, ImportOptions options, IProgress<ImportProgress>? progress = null)
    {
        var files = InputFiles.Expand(inputs);
        ImportWrites.FinishInterrupted(options.ContentDir);
        var context = new ReaderContext(outlets);
        var read = ReadAll(files, context, progress, options.CancellationToken);
        var store = ArticleStore.Open(options.ContentDir);
        var manifest = SourceManifest.Load(options.ContentDir);
        var entries = new ImportEntry[files.Count];
        var pending = new Dictionary<string, PendingArticle>(StringComparer.Ordinal);
        var order = new List<string>();

        for (var i = 0; i < read.Length; i++)
        {
            var r = read[i];
            if (r.Article is null)
            {
                entries[i] = new ImportEntry(r.Path, ImportStatus.Rejected, Reason: r.Reason, Line: r.Line, Format: r.Format);
                if (r.Sha256 is not null)
                {
                    manifest.RecordRejected(r.Sha256, Path.GetFileName(r.Path), r.Reason!);
                }

                continue;
            }

            entries[i] = Merge(r, i, pending, order, store);
        }

        // Differing copies of one story: the newest is the article (docs/import.md, "Versions").
        foreach (var id in order)
        {
            pending[id] = ResolveVersions(pending[id], read, entries, manifest);
        }

        // New outlets first (each file atomic, never over an existing one): an article written after a
        // kill always has its outlet.
        var generated = NewOutlets.Write(context.Outlets, read.Select(r => r.Article), options.ContentDir);
        var writes = new ImportWrites();
        foreach (var id in order)
        {
            Plan(pending[id], entries, store, manifest, options, writes);
        }

        writes.Run(store, options.ContentDir, manifest);
        return new ImportResult(entries, generated);
    }

    private ReadFile[] ReadAll(IReadOnlyList<string> files, ReaderContext context, IProgress<ImportProgress>? progress, CancellationToken cancel)
    {
        var results = new ReadFile[files.Count];
        var done = 0;
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancel }, i =>
        {
            results[i] = ReadOne(files[i], context);
            progress?.Report(new ImportProgress(Interlocked.Increment(ref done), files.Count, files[i]));
        });
        return results;
    }

    private ReadFile ReadOne(string path, ReaderContext context)
    {
        byte[] bytes;
        try
        {
            bytes = ReadBounded(path);
        }
        catch (SourceRejectedException e)
        {
            return ReadFile.Rejected(path, null, e.Message, null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ReadFile.Rejected(path, null, $"cannot read file: {e.Message}", null, null);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        try
        {
            var (article, format) = ReadDocument(path, bytes, sha, readers, context);
            article.Version = (article.Version ?? new VersionTime()) with
            {
                // A page never updated was last changed when it was published (VersionTime, "page").
                Page = article.Version?.Page ?? (article.Published.HasTime ? article.Published.Value : null),
                File = FileTime(path),
            };
            return new ReadFile(path, sha, bytes, article, format, null, null);
        }
        catch (SourceRejectedException e)
        {
            return ReadFile.Rejected(path, sha, e.Message, e.Line, e.Format);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A reader bug must not stop the import of every other file: report it as this file's rejection.
            return ReadFile.Rejected(path, sha, $"internal error while reading ({e.GetType().Name}: {e.Message}); please report it with this file", null, null);
        }
    }

    /// <summary>The file's last-modified time, one signal of its version (null when the file system gives none).</summary>
    private static DateTimeOffset? FileTime(string path)
    {
        var time = File.GetLastWriteTimeUtc(path);
        return time.Year > 1601 ? new DateTimeOffset(time, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// Reads a file of at most <see cref="ImportOptions.MaxFileBytes"/>: the size is checked before
    /// reading, and the read stops one byte past the limit (the file may grow meanwhile).
    /// </summary>
    internal static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (stream.Length > ImportOptions.MaxFileBytes)
        {
            throw TooLarge(stream.Length);
        }

        using var memory = new MemoryStream((int)stream.Length);
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk)) > 0)
        {
            if (memory.Length + n > ImportOptions.MaxFileBytes)
            {
                throw TooLarge(memory.Length + n);
            }

            memory.Write(chunk, 0, n);
        }

        return memory.ToArray();
    }

    private static SourceRejectedException TooLarge(long length) =>
        new($"file too large ({length:N0} bytes; the limit is {ImportOptions.MaxFileBytes:N0})");

    /// <summary>
    /// Decodes, sniffs and reads one raw file, then holds the article to <see cref="ArticleRules"/>
    /// and its body to <see cref="Normalize.MarkdownSafety"/>. Any input gives an article or a
    /// <see cref="SourceRejectedException"/> (its <c>Format</c> set when a reader took the file).
    /// </summary>
    internal static (Article Article, string Format) ReadDocument(string path, byte[] bytes, string sha, SourceReaders readers, ReaderContext context)
    {
        var (text, encoding) = TextDecoder.Decode(bytes);
        var document = new SourceDocument(path, text, sha, encoding);
        var reader = readers.Choose(document) ?? throw new SourceRejectedException("no reader recognizes this file's format");
        try
        {
            var article = reader.Read(document, context);
            if (reader.Format != Sources.Normalized.NormalizedArticleReader.FormatName || article.Source is null)
            {
                article.Source = new SourceInfo(SourceManifest.StoredPath(sha, path), reader.Format, sha);
            }

            ArticleRules.Clean(article);
            ArticleRules.Validate(article);
            if (Normalize.MarkdownSafety.Check(article.Body) is { } unsafeBody)
            {
                // Our own format keeps the body as written, so the file line is known; other readers convert it.
                int? line = reader.Format == Sources.Normalized.NormalizedArticleReader.FormatName ? ArticleFile.BodyLine(text) + unsafeBody.Line - 1 : null;
                throw new SourceRejectedException($"the body holds {unsafeBody.Reason}{(line is null ? $" (line {unsafeBody.Line} of the converted body)" : "")}", line);
            }

            return (article, reader.Format);
        }
        catch (ArticleFormatException e)
        {
            throw new SourceRejectedException(e.Message, e.Line > 0 ? e.Line : null) { Format = reader.Format };
        }
        catch (SourceRejectedException e) when (e.Format is null)
        {
            throw new SourceRejectedException(e.Message, e.Line) { Format = reader.Format };
        }
    }

    private static ImportEntry Merge(ReadFile r, int index, Dictionary<string, PendingArticle> pending, List<string> order, ArticleStore store)
    {
        var article = r.Article!;
        var sha = r.Sha256!;
        if (pending.TryGetValue(article.Id, out var seen))
        {
            if (seen.Article.Source?.Sha256 == sha || seen.Article.DuplicateSources.Any(s => s.Sha256 == sha))
            {
                // Either this import's file again, or one the article already lists (an older version, a mirror).
                var known = seen.Existing?.Article.DuplicateSources.Any(s => s.Sha256 == sha) == true;
                return Entry(r, ImportStatus.Unchanged, article, known ? "already recorded as a duplicate source of this article" : "the same file was given twice");
            }

            AddDuplicate(seen.Article, article);
            seen.Raw.Add((r.Path, r.Bytes!, sha, article.Version));
            seen.Copies.Add(index);
            return Entry(r, ImportStatus.Duplicate, article);
        }

        var existing = store.Find(article.Id);
        PendingArticle next;
        ImportStatus status;
        if (existing is null)
        {
            next = new PendingArticle(article, null);
            status = ImportStatus.Imported;
        }
        else if (existing.Article.Source?.Sha256 == sha)
        {
            // The article's own source again: re-read it (a newer reader may do better) and keep what
            // later imports added to it.
            foreach (var dup in existing.Article.DuplicateSources)
            {
                article.DuplicateSources.Add(dup);
            }

            article.Mirrors = Union(article.Mirrors, existing.Article.Mirrors);
            article.Events = existing.Article.Events;
            next = new PendingArticle(article, existing);
            status = ImportStatus.Imported;
        }
        else if (existing.Article.DuplicateSources.Any(s => s.Sha256 == sha))
        {
            return Entry(r, ImportStatus.Unchanged, article, "already recorded as a duplicate source of this article");
        }
        else
        {
            var merged = ArticleFile.Parse(ArticleFile.Write(existing.Article));
            AddDuplicate(merged, article);
            next = new PendingArticle(merged, existing);
            status = ImportStatus.Duplicate;
        }

        next.Raw.Add((r.Path, r.Bytes!, sha, article.Version));
        next.Entries.Add(index);
        next.Copies.Add(index);
        pending[article.Id] = next;
        order.Add(article.Id);
        return Entry(r, status, article);
    }

    private static void AddDuplicate(Article into, Article other)
    {
        into.Mirrors = Union(into.Mirrors, other.Mirrors);
        if (other.Source is not null)
        {
            into.DuplicateSources.Add(other.Source);
        }

        into.DuplicateSources = into.DuplicateSources
            .DistinctBy(s => s.Sha256)
            .OrderBy(s => s.Sha256, StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> Union(List<string> first, List<string> second) =>
        first.Concat(second).Distinct(StringComparer.Ordinal).ToList();

    private static ImportEntry Entry(ReadFile r, ImportStatus status, Article article, string? note = null) =>
        new(r.Path, status, article.Id, ArticleStore.RelativePath(article), Format: r.Format, Note: note, DateFrom: article.DateFrom);

    /// <summary>
    /// Decides what one article's import writes — its raw files, and its text unless that is already
    /// there or would replace a hand edit — and records it in the manifest (written later, see
    /// <see cref="ImportWrites"/>).
    /// </summary>
    private static void Plan(PendingArticle p, ImportEntry[] entries, ArticleStore store, SourceManifest manifest, ImportOptions options, ImportWrites writes)
    {
        foreach (var (path, bytes, sha, version) in p.Raw)
        {
            writes.KeepSource(SourceManifest.StoredPath(sha, path), bytes);
            manifest.RecordImported(sha, Path.GetFileName(path), p.Article.Source?.Format ?? "", ArticleStore.RelativePath(p.Article), version);
        }

        var relative = p.Existing?.RelativePath ?? ArticleStore.RelativePath(p.Article);
        var text = ArticleFile.Write(p.Article);
        if (p.Existing is null && (writes.Planned(relative) ?? store.ReadExisting(relative)) is { } onDisk && onDisk != text
            && !options.Force && manifest.IsHandEdited(relative, onDisk))
        {
            // A file is there that the store could not read (a hand edit broke it, or another id wrote
            // it by hand): it is someone's work, not ours to replace.
            MarkUnchanged(p, entries, $"{Path.Combine(options.ContentDir, relative)} exists, was edited by hand and does not parse as this article; kept as it is (use --force to overwrite)");
            return;
        }

        if (p.Existing is not null)
        {
            var existing = writes.Planned(relative) ?? p.Existing.Text ?? store.ReadExisting(relative) ?? "";
            if (existing == text)
            {
                MarkUnchanged(p, entries, null);
                manifest.RecordWritten(relative, text);
                return;
            }

            if (!options.Force && manifest.IsHandEdited(relative, existing))
            {
                MarkUnchanged(p, entries, $"{Path.Combine(options.ContentDir, relative)} was edited by hand since it was imported; kept as it is (use --force to overwrite)");
                return;
            }
        }

        writes.WriteArticle(relative, text);
        manifest.RecordWritten(relative, text);
    }

    private static void MarkUnchanged(PendingArticle p, ImportEntry[] entries, string? note)
    {
        foreach (var index in p.Entries)
        {
            if (entries[index].Status == ImportStatus.Imported)
            {
                entries[index] = entries[index] with { Status = ImportStatus.Unchanged, Note = note };
            }
        }
    }

    /// <summary>
    /// When the copies of one story differ in title or text — this import's files and the article
    /// already imported — the newest copy (<see cref="Versions"/>) becomes the article, keeping the
    /// others as duplicate sources, what later imports added (events, mirrors) and every raw file; the
    /// report says which won and why. Copies that all agree keep the first file as the article.
    /// </summary>
    private static PendingArticle ResolveVersions(PendingArticle p, ReadFile[] read, ImportEntry[] entries, SourceManifest manifest)
    {
        var copies = p.Copies.Select(i => read[i].Article!)
            .Select(a => new Versions.Copy(a.Source!, a.Version ?? new VersionTime(), a.Published, a.Title, a.Body))
            .ToList();
        if (p.Existing?.Article is { Source: { } stored } old && copies.All(c => c.Source.Sha256 != stored.Sha256))
        {
            copies.Add(new Versions.Copy(stored, manifest.VersionOf(stored.Sha256) ?? new VersionTime(), old.Published, old.Title, old.Body));
        }

        if (copies.All(c => c.Title == copies[0].Title && c.Body == copies[0].Body))
        {
            return p;
        }

        var (winner, why) = Versions.Choose(p.Article.Id, copies);
        foreach (var i in p.Copies)
        {
            var won = read[i].Sha256 == winner.Source.Sha256;
            entries[i] = entries[i] with
            {
                Status = won ? ImportStatus.Imported : ImportStatus.Duplicate,
                Note = won ? why : "an older version: " + why,
            };
        }

        if (p.Article.Source?.Sha256 == winner.Source.Sha256)
        {
            return p; // the article is already the winner's, the others already its duplicates
        }

        var index = p.Copies.First(i => read[i].Sha256 == winner.Source.Sha256);
        var article = read[index].Article!;
        var others = p.Article.DuplicateSources.Append(p.Article.Source!).Where(s => s.Sha256 != winner.Source.Sha256);
        article.DuplicateSources = others.DistinctBy(s => s.Sha256).OrderBy(s => s.Sha256, StringComparer.Ordinal).ToList();
        article.Mirrors = Union(article.Mirrors, p.Article.Mirrors);
        article.Events = p.Article.Events;
        var next = p with { Article = article };
        next.Entries.Add(index);
        return next;
    }

    private sealed record PendingArticle(Article Article, StoredArticle? Existing)
    {
        public List<(string Path, byte[] Bytes, string Sha, VersionTime? Version)> Raw { get; } = [];

        public List<int> Entries { get; } = [];

        /// <summary>This import's files holding the story (indexes into the read files), the first one included.</summary>
        public List<int> Copies { get; } = [];
    }

    private sealed record ReadFile(string Path, string? Sha256, byte[]? Bytes, Article? Article, string? Format, string? Reason, int? Line)
    {
        public static ReadFile Rejected(string path, string? sha, string reason, int? line, string? format) =>
            new(path, sha, null, null, format, reason, line);
    }
}
