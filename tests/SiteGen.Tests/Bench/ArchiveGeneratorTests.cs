using System.Security.Cryptography;
using System.Text;
using SiteGen.Bench;
using SiteGen.Content;

namespace SiteGen.Tests.Bench;

[Trait("Needs", "shared")] // the generator draws its text from ../shared (RealTextPool)
public class ArchiveGeneratorTests
{
    [Fact]
    public void Same_seed_gives_the_same_bytes_in_every_format()
    {
        var a = Generate(40, 7);
        var b = Generate(40, 7);
        Assert.Equal(TreeHash(a), TreeHash(b));
        Assert.NotEqual(TreeHash(Generate(40, 8)), TreeHash(a));
    }

    [Fact]
    public void Generated_articles_are_valid_normalized_files_with_the_promised_shape()
    {
        var dir = Generate(120, 3);
        var store = ArticleStore.Open(Path.Combine(dir, "content"));
        Assert.Empty(store.Errors);
        var articles = store.Articles.Select(s => s.Article).ToList();
        Assert.Equal(120, articles.Count);
        Assert.All(articles, a =>
        {
            Assert.NotEmpty(a.Body);
            Assert.InRange(a.Published.Year, 2015, 2024);
        });
        Assert.Contains(articles, a => System.Text.RegularExpressions.Regex.IsMatch(a.Body, "(^|\n)#{1,6} "));
        Assert.Contains(articles, a => a.Body.Contains("![", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.Lang == "en");
        Assert.Contains(articles, a => a.Lang.StartsWith("zh", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.TranslationOf is not null);
        Assert.Equal(30, Directory.GetFiles(Path.Combine(dir, "content", "outlets")).Length);
        Assert.Equal(500, Directory.GetFiles(Path.Combine(dir, "content", "events")).Length);
        var events = SiteGen.Events.EventStore.Load(Path.Combine(dir, "content"));
        Assert.Empty(events.Errors);
        Assert.Equal(500, events.Events.Count);
        Assert.Contains(events.Events, e => !e.IsSingleDay);

        // The same articles for Hugo, plus the theme written from the assembly's resources.
        Assert.Equal(120, Directory.GetFiles(Path.Combine(dir, "hugo", "content", "articles"), "*.md").Count(f => !f.EndsWith("_index.md", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(dir, "hugo", "themes", "bench", "layouts", "_default", "single.html")));
        Assert.Equal(10, Directory.GetFiles(Path.Combine(dir, "raw")).Length);
    }

    [Fact]
    public void Same_seed_gives_the_same_article_and_another_seed_another()
    {
        var a = new ArchiveGenerator(new ArchiveSpec(300, 7), Pool);
        var b = new ArchiveGenerator(new ArchiveSpec(300, 7), Pool);
        var c = new ArchiveGenerator(new ArchiveSpec(300, 8), Pool);
        var differ = 0;
        for (var i = 0; i < 300; i += 7)
        {
            Assert.Equal(ArticleFile.Write(a.Article(i).Article), ArticleFile.Write(b.Article(i).Article));
            differ += ArticleFile.Write(a.Article(i).Article) == ArticleFile.Write(c.Article(i).Article) ? 0 : 1;
        }

        Assert.Equal(43, differ);
    }

    [Fact]
    public void Article_i_does_not_depend_on_the_number_of_articles()
    {
        var small = new ArchiveGenerator(new ArchiveSpec(60, 5), Pool);
        var large = new ArchiveGenerator(new ArchiveSpec(5000, 5), Pool);
        for (var i = 0; i < 59; i++)
        {
            Assert.Equal(ArticleFile.Write(large.Article(i).Article), ArticleFile.Write(small.Article(i).Article));
            Assert.Equal(large.Article(i).TranslatedBy, small.Article(i).TranslatedBy);
        }
    }

    [Fact]
    public void Every_body_block_and_title_is_real_text_of_the_pool()
    {
        var sources = string.Join("\u0000", Pool.Sources.Select(a => a.Body));
        var titles = Pool.Sources.Select(a => a.Title).ToHashSet(StringComparer.Ordinal);
        var generator = new ArchiveGenerator(new ArchiveSpec(150, 9), Pool);
        var blocks = 0;
        for (var i = 0; i < 150; i++)
        {
            var article = generator.Article(i).Article;
            Assert.Contains(article.Title, titles);
            foreach (var block in RealTextPool.Blocks(article.Body))
            {
                Assert.True(sources.Contains(block, StringComparison.Ordinal), $"article {i}: not in the pool's articles:\n{block}");
                blocks++;
            }
        }

        Assert.True(blocks > 150 * 3, $"{blocks} blocks");
    }

    [Fact]
    public void Vocabulary_tags_and_length_at_five_thousand_match_the_pool()
    {
        const int n = 5000;
        var generator = new ArchiveGenerator(new ArchiveSpec(n, 42), Pool);
        var articles = Enumerable.Range(0, n).Select(i => generator.Article(i).Article).ToList();
        var zh = articles.Where(a => a.Lang.StartsWith("zh", StringComparison.Ordinal)).ToList();
        // Languages follow the pool (its English text is a few articles): mostly Chinese, some English.
        Assert.InRange(zh.Count, n * 8 / 10, n - 1);

        // Vocabulary: distinct pairs of adjacent Chinese characters in the Chinese bodies.
        var poolBigrams = Bigrams(Pool.Zh.Articles.Select(a => a.Article.Body));
        var generatedBigrams = Bigrams(zh.Select(a => a.Body));
        Assert.True(poolBigrams > 100_000, $"{poolBigrams} bigrams in the pool");
        Assert.True(generatedBigrams >= poolBigrams / 2, $"{generatedBigrams} distinct bigrams generated, {poolBigrams} in the pool");

        // Tags: the share of the Chinese articles' tags that one article carries (per language: the few
        // English articles are recombined from the pool's few English ones).
        var poolTags = Pool.Zh.TagCounts.Values.ToList();
        var generatedTags = zh.SelectMany(a => a.Tags).GroupBy(t => t, StringComparer.Ordinal).Select(g => g.Count()).ToList();
        var poolShare = (double)poolTags.Count(c => c == 1) / poolTags.Count;
        var generatedShare = (double)generatedTags.Count(c => c == 1) / generatedTags.Count;
        Assert.True(poolShare is > 0.05 and < 0.95, $"pool share {poolShare:P1}");
        Assert.True(Math.Abs(generatedShare - poolShare) <= 0.10, $"one-article tags: {generatedShare:P1} generated, {poolShare:P1} in the pool");
        Assert.True(generatedTags.Count > poolTags.Count, $"{generatedTags.Count} tags generated, {poolTags.Count} in the pool");
        Assert.True(generatedTags.Max() > zh.Count / 100, $"the most used tag is on {generatedTags.Max()} articles");

        // Length: the median Chinese body, in UTF-8 bytes.
        var poolMedian = Median(Pool.Zh.Articles.Select(a => Encoding.UTF8.GetByteCount(a.Article.Body)));
        var generatedMedian = Median(zh.Select(a => Encoding.UTF8.GetByteCount(a.Body)));
        Assert.True(Math.Abs(generatedMedian - poolMedian) <= poolMedian / 4, $"median body {generatedMedian} bytes generated, {poolMedian} in the pool");

        // And the mean, which the long bodies pull up and which the build time follows.
        var poolMean = Pool.Zh.Articles.Average(a => Encoding.UTF8.GetByteCount(a.Article.Body));
        var generatedMean = zh.Average(a => Encoding.UTF8.GetByteCount(a.Body));
        Assert.True(Math.Abs(generatedMean - poolMean) <= poolMean / 4, $"mean body {generatedMean:F0} bytes generated, {poolMean:F0} in the pool");
    }

    [Fact]
    public void A_tag_is_a_shared_real_tag_or_a_one_article_real_tag_made_unique()
    {
        var generator = new ArchiveGenerator(new ArchiveSpec(400, 3), Pool);
        var shared = generator.Tags.ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(shared);
        Assert.All(shared, t => Assert.True(Pool.Zh.TagCounts.GetValueOrDefault(t) > 1 || Pool.En.TagCounts.GetValueOrDefault(t) > 1, t));
        var made = 0;
        for (var i = 0; i < 400; i++)
        {
            var article = generator.Article(i).Article;
            var text = Pool.For(article.Lang);
            foreach (var tag in article.Tags)
            {
                if (shared.Contains(tag) && text.TagCounts.GetValueOrDefault(tag) > 1)
                {
                    continue;
                }

                var suffix = " " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.EndsWith(suffix, tag, StringComparison.Ordinal);
                Assert.Equal(1, text.TagCounts.GetValueOrDefault(tag[..^suffix.Length]));
                made++;
            }
        }

        Assert.True(made > 100, $"{made} one-article tags");
    }

    [Fact]
    public void Blocks_keep_fenced_code_and_figures_whole()
    {
        var body = "first\nline\n\n^^^\n![a](b.jpg)\n\n^^^ caption\n\n```\ncode\n\nmore\n```\n\n\n## heading";
        Assert.Equal(["first\nline", "^^^\n![a](b.jpg)\n\n^^^ caption", "```\ncode\n\nmore\n```", "## heading"], RealTextPool.Blocks(body));
    }

    [Fact]
    public void Hugo_site_of_a_loaded_content_folder_is_the_generators_own()
    {
        // --archive writes the Hugo site from the articles, outlets and events as loaded: for a
        // generated archive that is the site the generator writes, byte for byte.
        var dir = TestPaths.NewTempDir();
        var generator = new ArchiveGenerator(new ArchiveSpec(80, 4) { Events = 20 }, Pool);
        ArchiveWriter.WriteContent(generator, Path.Combine(dir, "content"));
        ArchiveWriter.WriteHugoSite(generator, Path.Combine(dir, "generated"));
        ArchiveWriter.WriteHugoSite(Path.Combine(dir, "content"), Path.Combine(dir, "loaded"));
        Assert.Equal(81, Directory.GetFiles(Path.Combine(dir, "loaded", "content", "articles"), "*.md").Length);
        Assert.Equal(TreeHash(Path.Combine(dir, "generated")), TreeHash(Path.Combine(dir, "loaded")));
    }

    /// <summary>The real text of ../shared, imported once (cached under the temp folder across runs).</summary>
    internal static RealTextPool Pool => PoolOnce.Value;

    private static readonly Lazy<RealTextPool> PoolOnce = new(() => RealTextPool.Load(TestPaths.Shared));

    private static int Bigrams(IEnumerable<string> bodies)
    {
        var set = new HashSet<(char, char)>();
        foreach (var body in bodies)
        {
            for (var k = 1; k < body.Length; k++)
            {
                if (body[k - 1] is >= '\u4E00' and <= '\u9FFF' && body[k] is >= '\u4E00' and <= '\u9FFF')
                {
                    set.Add((body[k - 1], body[k]));
                }
            }
        }

        return set.Count;
    }

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    internal static string Generate(int n, ulong seed)
    {
        var dir = TestPaths.NewTempDir();
        var generator = new ArchiveGenerator(new ArchiveSpec(n, seed), Pool);
        ArchiveWriter.WriteContent(generator, Path.Combine(dir, "content"));
        ArchiveWriter.WriteHugoSite(generator, Path.Combine(dir, "hugo"));
        ArchiveWriter.WriteRawFeedFiles(generator, Path.Combine(dir, "raw"), 10);
        return dir;
    }

    /// <summary>SHA-256 over "path\nsha256(bytes)\n" for every file in ordinal path order.</summary>
    internal static string TreeHash(string dir)
    {
        var lines = new StringBuilder();
        foreach (var (path, bytes) in SiteFixture.Snapshot(dir))
        {
            lines.Append(path).Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
    }
}
