namespace SiteGen.BrowserTests.Infrastructure;

/// <summary>The normalized Markdown articles of a content folder, found by id (read from front matter).</summary>
public sealed class ContentArticles
{
    private readonly Lazy<Dictionary<string, string>> _byId;

    public ContentArticles(string contentDir)
    {
        ContentDir = contentDir;
        _byId = new Lazy<Dictionary<string, string>>(() => Index(contentDir));
    }

    public string ContentDir { get; }

    /// <summary>The file of the article with this id, or null.</summary>
    public string? PathOf(string id) => _byId.Value.GetValueOrDefault(id);

    private static Dictionary<string, string> Index(string contentDir)
    {
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        var articles = Path.Combine(contentDir, "articles");
        if (!Directory.Exists(articles))
        {
            return byId;
        }

        foreach (var file in Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories))
        {
            // The id is a top-level front matter key near the top; no need to parse the whole file here.
            using var reader = new StreamReader(file);
            for (var i = 0; i < 60 && reader.ReadLine() is { } line; i++)
            {
                if (i > 0 && line == "---")
                {
                    break;
                }

                if (line.StartsWith("id:", StringComparison.Ordinal))
                {
                    byId.TryAdd(line[3..].Trim().Trim('\'', '"'), file);
                    break;
                }
            }
        }

        return byId;
    }
}
