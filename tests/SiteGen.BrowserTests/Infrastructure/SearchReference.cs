using System.Security.Cryptography;
using SiteGen.Search;

namespace SiteGen.BrowserTests.Infrastructure;

/// <summary>
/// What the search page should show, known without the browser: the C# reference reader
/// (<see cref="SearchIndexReader"/>) over the index the build wrote into the served site, and the
/// seed articles of the archive.
/// </summary>
public sealed class SearchReference
{
    /// <summary>The event whose articles <c>普京 峰会</c> must rank first (content/events/).</summary>
    public const string SummitEvent = "2022-02-04-xi-putin-beijing-summit";

    // The five seeds as the seeds' README names them, for a checkout without ../shared/seeds beside it.
    private static readonly string[] DocumentedSeeds =
        ["epochtimes-n13555352", "voachinese-6426608", "epochtimes-n13895586", "aljazeera-hed26247c03", "aljazeera-h24d6a90cb1"];

    private static readonly Lock Gate = new();
    private static SearchReference? _instance;

    private readonly string _indexDir;

    private SearchReference(SiteFixture site)
    {
        _indexDir = Path.Combine(site.SiteDir, "search");
        if (!File.Exists(Path.Combine(_indexDir, "index.json")))
        {
            throw new InvalidOperationException($"the served site ({site.SiteSource}) has no search index at search/index.json: the search tests need the build of the shipped archive");
        }

        var articles = FrontMatter.ReadAll(Path.Combine(site.Content.ContentDir, "articles"));
        var seedsDir = Environment.GetEnvironmentVariable("SITEGEN_SEEDS_DIR") is { Length: > 0 } d
            ? Path.GetFullPath(d)
            : Path.GetFullPath(Path.Combine(site.RepoRoot, "..", "shared", "seeds"));
        if (Directory.Exists(seedsDir))
        {
            // A seed is the article whose kept source has the seed file's SHA-256.
            var hashes = Directory.EnumerateFiles(seedsDir)
                .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                .Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))))
                .ToHashSet(StringComparer.Ordinal);
            Seeds = [.. articles.Where(a => a.SourceSha256 is not null && hashes.Contains(a.SourceSha256)).Select(a => a.Id).Order(StringComparer.Ordinal)];
            SeedsFrom = $"{hashes.Count} seed files in {seedsDir}";
        }
        else
        {
            Seeds = [.. DocumentedSeeds.Where(id => articles.Any(a => a.Id == id)).Order(StringComparer.Ordinal)];
            SeedsFrom = "the seeds' README (no seeds folder beside the repository)";
        }

        // The summit's articles among the seeds: those published on the event's date.
        var date = SummitEvent[..10];
        Summit = [.. articles.Where(a => Seeds.Contains(a.Id) && a.Published.StartsWith(date, StringComparison.Ordinal)).Select(a => a.Id).Order(StringComparer.Ordinal)];
    }

    /// <summary>The ids of the seed articles in the content (sorted).</summary>
    public IReadOnlyList<string> Seeds { get; }

    public string SeedsFrom { get; }

    /// <summary>The seed articles of the 2022-02-04 summit (sorted).</summary>
    public IReadOnlyList<string> Summit { get; }

    public static SearchReference For(SiteFixture site)
    {
        lock (Gate)
        {
            return _instance ??= new SearchReference(site);
        }
    }

    public SearchIndexReader Open() => SearchIndexReader.Open(_indexDir);

    /// <summary>The ids the reference reader ranks for a query, best first.</summary>
    public IReadOnlyList<string> Ids(string query, SearchFilter? filter = null)
    {
        var reader = Open();
        return [.. reader.Search(query, filter).Select(h => reader.Doc(h.Doc).Id)];
    }

    /// <summary>The few front matter fields the search tests need.</summary>
    private sealed record FrontMatter(string Id, string Published, string? SourceSha256)
    {
        public static List<FrontMatter> ReadAll(string articlesDir)
        {
            var result = new List<FrontMatter>();
            foreach (var file in Directory.EnumerateFiles(articlesDir, "*.md", SearchOption.AllDirectories))
            {
                string? id = null, published = null, sha = null, section = null;
                using var reader = new StreamReader(file);
                for (var i = 0; reader.ReadLine() is { } line; i++)
                {
                    if (i > 0 && line == "---")
                    {
                        break;
                    }

                    if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
                    {
                        section = line.Split(':', 2)[0];
                    }

                    if (line.StartsWith("id:", StringComparison.Ordinal))
                    {
                        id = Value(line);
                    }
                    else if (line.StartsWith("published:", StringComparison.Ordinal))
                    {
                        published = Value(line);
                    }
                    else if (section == "source" && line.TrimStart().StartsWith("sha256:", StringComparison.Ordinal))
                    {
                        sha = Value(line);
                    }
                }

                if (id is not null)
                {
                    result.Add(new FrontMatter(id, published ?? "", sha));
                }
            }

            return result;
        }

        private static string Value(string line) => line.Split(':', 2)[1].Trim().Trim('\'', '"');
    }
}
