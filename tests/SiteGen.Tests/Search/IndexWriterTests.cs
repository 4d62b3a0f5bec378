using System.Security.Cryptography;
using SiteGen.Model;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

public class IndexWriterTests
{
    internal static SearchDocument Doc(int i, string title, string body, string lang = "en", string outlet = "voa") => new()
    {
        Id = $"{outlet}-{i}",
        Lang = lang,
        Title = title,
        Body = body,
        Outlet = new SearchFacetValue(outlet, new Dictionary<string, string> { ["en"] = outlet.ToUpperInvariant(), ["zh"] = outlet }),
        Published = PublishedDate.FromDate(2020 + (i % 3), 1 + (i % 12), 1),
        Urls = new Dictionary<string, string> { ["zh"] = $"zh/articles/{outlet}-{i}/", ["en"] = $"en/articles/{outlet}-{i}/" },
    };

    private static IEnumerable<SearchDocument> Corpus(int count)
    {
        string[] words = ["普京", "习近平", "峰会", "北约", "乌克兰", "summit", "Putin", "NATO", "election", "台湾", "臺灣", "café", "２０２２"];
        for (var i = 0; i < count; i++)
        {
            var body = string.Join(i % 2 == 0 ? "，" : " ", Enumerable.Range(0, 40).Select(k => words[(i * 7 + k * 3) % words.Length] + (k % 5 == 0 ? "会谈" : "")));
            yield return Doc(i, $"标题 {words[i % words.Length]} {i}", body, i % 2 == 0 ? "zh-Hans" : "en", i % 3 == 0 ? "rfa" : "voa");
        }
    }

    private static Dictionary<string, string> Hashes(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    [Fact]
    public void Two_writes_of_the_same_documents_are_byte_identical()
    {
        var a = TestPaths.NewTempDir();
        var b = TestPaths.NewTempDir();
        using (var w = new SearchIndexWriter())
        {
            foreach (var d in Corpus(300))
            {
                w.Add(d);
            }

            w.WriteTo(a);
        }

        using (var w = new SearchIndexWriter())
        {
            foreach (var d in Corpus(300))
            {
                w.Add(d);
            }

            w.WriteTo(b);
        }

        Assert.Equal(Hashes(a), Hashes(b));
    }

    [Fact]
    public void Spilling_runs_to_disk_gives_the_same_bytes_as_holding_everything_in_memory()
    {
        var memory = TestPaths.NewTempDir();
        var spilled = TestPaths.NewTempDir();
        var temp = TestPaths.NewTempDir();
        SearchIndexStats stats;
        using (var w = new SearchIndexWriter(new SearchIndexOptions { MinShardBytes = 512 }))
        {
            foreach (var d in Corpus(500))
            {
                w.Add(d);
            }

            w.WriteTo(memory);
        }

        using (var w = new SearchIndexWriter(new SearchIndexOptions { MinShardBytes = 512, SpillBytes = 4096, TempDir = temp }))
        {
            foreach (var d in Corpus(500))
            {
                w.Add(d);
            }

            stats = w.WriteTo(spilled);
        }

        Assert.True(stats.Spills > 3, $"{stats.Spills} spills");
        Assert.Equal(Hashes(memory), Hashes(spilled));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
    }

    [Fact]
    public void Shard_keys_cover_every_term_and_a_query_reads_only_its_shards()
    {
        var dir = TestPaths.NewTempDir();
        using (var w = new SearchIndexWriter(new SearchIndexOptions { MinShardBytes = 256 }))
        {
            foreach (var d in Corpus(200))
            {
                w.Add(d);
            }

            Assert.True(w.WriteTo(dir).Shards > 5);
        }

        var reader = SearchIndexReader.Open(dir);
        var hits = reader.Search("普京 nato");
        Assert.NotEmpty(hits);
        var query = SearchQuery.Parse("普京 nato");
        var expected = query.Terms.Select(t => $"shards/{reader.ShardOf(t)}.bin").ToHashSet();
        Assert.Equal(expected, reader.FilesRead.Where(f => f.StartsWith("shards/", StringComparison.Ordinal)).ToHashSet());
        Assert.True(reader.ShardCount > expected.Count + 3);
    }

    [Fact]
    public void Title_matches_rank_above_body_matches()
    {
        var dir = TestPaths.NewTempDir();
        using (var w = new SearchIndexWriter())
        {
            w.Add(Doc(0, "Weather report", "The summit was held in spring. Lots of other words here about the weather and rain."));
            w.Add(Doc(1, "Summit in Beijing", "Leaders met. Lots of other words here about the weather and rain today."));
            w.Add(Doc(2, "Markets", "Nothing relevant at all in this text about shares."));
            w.WriteTo(dir);
        }

        var reader = SearchIndexReader.Open(dir);
        Assert.Equal([1, 0], reader.Search("summits").Select(h => h.Doc));
        Assert.Empty(reader.Search("beijing weather rain shares"));
    }

    [Theory]
    [InlineData("北约", null, "")]
    [InlineData("北约", "北京", "北约")]
    [InlineData("abd", "abc", "abd")]
    [InlineData("abcx", "abc", "abcx")]
    [InlineData("b", "abc", "b")]
    public void Shard_key_is_the_shortest_prefix_after_the_previous_shard(string first, string? previousLast, string key) =>
        Assert.Equal(key, SearchIndexWriter.ShortestKey(first, previousLast));

    [Fact]
    public void Excerpt_is_collapsed_and_cut()
    {
        Assert.Equal("a b c", SearchIndexWriter.Excerpt("a\n\n b   c", 100));
        var zh = SearchIndexWriter.Excerpt(new string('中', 500), 300);
        Assert.Equal(151, zh.Length);
        Assert.EndsWith("…", zh, StringComparison.Ordinal);
    }
}
