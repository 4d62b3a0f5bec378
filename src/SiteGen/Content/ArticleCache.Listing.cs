using System.IO.Enumeration;

namespace SiteGen.Content;

/// <summary>
/// The article files of the last load, so a load told which paths changed (<c>sitegen serve</c>, whose
/// watcher knows) looks at only those: at 10,000 articles, listing the folder and looking at every file
/// was most of a rebuild's load after a one-article edit.
/// </summary>
public sealed partial class ArticleCache
{
    // The last full list of article files: the pattern ArticleStore lists them with, as the listing
    // matches it (Win32 wildcards, the platform's case rule).
    private static readonly string Pattern = FileSystemName.TranslateWin32Expression("*.md");
    private static readonly bool IgnoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    private Listing? _listing;

    /// <summary>Forgets the list of files: the next load lists the folder.</summary>
    internal void ForgetListing() => _listing = null;

    /// <summary>
    /// The articles of the folder by id and its errors, from the last load's list and only the
    /// <paramref name="changed"/> paths looked at again; null when the folder must be listed: nothing
    /// told, no earlier list of this folder, or a folder among the changes (created, renamed or
    /// deleted whole, its files were not told one by one).
    /// </summary>
    internal (Dictionary<string, StoredArticle> ById, IReadOnlyList<ContentException> Errors, ArticleOrder Order)? LoadChanged(string contentDir, string dir, IReadOnlyCollection<string>? changed)
    {
        if (changed is null || _listing is not { } last || last.ContentDir != contentDir)
        {
            return null;
        }

        var look = new HashSet<string>(StringComparer.Ordinal);
        var gone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in changed)
        {
            var path = ContentChanges.Normalize(raw);
            if (!path.StartsWith("articles/", StringComparison.Ordinal))
            {
                if (ContentChanges.Touch([path], "articles"))
                {
                    return null; // the folder itself, or one above it
                }

                continue;
            }

            var rest = path["articles/".Length..];
            if (ContentChanges.HasParentSegment(rest))
            {
                return null;
            }

            var full = Path.Combine(dir, rest.Replace('/', Path.DirectorySeparatorChar));
            if (Directory.Exists(full))
            {
                return null;
            }

            if (File.Exists(full) && !ContentFiles.IsHiddenOrTemporary(rest) && FileSystemName.MatchesWin32Expression(Pattern, Path.GetFileName(full), IgnoreCase))
            {
                look.Add(full);
            }
            else if (Array.BinarySearch(last.Files, full, StringComparer.Ordinal) >= 0)
            {
                gone.Add(full);
            }
            else if (~Array.BinarySearch(last.Files, full + Path.DirectorySeparatorChar, StringComparer.Ordinal) is var next
                && next < last.Files.Length && last.Files[next].StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return null; // a folder of articles went away
            }
        }

        return look.All(f => Array.BinarySearch(last.Files, f, StringComparer.Ordinal) >= 0) && gone.Count == 0
            ? Reload(last, look)
            : Relist(last, look, gone);
    }

    /// <summary>
    /// The usual case: only files the list has changed. The list stays (it is never changed in place), and
    /// so does the index of the last load as long as each changed file keeps its article id: then only
    /// that article is replaced in a copy of the index.
    /// </summary>
    private (Dictionary<string, StoredArticle> ById, IReadOnlyList<ContentException> Errors, ArticleOrder Order) Reload(Listing last, HashSet<string> look)
    {
        var entries = (Entry[])last.Entries.Clone();
        var byId = last.ById;
        var reindex = false;
        var replaced = new List<(StoredArticle, StoredArticle)>();
        foreach (var file in look)
        {
            var i = Array.BinarySearch(last.Files, file, StringComparer.Ordinal);
            var was = last.Entries[i];
            var lookup = Get(file, was.Relative, verify: true);
            var now = Keep(file, lookup);
            entries[i] = now;
            if (ReferenceEquals(now.Parsed, was.Parsed) && ReferenceEquals(now.Failure, was.Failure))
            {
                continue;
            }

            // The same id: the errors stay (a duplicate is reported by paths and ids), the index takes the new
            // parse where it held the old (not when another file with that id came first).
            if (was.Parsed is { } before && now.Parsed is { } after && before.Article.Id == after.Article.Id && !reindex)
            {
                if (ReferenceEquals(byId, last.ById))
                {
                    byId = new Dictionary<string, StoredArticle>(byId, StringComparer.Ordinal);
                }

                if (ReferenceEquals(byId.GetValueOrDefault(after.Article.Id), before))
                {
                    byId[after.Article.Id] = after;
                    replaced.Add((before, after));
                }
            }
            else
            {
                reindex = true;
            }
        }

        var errors = last.Errors;
        var order = ReferenceEquals(byId, last.ById) ? last.Order : last.Order.With(byId, replaced);
        if (reindex)
        {
            (byId, errors) = ArticleStore.Index(entries.Select(e => (e.Parsed, e.Failure)));
            order = new ArticleOrder(byId);
        }

        _listing = last with { Entries = entries, ById = byId, Errors = errors, Order = order };
        return (byId, errors, order);
    }

    /// <summary>Files came or went: a new list, with the parse of each new or changed file, indexed anew.</summary>
    private (Dictionary<string, StoredArticle> ById, IReadOnlyList<ContentException> Errors, ArticleOrder Order) Relist(Listing last, HashSet<string> look, HashSet<string> gone)
    {
        var kept = new Dictionary<string, Entry>(last.Files.Length, StringComparer.Ordinal);
        for (var i = 0; i < last.Files.Length; i++)
        {
            kept[last.Files[i]] = last.Entries[i];
        }

        var files = last.Files.Where(f => !gone.Contains(f)).Union(look, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var entries = new Entry[files.Length];
        for (var i = 0; i < files.Length; i++)
        {
            entries[i] = look.Contains(files[i])
                ? Keep(files[i], Get(files[i], Path.GetRelativePath(last.ContentDir, files[i]).Replace('\\', '/'), verify: true))
                : kept[files[i]];
        }

        foreach (var file in gone)
        {
            _entries.TryRemove(file, out _);
        }

        var (byId, errors) = ArticleStore.Index(entries.Select(e => (e.Parsed, e.Failure)));
        var order = new ArticleOrder(byId);
        _listing = last with { Files = files, Entries = entries, ById = byId, Errors = errors, Order = order };
        return (byId, errors, order);
    }

    /// <summary>Keeps a file's new entry, if it has one (as <see cref="Commit"/> does), and returns the entry that now holds.</summary>
    private Entry Keep(string file, Lookup lookup)
    {
        if (lookup.Changed is { } changed)
        {
            _entries[file] = changed;
            if (lookup.Reparsed)
            {
                _parsed.Add(changed.Relative);
            }
        }

        return lookup.Changed ?? lookup.Kept!;
    }

    /// <summary>The files of a load, sorted, with the entry of each (same order), and what the load made of them (shared, never changed).</summary>
    private sealed record Listing(string ContentDir, string[] Files, Entry[] Entries, Dictionary<string, StoredArticle> ById, IReadOnlyList<ContentException> Errors, ArticleOrder Order);
}
