using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SiteGen.Content;
using SiteGen.Import;
using SiteGen.Model;
using SiteGen.Sources;

namespace SiteGen.Bench;

/// <summary>One real article as the generator samples it: its body cut into Markdown blocks, and its metadata.</summary>
public sealed record RealArticle(Article Article, IReadOnlyList<string> Paragraphs);

/// <summary>The real text of one language (zh or en): articles, and the metadata the generator recombines.</summary>
public sealed class RealTextLanguage
{
    internal RealTextLanguage(string key, IReadOnlyList<RealArticle> articles)
    {
        Key = key;
        Articles = articles;
        Titles = [.. articles.Select(a => a.Article.Title)];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tag in articles.SelectMany(a => a.Article.Tags.Distinct(StringComparer.Ordinal)))
        {
            counts[tag] = counts.GetValueOrDefault(tag) + 1;
        }

        TagCounts = counts;
        SharedTags = [.. counts.Where(p => p.Value > 1).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key)];
        PopularTags = SharedTags.Take(Math.Max(10, SharedTags.Count / 20)).ToHashSet(StringComparer.Ordinal);
        Summaries = [.. articles.Select(a => a.Article.Summary).OfType<string>().Where(s => s.Length > 0)];
    }

    /// <summary><c>zh</c> or <c>en</c>.</summary>
    public string Key { get; }

    /// <summary>The real articles with at least one body block, in the order of their paths.</summary>
    public IReadOnlyList<RealArticle> Articles { get; }

    public IReadOnlyList<string> Titles { get; }

    /// <summary>Every tag of the language and the number of its articles that carry it.</summary>
    public IReadOnlyDictionary<string, int> TagCounts { get; }

    /// <summary>The tags carried by more than one article, most used first.</summary>
    public IReadOnlyList<string> SharedTags { get; }

    /// <summary>The most used twentieth of <see cref="SharedTags"/> (at least ten): the tags that grow with the archive.</summary>
    public IReadOnlySet<string> PopularTags { get; }

    public IReadOnlyList<string> Summaries { get; }
}

/// <summary>
/// The real text the benchmark's archives are made of (issue 19): the articles of <c>../shared/mirror</c>
/// and <c>../shared/corpus</c>, imported once with the library's own <see cref="Importer"/> into a cache
/// folder (keyed by a hash of the shared folder's file list and sizes and of the library's build, so a
/// second run reuses it), then
/// loaded as normalized articles and kept per language. <see cref="ArchiveGenerator"/> samples and
/// recombines them.
/// </summary>
public sealed class RealTextPool
{
    /// <summary>Changes the cache key when what is imported or how it is cut changes.</summary>
    private const string Version = "realtext-1";

    /// <summary>The folders of the shared folder that are imported.</summary>
    private static readonly string[] Inputs = ["mirror", "corpus"];

    private static readonly Lock DefaultLock = new();
    private static RealTextPool? _default;

    private RealTextPool(string contentDir, IReadOnlyList<RealArticle> zh, IReadOnlyList<RealArticle> en)
    {
        ContentDir = contentDir;
        Zh = new RealTextLanguage("zh", zh);
        En = new RealTextLanguage("en", en.Count > 0 ? en : zh);
        if (zh.Count == 0)
        {
            Zh = En;
        }

        Sources = [.. zh.Concat(en).Select(a => a.Article)];
        EnglishShare = zh.Count + en.Count == 0 ? 0 : (double)en.Count / (zh.Count + en.Count);
    }

    /// <summary>The share of the real articles that are in English (the generated archive follows it).</summary>
    public double EnglishShare { get; }

    /// <summary>The pool of the shared folder found above the current folder or the program, loaded once per process (the bench's <c>--shared</c> and <c>--text-cache</c> set another).</summary>
    public static RealTextPool Default
    {
        get
        {
            lock (DefaultLock)
            {
                return _default ??= Load(FindShared() ?? throw new DirectoryNotFoundException("the shared folder (with mirror/ and corpus/) was not found beside any folder above the current one or the program; give it with --shared"));
            }
        }

        set
        {
            lock (DefaultLock)
            {
                _default = value;
            }
        }
    }

