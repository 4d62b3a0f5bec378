using System.Security.Cryptography;
using SiteGen.Bench;
using SiteGen.Content;
using SiteGen.Model;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// The fast indexing path (documents tokenized on any thread into <see cref="PreparedSearchDocument"/>s,
/// kept per article by <see cref="SearchIndexCache"/>, added in order, files handed over in memory)
/// against the reference: <see cref="SearchTokenizer.Tokenize(string)"/> for the terms, and the
/// one-document-at-a-time <see cref="SearchIndexWriter.Add(SearchDocument)"/> for the bytes.
/// </summary>
[Trait("Needs", "shared")] // the generator draws its text from ../shared (RealTextPool)
public class PreparedIndexTests
{
    private static readonly string[] Languages = ["zh", "en"];

    /// <summary>Generated articles (seed 42) with outlets and a few events carrying names, as the site builder passes them.</summary>
    private static (Article Article, Outlet Outlet, IReadOnlyList<SearchFacetValue> Events)[] Generated(int count)
    {
        var generator = new ArchiveGenerator(new ArchiveSpec(count));
        var outlets = generator.Outlets.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var names = generator.Events.ToDictionary(e => e.Id, e => new SearchFacetValue(e.Id, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["zh"] = e.TitleZh ?? e.Id,
            ["en"] = e.TitleEn ?? e.Id,
        }), StringComparer.Ordinal);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var a = generator.Article(i).Article;
            return (a, outlets[a.Outlet], (IReadOnlyList<SearchFacetValue>)[.. a.Events.Select(e => names.TryGetValue(e, out var v) ? v : SearchFacetValue.Of(e))]);
        })];
    }

    /// <summary>What the reference tokenizer gives for a document: per term (title tf, other tf), and the length.</summary>
    private static (Dictionary<string, (int Title, int Other)> Terms, int Length) Reference(SearchDocument doc)
    {
        var title = new List<string> { doc.Title };
        title.AddRange(doc.AltTitles.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value));
        title.AddRange(doc.Events.SelectMany(e => e.Names.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)));
        var other = new List<string> { doc.Body, doc.Outlet.Id };
        other.AddRange(doc.Outlet.Names.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value));
        other.AddRange(doc.Authors.Concat(doc.Tags));

        var terms = new Dictionary<string, (int Title, int Other)>(StringComparer.Ordinal);
        var length = 0;
        foreach (var (texts, isTitle) in new[] { (title, true), (other, false) })
        {
            foreach (var token in texts.SelectMany(SearchTokenizer.Tokenize))
            {
                var (t, o) = terms.GetValueOrDefault(token.Term);
                terms[token.Term] = isTitle ? (t + 1, o) : (t, o + 1);
                length += token.Kind is TokenKind.Word or TokenKind.Bigram ? 1 : 0;
            }
        }

        return (terms, length);
    }

    private static void AssertSameTerms(SearchDocument doc, PreparedSearchDocument prepared)
    {
        var (terms, length) = Reference(doc);
        var fast = prepared.Terms().ToDictionary(t => t.Term, t => (t.TitleTf, t.OtherTf), StringComparer.Ordinal);
        Assert.Equal(terms.Count, fast.Count);
        foreach (var (term, counts) in terms)
        {
            Assert.True(fast.TryGetValue(term, out var got), $"{doc.Id}: term '{term}' missing");
            Assert.Equal(counts, got);
        }

        Assert.Equal(length, prepared.Length);
    }

    [Fact]
    public void Prepared_terms_equal_the_tokenizers_on_the_shipped_archive()
    {
        var cache = new SearchIndexCache();
        var outlets = OutletStore.Load(TestPaths.Content);
        foreach (var stored in ArticleStore.Open(TestPaths.Content).Articles)
        {
            var doc = SearchDocument.FromArticle(stored.Article, outlets.ById(stored.Article.Outlet));
            AssertSameTerms(doc, cache.Prepare(doc));
        }
    }

    [Fact]
    public void Prepared_terms_equal_the_tokenizers_on_generated_articles()
    {
        var cache = new SearchIndexCache();
        foreach (var (article, outlet, events) in Generated(150))
        {
            var doc = SearchDocument.FromArticle(article, outlet, events, Languages);
            AssertSameTerms(doc, cache.Prepare(doc));
        }
    }

    [Theory]
    [InlineData("Putin's talks, the Kremlin’s view; it's ''quoted'' rock'n'roll x' 'y")]
    [InlineData("习近平會見普京（北京）、臺灣 ＡＢＣ１２３ café ΟΔΥΣΣΕΥΣ")]
    [InlineData("𠀀𠀁中文𠀂 mixed 漢字𪚥 and kana ひらがなカタカナ 〆々〇")]
    [InlineData("COVID-19 2022年2月4日 NATO/北约 supercalifragilisticexpialidociousandthensomemoreletters x")]
    [InlineData("lone \uD800 surrogate \uDC00 here 中\uD800文 and 'apostrophe' 中'文 a’b")]
    [InlineData("")]
    public void Prepared_terms_equal_the_tokenizers_on_awkward_text(string text)
    {
        var doc = IndexWriterTests.Doc(1, text, text + " " + text) with { Authors = [text], Tags = ["標籤", text] };
        AssertSameTerms(doc, new SearchIndexCache().Prepare(doc));
    }

    private static Dictionary<string, string> Hashes(IEnumerable<(string Path, byte[] Bytes)> files) =>
        files.ToDictionary(f => f.Path, f => Convert.ToHexString(SHA256.HashData(f.Bytes)), StringComparer.Ordinal);

    private static Dictionary<string, string> Hashes(string dir) =>
        Hashes(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => (Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes(f))));

    /// <summary>The index written the plain way: one document after another, to a folder (what the other paths must equal).</summary>
    private static string Sequential((Article Article, Outlet Outlet, IReadOnlyList<SearchFacetValue> Events)[] articles)
    {
        var dir = TestPaths.NewTempDir();
        using var writer = new SearchIndexWriter();
        foreach (var (article, outlet, events) in articles)
        {
            writer.Add(SearchDocument.FromArticle(article, outlet, events, Languages));
        }

        writer.WriteTo(dir);
        return dir;
    }

    private static List<(string Path, byte[] Bytes)> InMemory(SearchIndexCache cache, (Article Article, Outlet Outlet, IReadOnlyList<SearchFacetValue> Events)[] articles)
    {
        var options = new SearchIndexOptions();
        var prepared = new PreparedSearchDocument[articles.Length];
        Parallel.For(0, articles.Length, i => prepared[i] = cache.Prepare(articles[i].Article, articles[i].Outlet, articles[i].Events, Languages, options));
        var files = new List<(string, byte[])>();
        using var writer = new SearchIndexWriter(options);
        foreach (var p in prepared)
        {
            writer.Add(p);
        }

        writer.WriteTo((path, bytes) => files.Add((path, bytes)));
        return files;
    }

    [Fact]
    public void Parallel_prepared_in_memory_index_is_byte_identical_to_the_sequential_one()
    {
        var articles = Generated(200);
        var dir = Sequential(articles);

        var files = InMemory(new SearchIndexCache(), articles);
        Assert.Equal(Hashes(dir), Hashes(files));
        Assert.Equal(files.Count, files.Select(f => f.Path).Distinct().Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(2048)]
    public void Batches_added_while_the_next_is_prepared_give_the_sequential_bytes(int batchSize)
    {
        var articles = Generated(150);
        var dir = Sequential(articles);

        var files = new List<(string, byte[])>();
        var cache = new SearchIndexCache();
        var options = new SearchIndexOptions();
        using (var writer = new SearchIndexWriter(options))
        {
            writer.AddAll(articles.Length, i => cache.Prepare(SearchDocument.FromArticle(articles[i].Article, articles[i].Outlet, articles[i].Events, Languages), options), batchSize);
            Assert.Equal(articles.Length, writer.Count);
            writer.WriteTo((path, bytes) => files.Add((path, bytes)));
        }

        Assert.Equal(Hashes(dir), Hashes(files));
    }

    [Fact]
    public void A_failed_preparation_stops_adding_and_is_reported()
    {
        var articles = Generated(20);
        var options = new SearchIndexOptions();
        var cache = new SearchIndexCache();
        using var writer = new SearchIndexWriter(options);
        var error = Assert.Throws<AggregateException>(() => writer.AddAll(articles.Length, i => i == 13
            ? throw new InvalidOperationException("probe")
            : cache.Prepare(SearchDocument.FromArticle(articles[i].Article, articles[i].Outlet, articles[i].Events, Languages), options), 4));
        Assert.Contains(error.InnerExceptions, e => e.Message == "probe");
        Assert.Equal(12, writer.Count);
    }

    [Fact]
    public void After_one_edit_only_that_article_is_tokenized_again_and_the_bytes_equal_a_fresh_index()
    {
        var articles = Generated(120);
        var cache = new SearchIndexCache();
        var first = InMemory(cache, articles);
        Assert.Equal(120, cache.Prepared);
        Assert.Equal(0, cache.Reused);

        // Nothing changed: nothing is tokenized, same bytes.
        Assert.Equal(Hashes(first), Hashes(InMemory(cache, articles)));
        Assert.Equal(120, cache.Prepared);
        Assert.Equal(120, cache.Reused);

        // An edited file is a new Article object (as the article cache loads it).
        var old = articles[7].Article;
        var edited = new Article
        {
            Id = old.Id,
            Title = old.Title,
            TitleEn = old.TitleEn,
            TitleZh = old.TitleZh,
            Lang = old.Lang,
            Outlet = old.Outlet,
            Published = old.Published,
            Authors = old.Authors,
            Tags = old.Tags,
            Events = old.Events,
            Body = old.Body + "\n\nEdited: 新增段落 about a zeppelin.",
        };
        articles[7] = (edited, articles[7].Outlet, articles[7].Events);
        var afterEdit = InMemory(cache, articles);
        Assert.Equal(121, cache.Prepared);
        Assert.Equal(Hashes(InMemory(new SearchIndexCache(), articles)), Hashes(afterEdit));
        Assert.NotEqual(Hashes(first), Hashes(afterEdit));

        // An event renamed: its articles (only) are tokenized again.
        var renamed = articles.First(a => a.Events.Count > 0).Events[0].Id;
        var members = articles.Count(a => a.Events.Any(e => e.Id == renamed));
        var newName = new SearchFacetValue(renamed, new Dictionary<string, string>(StringComparer.Ordinal) { ["zh"] = "改名的事件", ["en"] = "Renamed event" });
        articles = [.. articles.Select(a => (a.Article, a.Outlet, (IReadOnlyList<SearchFacetValue>)[.. a.Events.Select(e => e.Id == renamed ? newName : e)]))];
        var afterRename = InMemory(cache, articles);
        Assert.Equal(121 + members, cache.Prepared);
        Assert.Equal(Hashes(InMemory(new SearchIndexCache(), articles)), Hashes(afterRename));
    }

    [Fact]
    public void The_fingerprint_follows_the_documents()
    {
        var articles = Generated(30);
        var options = new SearchIndexOptions();
        var cache = new SearchIndexCache();
        string Fingerprint(SearchIndexCache cache) =>
            SearchIndexWriter.Fingerprint([.. articles.Select(a => cache.Prepare(a.Article, a.Outlet, a.Events, Languages, options))], options);

        var original = Fingerprint(cache);
        Assert.Equal(original, Fingerprint(new SearchIndexCache()));
        Assert.Equal(original, Fingerprint(cache));
        articles[4].Article.Title += " (updated)"; // a field set anew is another string: the kept entry is not used
        var updated = Fingerprint(cache);
        Assert.NotEqual(original, updated);
        Assert.Equal(updated, Fingerprint(new SearchIndexCache()));
        articles = [.. articles.AsEnumerable().Reverse()];
        Assert.NotEqual(updated, Fingerprint(cache));
    }
}
