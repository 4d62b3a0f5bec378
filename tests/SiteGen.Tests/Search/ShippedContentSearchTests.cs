using SiteGen.Search;
using Xunit.Abstractions;

namespace SiteGen.Tests.Search;

public class ShippedContentSearchTests(ShippedIndex index, ITestOutputHelper output) : IClassFixture<ShippedIndex>
{
    private string[] Ids(string query, SearchFilter? filter = null)
    {
        var reader = index.Open();
        return [.. reader.Search(query, filter).Select(h => reader.Doc(h.Doc).Id)];
    }

    [Fact]
    public void Every_article_is_indexed()
    {
        Assert.Equal(69, index.Stats.Documents);
        Assert.Equal(index.Documents.Count, index.Stats.Documents);
    }

    [Fact]
    public void Putin_in_chinese_lists_the_seed_articles()
    {
        var ids = Ids("普京");
        Assert.Superset(ShippedIndex.SummitSeeds.ToHashSet(), ids.ToHashSet());
        Assert.True(ids.Length >= 20, $"{ids.Length} hits");
    }

    [Fact]
    public void Putin_summit_ranks_the_2022_02_04_summit_articles_first()
    {
        var ids = Ids("普京 峰会");
        output.WriteLine(string.Join("\n", ids));
        Assert.Equal(ShippedIndex.SummitSeeds.Order(StringComparer.Ordinal), ids.Take(3).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Traditional_query_equals_simplified_query()
    {
        var traditional = Ids("習近平");
        Assert.NotEmpty(traditional);
        Assert.Equal(Ids("习近平"), traditional);
        Assert.Equal(Ids("烏克蘭 無人機"), Ids("乌克兰 无人机"));
    }

    [Fact]
    public void A_traditional_chinese_article_is_found_by_a_simplified_query() =>
        Assert.Contains("dw-70084090", Ids("俄罗斯训练无人机"));

    [Fact]
    public void Putin_in_latin_letters_finds_what_mentions_it()
    {
        // No English article of the shipped archive mentions Putin (only URLs, which are not indexed);
        // a Chinese article that writes the name in Latin letters is found, and so are the articles of
        // the summit event by its English name. English words find the English articles.
        var ids = Ids("Putin");
        Assert.Contains("epochtimes-n13852308", ids);
        Assert.DoesNotContain("voachinese-4569818", ids);
        Assert.Superset(ShippedIndex.SummitSeeds.ToHashSet(), ids.ToHashSet());
        Assert.Equal(ids, Ids("putin's"));
        Assert.Contains("simonsfoundation-h92afb4f321", Ids("Abel prize"));
        Assert.Contains("chicagotribune-h54fbc7c1d5", Ids("nightclub shootings"));
        Assert.Contains("bostoncom-h621e865ef0", Ids("RALLIES racism"));
    }

    [Fact]
    public void A_phrase_must_stand_together()
    {
        Assert.NotEmpty(Ids("北约东扩"));
        Assert.Empty(Ids("东扩北约"));
    }

    [Fact]
    public void A_query_with_no_hit_returns_none()
    {
        Assert.Empty(Ids("zzyzxqv"));
        Assert.Empty(Ids("普京 zzyzxqv"));
        Assert.Empty(Ids("the of and"));
        Assert.Empty(Ids(""));
    }

    [Fact]
    public void One_character_queries_use_unigrams() => Assert.Contains("voachinese-6426608", Ids("俄"));

    [Fact]
    public void Filters_narrow_the_results()
    {
        var all = Ids("普京");
        var voa = Ids("普京", new SearchFilter(Outlet: "voachinese"));
        Assert.NotEmpty(voa);
        Assert.True(voa.Length < all.Length);
        Assert.All(voa, id => Assert.StartsWith("voachinese-", id, StringComparison.Ordinal));
        var y2018 = Ids("普京", new SearchFilter(Year: 2018));
        Assert.NotEmpty(y2018);
        Assert.DoesNotContain("voachinese-6426608", y2018);
        Assert.Equal(ShippedIndex.SummitSeeds.Order(StringComparer.Ordinal), Ids("普京", new SearchFilter(Event: ShippedIndex.SummitEvent)).Order(StringComparer.Ordinal));
        Assert.Equal(["dw-70084090"], Ids("无人机", new SearchFilter(Lang: "zh-Hant")));
        Assert.Empty(Ids("普京", new SearchFilter(Lang: "en")));
    }

    [Fact]
    public void A_query_reads_only_the_manifest_norms_its_shards_and_its_result_chunks()
    {
        var reader = index.Open();
        var query = SearchQuery.Parse("普京 峰会");
        var hits = reader.Search(query);
        foreach (var hit in hits.Take(10))
        {
            reader.Doc(hit.Doc);
        }

        var shards = query.Terms.Select(reader.ShardOf).Distinct().Select(s => $"shards/{s}.bin").ToHashSet();
        var read = reader.FilesRead.ToArray();
        Assert.Equal(["index.json", "keys.bin", "norms.bin"], read.Take(3));
        Assert.DoesNotContain("meta.bin", read);
        Assert.Equal(shards, read.Where(f => f.StartsWith("shards/", StringComparison.Ordinal)).ToHashSet());
        Assert.True(reader.ShardCount > shards.Count);
        Assert.All(read.Skip(3), f => Assert.True(f.StartsWith("shards/", StringComparison.Ordinal) || f.StartsWith("docs/", StringComparison.Ordinal), f));
    }

    [Fact]
    public void Every_term_is_found_in_the_shard_the_manifest_points_to()
    {
        var reader = index.Open();
        foreach (var q in new[] { "a", "zzz", "北约", "习近平", "cafe", "2022", "乌", "\U00020000" })
        {
            reader.Search(q); // must not throw; the shard lookup covers the whole term range
        }

        Assert.Equal(0, reader.ShardOf(""));
    }

    [Fact]
    public void Figures_for_the_shipped_content()
    {
        var reader = index.Open();
        foreach (var hit in reader.Search("普京 峰会").Take(10))
        {
            reader.Doc(hit.Doc);
        }

        var fold = new FileInfo(Path.Combine(index.Dir, "fold.json")).Length;
        output.WriteLine($"documents {index.Stats.Documents}, terms {index.Stats.Terms}, shards {index.Stats.Shards}, doc chunks {index.Stats.DocChunks}, files {index.Stats.Files}");
        output.WriteLine($"index size {index.Stats.Bytes:N0} bytes (manifest {index.Stats.ManifestBytes:N0}, meta {index.Stats.MetaBytes:N0}, fold table {fold:N0}, largest shard {index.Stats.LargestShardBytes:N0})");
        output.WriteLine($"first query '普京 峰会' reads {reader.BytesRead:N0} bytes (+ {fold:N0} fold table) in {reader.FilesRead.Count} files: {string.Join(", ", reader.FilesRead)}");
        output.WriteLine($"index build {index.Elapsed.TotalMilliseconds:N0} ms");
        Assert.True(reader.BytesRead + fold < 300_000);
    }
}
