using System.Text.Json;

namespace SiteGen.Search;

/// <summary>Narrows results to one outlet, language, year and/or event (null: any).</summary>
public sealed record SearchFilter(string? Outlet = null, string? Lang = null, int? Year = null, string? Event = null);

/// <summary>A ranked result: the document's number in the index and its score.</summary>
public readonly record struct SearchHit(int Doc, double Score);

/// <summary>A doc-table entry (<c>docs/&lt;n&gt;.json</c>): what a result shows.</summary>
public sealed record SearchDocView(string Id, string Title, string Lang, string Outlet, string Date, IReadOnlyList<string> Events, IReadOnlyDictionary<string, string> Urls, string Excerpt);

/// <summary>
/// The query side in C#: reads an index folder the way <c>search.js</c> reads it over HTTP (the
/// manifest, <c>norms.bin</c>, then only the shards of the query's terms and the doc-table chunks of the
/// results shown, and <c>meta.bin</c> when a filter is chosen) and ranks the same way. Tests use it as the reference for the page script, and it
/// counts the bytes a query would transfer.
/// </summary>
public sealed class SearchIndexReader
{
    private readonly string _dir;
    private readonly string[] _shardKeys;
    private readonly Dictionary<int, Dictionary<string, byte[]>> _shards = [];
    private readonly Dictionary<int, SearchDocView[]> _chunks = [];
    private readonly List<string> _filesRead = [];
    private readonly int[] _length;
    private readonly string _metaFile;
    private DocumentFacets? _facets;

