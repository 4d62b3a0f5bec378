using System.Diagnostics;
using SiteGen.Content;
using SiteGen.Search;
using Xunit.Abstractions;

namespace SiteGen.Tests.Search;

/// <summary>
/// Figures at scale, printed (not timed assertions, except the transfer budget): the shipped articles
/// copied up to N documents (N = SITEGEN_SEARCH_SCALE, 2,000 by default; the note in docs/search.md was
/// made with 1,000, 10,000 and 50,000). Copies repeat the vocabulary, so terms and index size are lower
/// than a real archive's, while document frequencies (what a query transfers) scale like a real one.
/// </summary>
public class ScaleFiguresTests(ITestOutputHelper output)
{
    [Fact]
    public void Index_size_shards_memory_time_and_first_query_transfer()
    {
        var n = int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_SEARCH_SCALE"), out var v) ? v : 2000;
        var store = ArticleStore.Open(TestPaths.Content);
        var outlets = OutletStore.Load(TestPaths.Content);
        var source = store.Articles.Select(s => SearchDocument.FromArticle(s.Article, outlets.ById(s.Article.Outlet))).ToArray();
        var dir = TestPaths.NewTempDir();
        try
        {
            GC.Collect();
            var baseline = GC.GetTotalMemory(true);
            long peak = 0;
            var clock = Stopwatch.StartNew();
            SearchIndexStats stats;
            using (var writer = new SearchIndexWriter())
            {
                for (var i = 0; i < n; i++)
                {
                    var d = source[i % source.Length];
                    writer.Add(d with { Id = $"{d.Id}-{i}", Urls = d.Urls.ToDictionary(p => p.Key, p => $"{p.Value}{i}/") });
                    if (i % 500 == 0)
                    {
                        peak = Math.Max(peak, GC.GetGCMemoryInfo().HeapSizeBytes - baseline);
                    }
                }

                peak = Math.Max(peak, GC.GetGCMemoryInfo().HeapSizeBytes - baseline);
                stats = writer.WriteTo(dir);
            }

            var elapsed = clock.Elapsed;
            var fold = new FileInfo(Path.Combine(dir, "fold.json")).Length;
            output.WriteLine($"{n} documents: {stats.Terms:N0} terms, {stats.Shards} shards, {stats.DocChunks} doc chunks, {stats.Files} files, {stats.Bytes:N0} bytes; manifest {stats.ManifestBytes:N0}, meta {stats.MetaBytes:N0}, largest shard {stats.LargestShardBytes:N0}; {stats.Spills} spills");
            output.WriteLine($"index time {elapsed.TotalSeconds:N1} s ({elapsed.TotalMilliseconds / n:N2} ms/doc), managed heap peak above baseline ~{peak / (1 << 20):N0} MiB");
            long worst = 0;
            foreach (var q in new[] { "普京 峰会", "习近平", "中国", "Putin", "俄罗斯 乌克兰 战争" })
            {
                var reader = SearchIndexReader.Open(dir);
                var hits = reader.Search(q);
                foreach (var hit in hits.Take(10))
                {
                    reader.Doc(hit.Doc);
                }

                var bytes = reader.BytesRead + (q.Any(c => c > 127) ? fold : 0);
                worst = Math.Max(worst, bytes);
                output.WriteLine($"first query '{q}': {hits.Count} hits, {bytes:N0} bytes in {reader.FilesRead.Count + (q.Any(c => c > 127) ? 1 : 0)} files");
            }

            if (n <= 10_000)
            {
                Assert.True(worst < 300_000, $"a first query transferred {worst:N0} bytes");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