    /// <summary>The imported content folder the pool was loaded from (in the cache).</summary>
    public string ContentDir { get; }

    public RealTextLanguage Zh { get; }

    public RealTextLanguage En { get; }

    /// <summary>Every real article loaded (both languages), bodies as imported.</summary>
    public IReadOnlyList<Article> Sources { get; }

    public RealTextLanguage For(string lang) => IsChinese(lang) ? Zh : En;

    internal static bool IsChinese(string lang) => lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Imports <paramref name="shared"/>'s <c>mirror/</c> and <c>corpus/</c> into a folder under
    /// <paramref name="cacheRoot"/> (by default <c>sitegen-realtext</c> under the system temp folder),
    /// unless an earlier run already did, and loads the articles.
    /// </summary>
    public static RealTextPool Load(string shared, string? cacheRoot = null)
    {
        var inputs = Inputs.Select(d => Path.Combine(shared, d)).Where(Directory.Exists).ToArray();
        if (inputs.Length == 0)
        {
            throw new DirectoryNotFoundException($"neither mirror/ nor corpus/ in {shared}");
        }

        var root = cacheRoot ?? Path.Combine(Path.GetTempPath(), "sitegen-realtext");
        var dir = Path.Combine(root, Key(shared, inputs));
        var content = Path.Combine(dir, "content");
        if (!Directory.Exists(dir))
        {
            Import(inputs, root, dir);
            ForgetOld(root, dir);
        }
        else
        {
            TryTouch(dir);
        }

        var articles = ArticleStore.Open(content).Articles
            .Select(s => new RealArticle(s.Article, Blocks(s.Article.Body)))
            .Where(a => a.Paragraphs.Count > 0 && a.Article.Title.Length > 0)
            .ToList();
        return new RealTextPool(content, [.. articles.Where(a => IsChinese(a.Article.Lang))], [.. articles.Where(a => !IsChinese(a.Article.Lang))]);
    }

