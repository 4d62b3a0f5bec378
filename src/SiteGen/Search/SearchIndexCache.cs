using System.Runtime.CompilerServices;
using SiteGen.Model;

namespace SiteGen.Search;

/// <summary>
/// Keeps each article's <see cref="PreparedSearchDocument"/> for as long as the <see cref="Article"/>
/// object lives, so rebuilding the index after an edit (<c>sitegen serve</c>) tokenizes only the
/// articles whose objects are new (the article cache keeps the same instance for an unchanged file) and
/// merges the rest as they are. An entry is reused only if the article's indexed fields are the same
/// objects, and its outlet names, events with their names, UI languages and excerpt length are equal
/// to what it was made from; anything else tokenizes the article again. Thread-safe.
/// </summary>
public sealed class SearchIndexCache
{
    /// <summary>Past this many distinct terms ever seen the term table starts afresh (entries of the old one are redone).</summary>
    private const int MaxTerms = 4_000_000;

    private readonly ConditionalWeakTable<Article, Entry> _entries = new();
    private SearchTermTable _table = new();
    private long _prepared;
    private long _reused;

    /// <summary>The cache the site builder uses: one per process, entries live as long as their articles.</summary>
    public static SearchIndexCache Shared { get; } = new();

    /// <summary>Documents tokenized by this cache so far.</summary>
    public long Prepared => Interlocked.Read(ref _prepared);

    /// <summary>Documents handed out again without tokenizing.</summary>
    public long Reused => Interlocked.Read(ref _reused);

    internal SearchTermTable Table
    {
        get
        {
            var table = Volatile.Read(ref _table);
            if (table.Count > MaxTerms)
            {
                Interlocked.CompareExchange(ref _table, new SearchTermTable(), table);
                table = Volatile.Read(ref _table);
            }

            return table;
        }
    }

    /// <summary>Tokenizes a document with this cache's term table (not kept: there is no article to key it by).</summary>
    public PreparedSearchDocument Prepare(SearchDocument doc, SearchIndexOptions? options = null)
    {
        Interlocked.Increment(ref _prepared);
        return PreparedSearchDocument.Create(doc, Table, options ?? new SearchIndexOptions());
    }

    /// <summary>
    /// The prepared form of <see cref="SearchDocument.FromArticle"/> for these arguments: the kept one when
    /// nothing it was made from changed, else a new one (kept in its place). Call from any thread.
    /// </summary>
    public PreparedSearchDocument Prepare(Article article, Outlet? outlet, IReadOnlyList<SearchFacetValue>? events, IReadOnlyList<string> uiLanguages, SearchIndexOptions options)
    {
        var table = Table;
        if (_entries.TryGetValue(article, out var entry) && ReferenceEquals(entry.Document.Table, table) && entry.Matches(article, outlet, events, uiLanguages, options))
        {
            Interlocked.Increment(ref _reused);
            return entry.Document;
        }

        Interlocked.Increment(ref _prepared);
        var document = PreparedSearchDocument.Create(SearchDocument.FromArticle(article, outlet, events, uiLanguages), table, options);
        _entries.AddOrUpdate(article, new Entry(article, outlet, events, uiLanguages, document));
        return document;
    }

    /// <summary>A prepared document and what it was made from.</summary>
    private sealed class Entry
    {
        // The article's indexed fields as they were (same objects: a reloaded article is a new object anyway).
        private readonly object?[] _fields;
        private readonly PublishedDate _published;
        private readonly int _authors;
        private readonly int _tags;
        private readonly int _articleEvents;
        private readonly string? _outletZh;
        private readonly string? _outletEn;
        private readonly (string Id, KeyValuePair<string, string>[] Names)[] _events;
        private readonly string[] _languages;

        public Entry(Article article, Outlet? outlet, IReadOnlyList<SearchFacetValue>? events, IReadOnlyList<string> languages, PreparedSearchDocument document)
        {
            _fields = Fields(article);
            _published = article.Published;
            _authors = article.Authors.Count;
            _tags = article.Tags.Count;
            _articleEvents = article.Events.Count;
            _outletZh = outlet?.NameZh;
            _outletEn = outlet?.NameEn;
            _events = events is null ? [] : [.. events.Select(e => (e.Id, e.Names.ToArray()))];
            _languages = [.. languages];
            Document = document;
        }

        public PreparedSearchDocument Document { get; }

        public bool Matches(Article article, Outlet? outlet, IReadOnlyList<SearchFacetValue>? events, IReadOnlyList<string> languages, SearchIndexOptions options)
        {
            if (Document.ExcerptColumns != options.ExcerptColumns || !_published.Equals(article.Published)
                || _authors != article.Authors.Count || _tags != article.Tags.Count || _articleEvents != article.Events.Count
                || !string.Equals(_outletZh, outlet?.NameZh, StringComparison.Ordinal) || !string.Equals(_outletEn, outlet?.NameEn, StringComparison.Ordinal)
                || !languages.SequenceEqual(_languages, StringComparer.Ordinal))
            {
                return false;
            }

            var fields = Fields(article);
            for (var i = 0; i < fields.Length; i++)
            {
                if (!ReferenceEquals(fields[i], _fields[i]))
                {
                    return false;
                }
            }

            var count = events?.Count ?? 0;
            if (count != _events.Length)
            {
                return false;
            }

            for (var i = 0; i < count; i++)
            {
                var (id, names) = _events[i];
                var now = events![i];
                if (!string.Equals(id, now.Id, StringComparison.Ordinal) || now.Names.Count != names.Length)
                {
                    return false;
                }

                var k = 0;
                foreach (var pair in now.Names)
                {
                    if (!string.Equals(pair.Key, names[k].Key, StringComparison.Ordinal) || !string.Equals(pair.Value, names[k].Value, StringComparison.Ordinal))
                    {
                        return false;
                    }

                    k++;
                }
            }

            return true;
        }

        private static object?[] Fields(Article a) =>
            [a.Id, a.Title, a.TitleEn, a.TitleZh, a.Lang, a.Outlet, a.Body, a.Authors, a.Tags, a.Events];
    }
}
