using SiteGen.Model;

namespace SiteGen.Content;

/// <summary>An article file already in <c>content/articles/</c>: where it is, its text and its parse.</summary>
public sealed record StoredArticle(string RelativePath, string Text, Article Article);

/// <summary>
/// The articles and raw sources on disk under a content folder. Writes are atomic (temporary file,
/// then rename) and raw sources are content-addressed and never overwritten.
/// </summary>
public sealed class ArticleStore
{
    private readonly string _contentDir;
    private readonly Dictionary<string, StoredArticle> _byId;

    private ArticleStore(string contentDir, Dictionary<string, StoredArticle> byId, IReadOnlyList<ContentException> errors)
    {
        _contentDir = contentDir;
        _byId = byId;
        Errors = errors;
    }

    /// <summary>Articles that could not be parsed (reported, not fatal).</summary>
    public IReadOnlyList<ContentException> Errors { get; }

    public IEnumerable<StoredArticle> Articles => _byId.Values.OrderBy(a => a.RelativePath, StringComparer.Ordinal);

    public static ArticleStore Open(string contentDir)
    {
        var byId = new Dictionary<string, StoredArticle>(StringComparer.Ordinal);
        var errors = new List<ContentException>();
        var dir = Path.Combine(contentDir, "articles");
        if (Directory.Exists(dir))
        {
            var files = Directory.EnumerateFiles(dir, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
            var parsed = new StoredArticle?[files.Length];
            var failures = new ContentException?[files.Length];
            Parallel.For(0, files.Length, i =>
            {
                var relative = Path.GetRelativePath(contentDir, files[i]).Replace('\\', '/');
                var text = File.ReadAllText(files[i]);
                try
                {
                    parsed[i] = new StoredArticle(relative, text, ArticleFile.Parse(text));
                }
                catch (ArticleFormatException e)
                {
                    failures[i] = new ContentException(relative, e.Line, e.Message);
                }
            });
            for (var i = 0; i < files.Length; i++)
            {
                if (parsed[i] is { } stored)
                {
                    if (!byId.TryAdd(stored.Article.Id, stored))
                    {
                        errors.Add(new ContentException(stored.RelativePath, 2, $"duplicate id '{stored.Article.Id}' (also in {byId[stored.Article.Id].RelativePath})"));
                    }
                }
                else if (failures[i] is { } failure)
                {
                    errors.Add(failure);
                }
            }
        }

        return new ArticleStore(contentDir, byId, errors);
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
            var info = new FileInfo(current);
            if (info.Exists || Directory.Exists(current))
            {
                if (info.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    throw new IOException($"refusing to write through a symbolic link inside the content folder: {Path.GetRelativePath(root, current)}");
                }
            }
            else
            {
                break;
            }
        }

        return full;
    }
}
