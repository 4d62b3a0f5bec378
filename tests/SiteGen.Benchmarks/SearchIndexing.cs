using BenchmarkDotNet.Attributes;
using SiteGen.Bench;
using SiteGen.Model;
using SiteGen.Search;

namespace SiteGen.Benchmarks;

/// <summary>
/// The search index on generated articles (seed 42), as the site builder makes it
/// (<c>IncrementalSite.SearchIndex</c>): tokenize in parallel into prepared documents, add them in
/// order, write the files to memory. Cold is a new <see cref="SearchIndexCache"/> (every article
/// tokenized; the term table starts empty); warm is a rebuild after one edit (one article tokenized,
/// the rest merged as kept). Single-article rows isolate the tokenizer.
/// </summary>
[MemoryDiagnoser]
public class SearchIndexing
{
    private static readonly string[] Languages = ["zh", "en"];
    private readonly SearchIndexOptions _options = new();
    private (Article Article, Outlet Outlet, IReadOnlyList<SearchFacetValue> Events)[] _articles = [];
    private SearchDocument _one = null!;
    private SearchIndexCache _warm = null!;
    private SearchIndexCache _tokenizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var generator = new ArchiveGenerator(new ArchiveSpec(200));
        var outlets = generator.Outlets.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var events = generator.Events.ToDictionary(e => e.Id, e => new SearchFacetValue(e.Id, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["zh"] = e.TitleZh ?? e.Id,
            ["en"] = e.TitleEn ?? e.Id,
        }), StringComparer.Ordinal);
        _articles = [.. Enumerable.Range(0, 200).Select(i =>
        {
            var a = generator.Article(i).Article;
            return (a, outlets[a.Outlet], (IReadOnlyList<SearchFacetValue>)[.. a.Events.Select(e => events.TryGetValue(e, out var v) ? v : SearchFacetValue.Of(e))]);
        })];
        var (article, outlet, articleEvents) = _articles[0];
        _one = SearchDocument.FromArticle(article, outlet, articleEvents, Languages);
        _warm = new SearchIndexCache();
        Index(_warm);
        _tokenizer = new SearchIndexCache();
        _tokenizer.Prepare(_one, _options);
    }

    private long Index(SearchIndexCache cache)
    {
        var prepared = new PreparedSearchDocument[_articles.Length];
        Parallel.For(0, _articles.Length, i => prepared[i] = cache.Prepare(_articles[i].Article, _articles[i].Outlet, _articles[i].Events, Languages, _options));
        using var writer = new SearchIndexWriter(_options);
        foreach (var p in prepared)
        {
            writer.Add(p);
        }

        long bytes = 0;
        writer.WriteTo((_, data) => bytes += data.Length);
        return bytes;
    }

    [Benchmark(Description = "search: index 200 articles, cold (new cache)")]
    public long IndexCold() => Index(new SearchIndexCache());

    [Benchmark(Description = "search: re-index 200 articles after one edit (cache kept)")]
    public long IndexAfterEdit()
    {
        // The article cache hands out a new object for an edited file; here the first article's body is set anew.
        var article = _articles[0].Article;
        article.Body = article.Body.EndsWith('!') ? article.Body[..^1] : article.Body + "!";
        return Index(_warm);
    }

    [Benchmark(Description = "search: tokenize one article (PreparedSearchDocument, Markdig plain text excluded)")]
    public int TokenizeOne() => _tokenizer.Prepare(_one, _options).TermCount;

    [Benchmark(Description = "search: SearchTokenizer.Tokenize one article body (the query-side reference)")]
    public int ReferenceTokenizeOne() => SearchTokenizer.Tokenize(_one.Body).Count;
}
