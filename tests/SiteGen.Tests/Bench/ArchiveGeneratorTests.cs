using System.Security.Cryptography;
using System.Text;
using SiteGen.Bench;
using SiteGen.Content;

namespace SiteGen.Tests.Bench;

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
            var bytes = Encoding.UTF8.GetByteCount(a.Body);
            Assert.InRange(bytes, 1024, 4096 + 1024);
            Assert.InRange(a.Published.Year, 2015, 2024);
        });
        Assert.Contains(articles, a => a.Body.Contains("\n## ", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.Body.Contains("![", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.Body.Contains("\n> ", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.Lang == "en");
        Assert.Contains(articles, a => a.Lang.StartsWith("zh", StringComparison.Ordinal));
        Assert.Contains(articles, a => a.TranslationOf is not null);
        Assert.Equal(30, Directory.GetFiles(Path.Combine(dir, "content", "outlets")).Length);
        Assert.Equal(500, Directory.GetFiles(Path.Combine(dir, "content", "events")).Length);

        // The same articles for Hugo, plus the theme written from the assembly's resources.
        Assert.Equal(120, Directory.GetFiles(Path.Combine(dir, "hugo", "content", "articles"), "*.md").Count(f => !f.EndsWith("_index.md", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(dir, "hugo", "themes", "bench", "layouts", "_default", "single.html")));
        Assert.Equal(10, Directory.GetFiles(Path.Combine(dir, "raw")).Length);
    }

    [Fact]
    public void Generator_draws_two_thousand_distinct_tags()
    {
        var generator = new ArchiveGenerator(new ArchiveSpec(1));
        Assert.Equal(2000, generator.Tags.Select(SiteGen.Link.Slugs.Tag).Distinct(StringComparer.Ordinal).Count());
    }

    internal static string Generate(int n, ulong seed)
    {
        var dir = TestPaths.NewTempDir();
        var generator = new ArchiveGenerator(new ArchiveSpec(n, seed));
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