    /// <summary>The shared folder: <c>shared/</c> (with <c>mirror/</c> or <c>corpus/</c>) beside a folder above the current folder or the program.</summary>
    public static string? FindShared()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "mirror")) || Directory.Exists(Path.Combine(candidate, "corpus")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A body cut on blank lines into Markdown blocks, each kept whole: a fenced code block, or a
    /// figure (from a <c>^^^</c> line to the next, which may carry the caption), stays one block even
    /// with blank lines inside.
    /// </summary>
    public static IReadOnlyList<string> Blocks(string body)
    {
        var blocks = new List<string>();
        var current = new List<string>();
        var fence = false;
        var figure = false;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 && !fence && !figure)
            {
                Flush();
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = !fence;
            }
            else if (!fence && trimmed.StartsWith("^^^", StringComparison.Ordinal))
            {
                figure = !figure;
            }

            current.Add(line);
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (current.Count > 0)
            {
                blocks.Add(string.Join('\n', current).TrimEnd());
                current.Clear();
            }
        }
    }

    /// <summary>Figures of the pool for the docs: articles, distinct Han bigrams of the bodies, tags, one-article share, median and mean body.</summary>
    public string Figures() =>
        string.Join('\n', new[] { Zh, En }.Distinct().Select(lang => Figures(lang.Key, lang.Articles.Select(a => a.Article).ToList())));

    /// <summary>The same figures for any articles (a generated archive's, to set beside the pool's).</summary>
    public static string Figures(string label, IReadOnlyList<Article> articles)
    {
        if (articles.Count == 0)
        {
            return $"{label}: no articles";
        }

        var bytes = articles.Select(a => Encoding.UTF8.GetByteCount(a.Body)).Order().ToList();
        var tags = articles.SelectMany(a => a.Tags.Distinct(StringComparer.Ordinal)).GroupBy(t => t, StringComparer.Ordinal).Select(g => g.Count()).ToList();
        var single = tags.Count(c => c == 1);
        return string.Create(CultureInfo.InvariantCulture, $"{label}: {articles.Count:N0} articles, {HanBigrams(articles.Select(a => a.Body)).Count:N0} distinct Chinese character bigrams in bodies, {articles.Sum(a => Blocks(a.Body).Count):N0} body blocks, {tags.Count:N0} tags ({single:N0} on one article: {(tags.Count == 0 ? 0 : (double)single / tags.Count):P1}), {articles.Count(a => a.Tags.Count > 0):N0} articles with tags, body median {bytes[bytes.Count / 2]:N0} bytes, mean {bytes.Average():N0}, max {bytes[^1]:N0}");
    }

    /// <summary>Distinct pairs of adjacent CJK ideographs in the texts.</summary>
    public static HashSet<int> HanBigrams(IEnumerable<string> texts)
    {
        var set = new HashSet<int>();
        foreach (var text in texts)
        {
            for (var k = 1; k < text.Length; k++)
            {
                if (IsHan(text[k - 1]) && IsHan(text[k]))
                {
                    set.Add((text[k - 1] << 16) | text[k]);
                }
            }
        }

        return set;
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Imports into a new folder beside <paramref name="dir"/>, then renames it into place (another process may win the race: then its folder is used).</summary>
    private static void Import(string[] inputs, string root, string dir)
    {
        Directory.CreateDirectory(root);
        var staging = dir + ".tmp-" + Guid.NewGuid().ToString("N");
        var content = Path.Combine(staging, "content");
        try
        {
            WriteOutlets(Path.Combine(content, "outlets"));
            var importer = new Importer(SourceReaders.Default, OutletStore.Load(content));
            importer.Import(inputs, new ImportOptions(content));
            try
            {
                Directory.Move(staging, dir);
            }
            catch (IOException) when (Directory.Exists(dir))
            {
                // Another process imported the same folder first.
            }
        }
        finally
        {
            BenchRunner.TryDelete(staging);
        }
    }

    /// <summary>Deletes the imports of other states of the shared folder or the library not used for a day (another process may still use a recent one).</summary>
    private static void ForgetOld(string root, string keep)
    {
        foreach (var other in Directory.EnumerateDirectories(root))
        {
            if (other != keep && Directory.GetLastWriteTimeUtc(other) < DateTime.UtcNow.AddDays(-1))
            {
                BenchRunner.TryDelete(other);
            }
        }
    }

    /// <summary>Marks an import as used (its folder's time), so <see cref="ForgetOld"/> keeps it.</summary>
    private static void TryTouch(string dir)
    {
        try
        {
            Directory.SetLastWriteTimeUtc(dir, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache on a read-only folder is still read.
        }
    }

    /// <summary>The shipped outlets (content/outlets/*.yml of the repository, inside this assembly), which the import needs.</summary>
    private static void WriteOutlets(string outletsDir)
    {
        Directory.CreateDirectory(outletsDir);
        var assembly = typeof(RealTextPool).Assembly;
        foreach (var name in OutletResources())
        {
            using var source = assembly.GetManifestResourceStream(name)!;
            using var target = File.Create(Path.Combine(outletsDir, name["outlets/".Length..]));
            source.CopyTo(target);
        }
    }

    private static IEnumerable<string> OutletResources() =>
        typeof(RealTextPool).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("outlets/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>A hash of the inputs' file lists and sizes, the shipped outlets, the library's build and <see cref="Version"/>.</summary>
    private static string Key(string shared, string[] inputs)
    {
        var sb = new StringBuilder(Version).Append('\n');
        foreach (var input in inputs)
        {
            foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Select(f => (Path: Path.GetRelativePath(shared, f).Replace('\\', '/'), f)).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                sb.Append(file.Path).Append('\t').Append(new FileInfo(file.f).Length.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        // The importer's build: a change to the library (a reader that reads better) imports anew.
        sb.Append("library\t").Append(typeof(Importer).Assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        // The importer's build: a change to the library (a reader that reads better) imports anew.
        sb.Append("library\t").Append(typeof(Importer).Assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        var assembly = typeof(RealTextPool).Assembly;
        foreach (var name in OutletResources())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            sb.Append(name).Append('\t').Append(Convert.ToHexStringLower(SHA256.HashData(stream))).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }
}