    private SearchIndexReader(string dir)
    {
        _dir = dir;
        using var manifest = JsonDocument.Parse(ReadFile("index.json"));
        var root = manifest.RootElement;
        Documents = root.GetProperty("docs").GetInt32();
        AverageLength = root.GetProperty("avgdl").GetDouble();
        K1 = root.GetProperty("k1").GetDouble();
        B = root.GetProperty("b").GetDouble();
        TitleBoost = root.GetProperty("titleBoost").GetDouble();
        DocsPerChunk = root.GetProperty("docsPerChunk").GetInt32();
        _shardKeys = ReadKeys(root.GetProperty("keys").GetString()!);
        Outlets = [.. root.GetProperty("outlets").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
        Langs = [.. root.GetProperty("langs").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
        Years = [.. root.GetProperty("years").EnumerateArray().Select(e => e.GetProperty("id").GetInt32())];
        Events = [.. root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

        _metaFile = root.GetProperty("meta").GetString()!;
        _length = [.. ReadFile(root.GetProperty("norms").GetString()!).Select(b => LengthNorm.Decode(b))];
    }

    /// <summary>Outlet, language, year and events per document: read only when a filter needs them, as the script does.</summary>
    private DocumentFacets Facets()
    {
        if (_facets is { } read)
        {
            return read;
        }

        var meta = ReadFile(_metaFile);
        var offset = 0;
        var n = (int)Varint.Read(meta, ref offset);
        var facets = new DocumentFacets(new int[n], new int[n], new int[n], new int[n][]);
        for (var i = 0; i < n; i++)
        {
            facets.Outlet[i] = (int)Varint.Read(meta, ref offset);
            facets.Lang[i] = (int)Varint.Read(meta, ref offset);
            facets.Year[i] = (int)Varint.Read(meta, ref offset);
            var events = facets.Events[i] = new int[(int)Varint.Read(meta, ref offset)];
            for (var j = 0; j < events.Length; j++)
            {
                events[j] = (int)Varint.Read(meta, ref offset);
            }
        }

        _facets = facets;
        return facets;
    }

    private string[] ReadKeys(string file)
    {
        var data = ReadFile(file);
        var offset = 0;
        var keys = new string[(int)Varint.Read(data, ref offset)];
        var previous = Array.Empty<byte>();
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = FrontCoding.Read(data, ref offset, ref previous);
        }

        return keys;
    }

    public static SearchIndexReader Open(string indexDir) => new(indexDir);

    public int Documents { get; }

    public double AverageLength { get; }

    public double K1 { get; }

    public double B { get; }

    public double TitleBoost { get; }

    public int DocsPerChunk { get; }

    public IReadOnlyList<string> Outlets { get; }

    public IReadOnlyList<string> Langs { get; }

    public IReadOnlyList<int> Years { get; }

    public IReadOnlyList<string> Events { get; }

    public int ShardCount => _shardKeys.Length;

    /// <summary>Files read so far, relative to the index folder, in order (each once: the script caches too).</summary>
    public IReadOnlyList<string> FilesRead => _filesRead;

    /// <summary>Bytes of <see cref="FilesRead"/>.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The shard file that holds a term: the last shard whose key sorts at or before it.</summary>
    public int ShardOf(string term)
    {
        int lo = 0, hi = _shardKeys.Length - 1, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(_shardKeys[mid], term) <= 0)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>Ranked results of a query: every unit must match; BM25 over title (boosted) and the other fields.</summary>
    public IReadOnlyList<SearchHit> Search(string query, SearchFilter? filter = null) => Search(SearchQuery.Parse(query), filter);

    public IReadOnlyList<SearchHit> Search(SearchQuery query, SearchFilter? filter = null)
    {
        if (query.IsEmpty || Documents == 0)
        {
            return [];
        }

        Dictionary<int, (int Title, int Other)>? candidates = null;
        var units = new List<Dictionary<int, (int Title, int Other)>>();
        foreach (var unit in query.Units)
        {
            var matches = Match(unit);
            units.Add(matches);
            if (matches.Count == 0)
            {
                return [];
            }

            candidates = candidates is null ? matches : candidates.Where(p => matches.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        }

        // A value the index does not know is -1, which no document has: nothing matches it.
        int? outlet = filter?.Outlet is { } o ? IndexOf(Outlets, o) : null;
        int? lang = filter?.Lang is { } l ? IndexOf(Langs, l) : null;
        int? year = filter?.Year is { } y ? Years.ToList().IndexOf(y) : null;
        int? ev = filter?.Event is { } e ? IndexOf(Events, e) : null;
        var hits = new List<SearchHit>();
        var facets = filter is null || filter == new SearchFilter() ? null : Facets();
        foreach (var doc in candidates!.Keys)
        {
            if (facets is not null && !facets.Match(doc, outlet, lang, year, ev))
            {
                continue;
            }

            var score = 0.0;
            foreach (var matches in units)
            {
                var (title, other) = matches[doc];
                score += Idf(matches.Count) * Saturate((TitleBoost * title) + other, _length[doc]);
            }

            hits.Add(new SearchHit(doc, score));
        }

        return [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.Doc)];
    }

    /// <summary>The doc-table entry of a document (reads its chunk once).</summary>
    public SearchDocView Doc(int doc)
    {
        var chunk = doc / DocsPerChunk;
        if (!_chunks.TryGetValue(chunk, out var views))
        {
            using var json = JsonDocument.Parse(ReadFile($"docs/{chunk}.json"));
            views = [.. json.RootElement.EnumerateArray().Select(e => new SearchDocView(
                e.GetProperty("id").GetString()!,
                e.GetProperty("t").GetString()!,
                e.GetProperty("l").GetString()!,
                e.GetProperty("o").GetString()!,
                e.GetProperty("d").GetString()!,
                e.TryGetProperty("e", out var events) ? [.. events.EnumerateArray().Select(x => x.GetString()!)] : [],
                e.GetProperty("u").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
                e.GetProperty("x").GetString()!))];
            _chunks[chunk] = views;
        }

        return views[doc % DocsPerChunk];
    }

    /// <summary>Per document: how often the unit occurs in the title and in the other fields.</summary>
    private Dictionary<int, (int Title, int Other)> Match(QueryUnit unit)
    {
        var lists = unit.Terms.Select(Postings).ToArray();
        var result = new Dictionary<int, (int, int)>();
        if (lists.Any(l => l.Count == 0))
        {
            return result;
        }

        // A phrase: every bigram must occur; it counts as often as its rarest bigram.
        foreach (var (doc, first) in lists[0])
        {
            int title = first.Title, other = first.Other;
            var all = true;
            for (var i = 1; i < lists.Length && all; i++)
            {
                all = lists[i].TryGetValue(doc, out var p);
                title = Math.Min(title, p.Title);
                other = Math.Min(other, p.Other);
            }

            if (all)
            {
                result[doc] = title + other > 0 ? (title, other) : (0, 1);
            }
        }

        return result;
    }

    private readonly record struct Posting(int Title, int Other);

    private Dictionary<int, Posting> Postings(string term)
    {
        var shard = ShardOf(term);
        if (!_shards.TryGetValue(shard, out var entries))
        {
            entries = [];
            var data = ReadFile($"shards/{shard}.bin");
            var offset = 0;
            var count = Varint.Read(data, ref offset);
            var previous = Array.Empty<byte>();
            for (var i = 0; i < count; i++)
            {
                var name = FrontCoding.Read(data, ref offset, ref previous);
                var df = Varint.Read(data, ref offset);
                var size = (int)Varint.Read(data, ref offset);
                entries[name] = [.. BitConverter.GetBytes((int)df), .. data.AsSpan(offset, size)];
                offset += size;
            }

            _shards[shard] = entries;
        }

        var result = new Dictionary<int, Posting>();
        if (!entries.TryGetValue(term, out var entry))
        {
            return result;
        }

        var docs = BitConverter.ToInt32(entry, 0);
        var payload = entry.AsSpan(4);
        var at = 0;
        var doc = -1;
        for (var i = 0; i < docs; i++)
        {
            var (delta, title, other) = PostingCodec.Read(payload, ref at);
            doc += delta;
            result[doc] = new Posting(title, other);
        }

        return result;
    }

    private double Idf(int df) => Math.Log(1 + ((Documents - df + 0.5) / (df + 0.5)));

    private double Saturate(double tf, int length) =>
        tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * length / Math.Max(1, AverageLength)))));

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        return -2;
    }

    private byte[] ReadFile(string relative)
    {
        var data = File.ReadAllBytes(Path.Combine(_dir, relative));
        if (!_filesRead.Contains(relative))
        {
            _filesRead.Add(relative);
            BytesRead += data.Length;
        }

        return data;
    }
}

/// <summary>The filter values of every document (ids into the index's outlet, language, year and event tables).</summary>
internal sealed record DocumentFacets(int[] Outlet, int[] Lang, int[] Year, int[][] Events)
{
    /// <summary>Whether document <paramref name="doc"/> has every value asked for (null: any).</summary>
    public bool Match(int doc, int? outlet, int? lang, int? year, int? ev) =>
        (outlet is null || Outlet[doc] == outlet) && (lang is null || Lang[doc] == lang)
        && (year is null || Year[doc] == year) && (ev is null || Events[doc].Contains(ev.Value));
}
