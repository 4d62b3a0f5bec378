using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SiteGen.Search;

/// <summary>Knobs of the index; the defaults are what the site uses and what the budgets were measured with.</summary>
public sealed record SearchIndexOptions
{
    /// <summary>Documents per doc-table file (<c>docs/&lt;n&gt;.json</c>): a results page fetches at most this many times its size per result.</summary>
    public int DocsPerChunk { get; init; } = 4;

    /// <summary>A postings shard is closed once it holds at least this many bytes (larger when <see cref="MaxShards"/> needs it).</summary>
    public int MinShardBytes { get; init; } = 16 * 1024;

    /// <summary>
    /// Bounds <c>keys.bin</c> (about 5 bytes per shard) on big archives. A first query fetches the keys
    /// and one shard per term: 8,000 shards balance the two for queries of two to five terms at 50,000
    /// articles (keys ~40 KB, shards ~16 KB).
    /// </summary>
    public int MaxShards { get; init; } = 8000;

    /// <summary>Postings held in memory before they are written to a sorted run on disk.</summary>
    public long SpillBytes { get; init; } = 256L << 20;

    /// <summary>Where sorted runs go; by default a new folder under the system temp folder.</summary>
    public string? TempDir { get; init; }

    /// <summary>Length of the stored excerpt in display columns (a Chinese character counts two).</summary>
    public int ExcerptColumns { get; init; } = 300;

    /// <summary>Title (with alternative titles and event names) counts this many times a body occurrence.</summary>
    public double TitleBoost { get; init; } = 5;

    /// <summary>An event page relative to the base path, for result links: <c>{lang}</c> is the UI language, <c>{id}</c> the event.</summary>
    public string EventPath { get; init; } = "{lang}/events/{id}/";

    public double K1 { get; init; } = 1.2;

    public double B { get; init; } = 0.75;
}

/// <summary>What <see cref="SearchIndexWriter.WriteTo(string)"/> wrote.</summary>
public sealed record SearchIndexStats(int Documents, int Terms, int Shards, int DocChunks, int Files, long Bytes, long LargestShardBytes, long ManifestBytes, long MetaBytes, int Spills);

/// <summary>
/// Builds the static search index: <see cref="Add(SearchDocument)"/> every article (tokenized at once;
/// only postings and a short doc-table entry are kept, and postings go to sorted runs on disk past
/// <see cref="SearchIndexOptions.SpillBytes"/>) — or tokenize them beforehand on any thread
/// (<see cref="SearchIndexCache"/>) and <see cref="Add(PreparedSearchDocument)"/> them in order — then
/// <see cref="WriteTo(string)"/> merges the runs into term shards (or <see cref="WriteTo(Action{string, byte[]})"/>
/// hands the files over in memory). Output (see <c>docs/search.md</c>): <c>index.json</c> (manifest),
/// <c>keys.bin</c> (shard keys), <c>norms.bin</c> (per-doc length), <c>meta.bin</c> (per-doc filter
/// values), <c>fold.json</c> (Traditional → Simplified table for the page script),
/// <c>shards/&lt;n&gt;.bin</c> (postings by term range), <c>docs/&lt;n&gt;.json</c> (titles, excerpts,
/// URLs). Same documents in the same order give the same bytes.
/// </summary>
public sealed class SearchIndexWriter : IDisposable
{
    public const int FormatVersion = 2;

    private readonly SearchIndexOptions _options;
    private PostingBuffer[] _postings = new PostingBuffer[1024];
    private SearchTermTable? _table;
    private readonly List<DocEntry> _docs = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _outletNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _eventNames = new(StringComparer.Ordinal);
    private readonly List<string> _runs = [];
    private string? _tempDir;
    private long _memory;
    private long _totalPostingBytes;
    private long _totalLength;
    private bool _written;

    public SearchIndexWriter(SearchIndexOptions? options = null) => _options = options ?? new SearchIndexOptions();

    public int Count => _docs.Count;

    /// <summary>The writer's options (documents must be prepared with the same excerpt length).</summary>
    public SearchIndexOptions Options => _options;

    /// <summary>
    /// Indexes documents 0 .. <paramref name="count"/> − 1 in that order, made by <paramref name="prepare"/>
    /// (any thread) a batch at a time in parallel: only two batches are alive besides the index, and a
    /// batch is added (one thread: the index is not thread-safe) while the next one is prepared, so the
    /// cores do not wait for the adding.
    /// </summary>
    public void AddAll(int count, Func<int, PreparedSearchDocument> prepare, int batchSize = 2048)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var size = Math.Min(count, batchSize);
        PreparedSearchDocument[] ready = new PreparedSearchDocument[size], next = new PreparedSearchDocument[size];
        var adding = Task.CompletedTask;
        try
        {
            for (var start = 0; start < count; start += size)
            {
                var first = start;
                var n = Math.Min(size, count - first);
                var batch = next;
                Parallel.For(0, n, i => batch[i] = prepare(first + i));
                adding.GetAwaiter().GetResult();
                (ready, next) = (batch, ready);
                adding = Task.Run(() =>
                {
                    for (var i = 0; i < n; i++)
                    {
                        Add(batch[i]);
                        batch[i] = null!;
                    }
                });
            }

            adding.GetAwaiter().GetResult();
        }
        finally
        {
            // A failed preparation leaves no adding behind (the writer may be disposed next).
            ((IAsyncResult)adding).AsyncWaitHandle.WaitOne();
        }
    }

    /// <summary>Indexes one document; its number is the order of the call.</summary>
    public void Add(SearchDocument doc)
    {
        ObjectDisposedException.ThrowIf(_written, this);
        _table ??= new SearchTermTable();
        Add(PreparedSearchDocument.Create(doc, _table, _options));
    }

    /// <summary>
    /// Adds a document tokenized beforehand (<see cref="SearchIndexCache.Prepare(SearchDocument, SearchIndexOptions?)"/>,
    /// possibly on another thread); its number is the order of the call. Call from one thread.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(PreparedSearchDocument doc)
    {
        ObjectDisposedException.ThrowIf(_written, this);
        if (doc.ExcerptColumns != _options.ExcerptColumns)
        {
            throw new ArgumentException($"prepared with ExcerptColumns = {doc.ExcerptColumns}, the writer's is {_options.ExcerptColumns}", nameof(doc));
        }

        var table = _table ??= doc.Table;
        var same = ReferenceEquals(table, doc.Table);
        var docNum = _docs.Count;
        var data = doc.Postings;
        var offset = 0;
        for (var k = 0; k < doc.TermCount; k++)
        {
            var id = (int)Varint.Read(data, ref offset);
            var titleTf = (int)Varint.Read(data, ref offset);
            var otherTf = (int)Varint.Read(data, ref offset);
            if (!same)
            {
                id = table.IdOf(doc.Table[id]);
            }

            if (id >= _postings.Length)
            {
                Array.Resize(ref _postings, Math.Max(id + 1, _postings.Length * 2));
            }

            // A struct in an array, not an object per term: merging is bound by memory accesses.
            ref var buffer = ref _postings[id];
            if (!buffer.IsUsed)
            {
                buffer = PostingBuffer.Create();
                _memory += 96 + (2L * table[id].Length);
            }

            var before = buffer.Length;
            var capacity = buffer.Capacity;
            buffer.Append(docNum, titleTf, otherTf);
            _totalPostingBytes += buffer.Length - before;
            _memory += buffer.Capacity - capacity;
        }

        _totalLength += doc.Length;
        foreach (var e in doc.Events)
        {
            if (!_eventNames.TryGetValue(e.Id, out var names) || (names.Count == 0 && e.Names.Count > 0))
            {
                _eventNames[e.Id] = e.Names;
            }
        }

        if (!_outletNames.TryGetValue(doc.Outlet.Id, out var outletNames) || (outletNames.Count == 0 && doc.Outlet.Names.Count > 0))
        {
            _outletNames[doc.Outlet.Id] = doc.Outlet.Names;
        }

        _docs.Add(doc.Entry);
        _memory += 64;

        if (_memory > _options.SpillBytes)
        {
            Spill();
        }
    }

    /// <summary>
    /// A digest (hex) of everything the index of these documents, in this order, is made from: equal
    /// digests give equal files, so a builder can keep its last files instead of writing them again.
    /// </summary>
    public static string Fingerprint(IReadOnlyList<PreparedSearchDocument> docs, SearchIndexOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\n', FormatVersion, docs.Count, options.DocsPerChunk, options.MinShardBytes, options.MaxShards,
            options.ExcerptColumns, options.TitleBoost.ToString("R", System.Globalization.CultureInfo.InvariantCulture), options.K1.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            options.B.ToString("R", System.Globalization.CultureInfo.InvariantCulture), options.EventPath)));
        foreach (var doc in docs)
        {
            hash.AppendData(doc.InputHash);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Writes the index into <paramref name="outputDir"/> (created; usually <c>&lt;site&gt;/search</c>).</summary>
    public SearchIndexStats WriteTo(string outputDir)
    {
        ObjectDisposedException.ThrowIf(_written, this);
        Directory.CreateDirectory(outputDir);
        Directory.CreateDirectory(Path.Combine(outputDir, "shards"));
        Directory.CreateDirectory(Path.Combine(outputDir, "docs"));
        return WriteTo((relative, data) => File.WriteAllBytes(Path.Combine(outputDir, relative), data));
    }

    /// <summary>
    /// Hands every file of the index to <paramref name="write"/> (path relative to the index folder with
    /// <c>/</c>, bytes) instead of writing them: the same files and bytes as <see cref="WriteTo(string)"/>.
    /// </summary>
    public SearchIndexStats WriteTo(Action<string, byte[]> write)
    {
        ObjectDisposedException.ThrowIf(_written, this);
        _written = true;
        long bytes = 0;
        var files = 0;

        void Write(string relative, byte[] data)
        {
            write(relative, data);
            bytes += data.Length;
            files++;
        }

        // Postings: merge the sorted runs and what is in memory, cut into shards by term range.
        var target = Math.Max(_options.MinShardBytes, _totalPostingBytes / Math.Max(1, _options.MaxShards));
        var keys = new List<string>();
        var shard = new MemoryStream();
        var shardTerms = 0;
        var terms = 0;
        long largest = 0;
        string? previousLast = null;
        string? lastTerm = null;
        var previousBytes = Array.Empty<byte>();

        void CloseShard()
        {
            if (shardTerms == 0)
            {
                return;
            }

            var file = new MemoryStream();
            Varint.Write(file, shardTerms);
            shard.Position = 0;
            shard.CopyTo(file);
            Write($"shards/{keys.Count - 1}.bin", file.ToArray());
            largest = Math.Max(largest, file.Length);
            shard.SetLength(0);
            shardTerms = 0;
            previousLast = lastTerm;
            previousBytes = [];
        }

        foreach (var (term, df, payload) in MergedPostings())
        {
            // A long posting list gets a shard of its own, so that a query for a common word fetches
            // its postings and not a shard's worth of neighbours besides.
            if (shardTerms > 0 && payload.Length >= target / 2)
            {
                CloseShard();
            }

            if (shardTerms == 0)
            {
                keys.Add(ShortestKey(term, previousLast));
            }

            // Front-coded (sorted bigrams share their first character: 9 → 6 bytes per dictionary entry).
            previousBytes = FrontCoding.Write(shard, term, previousBytes);
            Varint.Write(shard, df);
            Varint.Write(shard, payload.Length);
            shard.Write(payload.Span);
            shardTerms++;
            terms++;
            lastTerm = term;
            if (shard.Length >= target)
            {
                CloseShard();
            }
        }

        CloseShard();

        // keys.bin: the shard keys, front-coded (at 50,000 articles ~10,000 keys: 90 KB as JSON in the manifest).
        var keyFile = new MemoryStream();
        Varint.Write(keyFile, keys.Count);
        var previousKey = Array.Empty<byte>();
        foreach (var key in keys)
        {
            previousKey = FrontCoding.Write(keyFile, key, previousKey);
        }

        Write("keys.bin", keyFile.ToArray());

        // Facets, in ordinal order of their ids (years by number), with their document counts.
        var yearDocs = new Dictionary<int, int>();
        var eventDocs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in _docs)
        {
            yearDocs[d.Year] = yearDocs.GetValueOrDefault(d.Year) + 1;
            for (var i = 0; i < d.Events.Length; i++)
            {
                if (Array.IndexOf(d.Events, d.Events[i]) == i)
                {
                    eventDocs[d.Events[i]] = eventDocs.GetValueOrDefault(d.Events[i]) + 1;
                }
            }
        }

        var outlets = _docs.Select(d => d.Outlet).Distinct().Order(StringComparer.Ordinal).ToArray();
        var langs = _docs.Select(d => d.Lang).Distinct().Order(StringComparer.Ordinal).ToArray();
        var years = _docs.Select(d => d.Year).Distinct().Order().ToArray();
        var events = _docs.SelectMany(d => d.Events).Distinct().Order(StringComparer.Ordinal).ToArray();
        var outletIndex = Index(outlets);
        var langIndex = Index(langs);
        var eventIndex = Index(events);
        var yearIndex = years.Select((y, i) => (y, i)).ToDictionary(p => p.y, p => p.i);

        // norms.bin: per document its length in a byte, what every query needs; meta.bin: its filter
        // values, fetched only when a filter is chosen.
        var norms = new byte[_docs.Count];
        for (var i = 0; i < norms.Length; i++)
        {
            norms[i] = LengthNorm.Encode(_docs[i].Length);
        }

        Write("norms.bin", norms);
        var meta = new MemoryStream();
        Varint.Write(meta, _docs.Count);
        foreach (var d in _docs)
        {
            Varint.Write(meta, outletIndex[d.Outlet]);
            Varint.Write(meta, langIndex[d.Lang]);
            Varint.Write(meta, yearIndex[d.Year]);
            var ids = d.Events.Distinct().Select(e => eventIndex[e]).Order().ToArray();
            Varint.Write(meta, ids.Length);
            foreach (var id in ids)
            {
                Varint.Write(meta, id);
            }
        }

        Write("meta.bin", meta.ToArray());

        // docs/<n>.json: the doc table in chunks.
        var chunks = 0;
        for (var start = 0; start < _docs.Count; start += _options.DocsPerChunk)
        {
            var chunk = new MemoryStream();
            chunk.WriteByte((byte)'[');
            for (var i = start; i < Math.Min(_docs.Count, start + _options.DocsPerChunk); i++)
            {
                if (i > start)
                {
                    chunk.WriteByte((byte)',');
                }

                chunk.Write(_docs[i].Json);
            }

            chunk.WriteByte((byte)']');
            chunk.WriteByte((byte)'\n');
            Write($"docs/{chunks++}.json", chunk.ToArray());
        }

        // fold.json: the folding table for the page script.
        var (from, to) = TextFolding.Pairs;
        Write("fold.json", Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("from", from);
            w.WriteString("to", to);
            w.WriteEndObject();
        }));

        // index.json: the manifest.
        var avgdl = _docs.Count == 0 ? 0 : Math.Round((double)_totalLength / _docs.Count, 3);
        var manifest = Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("format", FormatVersion);
            w.WriteNumber("docs", _docs.Count);
            w.WriteNumber("avgdl", avgdl);
            w.WriteNumber("k1", _options.K1);
            w.WriteNumber("b", _options.B);
            w.WriteNumber("titleBoost", _options.TitleBoost);
            w.WriteNumber("docsPerChunk", _options.DocsPerChunk);
            w.WriteString("norms", "norms.bin");
            w.WriteString("meta", "meta.bin");
            w.WriteString("fold", "fold.json");
            w.WriteString("shardPath", "shards/{n}.bin");
            w.WriteString("docPath", "docs/{n}.json");
            w.WriteString("eventPath", _options.EventPath);
            w.WriteString("keys", "keys.bin");
            WriteFacet(w, "outlets", outlets, id => _outletNames.GetValueOrDefault(id), d => d.Outlet);
            WriteFacet(w, "langs", langs, _ => null, d => d.Lang);
            w.WriteStartArray("years");
            foreach (var y in years)
            {
                w.WriteStartObject();
                w.WriteNumber("id", y);
                w.WriteNumber("docs", yearDocs[y]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("events");
            foreach (var id in events)
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                WriteNames(w, _eventNames.GetValueOrDefault(id));
                w.WriteNumber("docs", eventDocs[id]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        Write("index.json", manifest);

        DeleteTemp();
        return new SearchIndexStats(_docs.Count, terms, keys.Count, chunks, files, bytes, largest, manifest.Length, meta.Length + norms.Length, _runs.Count);
    }

    public void Dispose() => DeleteTemp();

    private void WriteFacet(Utf8JsonWriter w, string name, string[] ids, Func<string, IReadOnlyDictionary<string, string>?> names, Func<DocEntry, string> of)
    {
        var counts = _docs.GroupBy(of, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        w.WriteStartArray(name);
        foreach (var id in ids)
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            WriteNames(w, names(id));
            w.WriteNumber("docs", counts[id]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNames(Utf8JsonWriter w, IReadOnlyDictionary<string, string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return;
        }

        w.WriteStartObject("names");
        foreach (var (lang, text) in names.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteString(lang, text);
        }

        w.WriteEndObject();
    }

    private static Dictionary<string, int> Index(string[] values) =>
        values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);

    /// <summary>The shortest prefix of <paramref name="first"/> (whole code points) that sorts after <paramref name="previousLast"/>.</summary>
    internal static string ShortestKey(string first, string? previousLast)
    {
        if (previousLast is null)
        {
            return "";
        }

        var end = 0;
        while (end < first.Length)
        {
            end += char.IsHighSurrogate(first[end]) && end + 1 < first.Length ? 2 : 1;
            if (string.CompareOrdinal(first[..end], previousLast) > 0)
            {
                return first[..end];
            }
        }

        return first;
    }

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOptions))
        {
            write(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    internal static byte[] DocJson(SearchDocument doc, int excerptColumns) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", doc.Id);
        w.WriteString("t", doc.Title);
        if (doc.AltTitles.Count > 0)
        {
            w.WriteStartObject("alt");
            foreach (var (lang, text) in doc.AltTitles.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(lang, text);
            }

            w.WriteEndObject();
        }

        w.WriteString("l", doc.Lang);
        w.WriteString("o", doc.Outlet.Id);
        w.WriteString("d", doc.Published.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (doc.Events.Count > 0)
        {
            w.WriteStartArray("e");
            foreach (var e in doc.Events)
            {
                w.WriteStringValue(e.Id);
            }

            w.WriteEndArray();
        }

        w.WriteStartObject("u");
        foreach (var (lang, url) in doc.Urls.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteString(lang, url);
        }

        w.WriteEndObject();
        w.WriteString("x", Excerpt(doc.Body, excerptColumns));
        w.WriteEndObject();
    })[..^1];

    /// <summary>The start of a text, whitespace collapsed, cut to about <paramref name="columns"/> display columns.</summary>
    internal static string Excerpt(string text, int columns)
    {
        var sb = new StringBuilder();
        var width = 0;
        var space = false;
        var cut = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                space = sb.Length > 0;
                continue;
            }

            var w = SearchTokenizer.IsCjk(rune.Value) || rune.Value is >= 0x3000 and <= 0x303F or >= 0xFF00 and <= 0xFFEF ? 2 : 1;
            if (width + w + (space ? 1 : 0) > columns)
            {
                cut = true;
                break;
            }

            if (space)
            {
                sb.Append(' ');
                width++;
                space = false;
            }

            if (rune.IsBmp)
            {
                sb.Append((char)rune.Value);
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(rune.Value));
            }
            width += w;
        }

        if (!cut)
        {
            return sb.ToString();
        }

        // Cut Latin text at a word boundary when one is near.
        var text2 = sb.ToString();
        var lastSpace = text2.LastIndexOf(' ');
        if (lastSpace > text2.Length * 3 / 4)
        {
            text2 = text2[..lastSpace];
        }

        return text2 + "…";
    }

    private void Spill()
    {
        _tempDir ??= Directory.CreateDirectory(Path.Combine(_options.TempDir ?? Path.GetTempPath(), "sitegen-search-" + Guid.NewGuid().ToString("N"))).FullName;
        var path = Path.Combine(_tempDir, $"run{_runs.Count}.bin");
        using (var stream = new BufferedStream(File.Create(path), 1 << 16))
        {
            foreach (var id in LiveTermsInOrder())
            {
                ref readonly var buffer = ref _postings[id];
                var termBytes = Encoding.UTF8.GetBytes(_table![id]);
                Varint.Write(stream, termBytes.Length);
                stream.Write(termBytes);
                Varint.Write(stream, buffer.Df);
                Varint.Write(stream, buffer.LastDoc);
                Varint.Write(stream, buffer.Length);
                stream.Write(buffer.Span);
            }
        }

        _runs.Add(path);
        _postings = new PostingBuffer[_postings.Length];
        _memory = 64L * _docs.Count;
    }

    private void DeleteTemp()
    {
        if (_tempDir is not null && Directory.Exists(_tempDir))
        {
            Directory.Delete(_tempDir, recursive: true);
        }

        _tempDir = null;
    }

    /// <summary>Ids of the terms with postings in memory, in ordinal order of the terms.</summary>
    private int[] LiveTermsInOrder()
    {
        var ids = new List<int>();
        for (var id = 0; id < _postings.Length; id++)
        {
            if (_postings[id].IsUsed)
            {
                ids.Add(id);
            }
        }

        var table = _table;
        var result = ids.ToArray();
        if (table is not null)
        {
            Array.Sort(result, (a, b) => string.CompareOrdinal(table[a], table[b]));
        }

        return result;
    }

    /// <summary>Every term in ordinal order with its whole posting list, runs and memory merged.</summary>
    private IEnumerable<(string Term, int Df, ReadOnlyMemory<byte> Payload)> MergedPostings()
    {
        if (_runs.Count == 0)
        {
            // Nothing spilled: the postings in memory are the whole lists.
            foreach (var id in LiveTermsInOrder())
            {
                var buffer = _postings[id];
                yield return (_table![id], buffer.Df, buffer.Memory);
            }

            yield break;
        }

        var sources = new List<IEnumerator<RunEntry>>();
        try
        {
            foreach (var run in _runs)
            {
                sources.Add(ReadRun(run).GetEnumerator());
            }

            sources.Add(LiveTermsInOrder()
                .Select(id => new RunEntry(_table![id], _postings[id].Df, _postings[id].LastDoc, _postings[id].Span.ToArray()))
                .GetEnumerator());

            // Sources are in document order (runs first), so a term's segments are concatenated in source order.
            var queue = new PriorityQueue<int, (string Term, int Source)>(Comparer<(string Term, int Source)>.Create((a, b) =>
            {
                var c = string.CompareOrdinal(a.Term, b.Term);
                return c != 0 ? c : a.Source.CompareTo(b.Source);
            }));
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i].MoveNext())
                {
                    queue.Enqueue(i, (sources[i].Current.Term, i));
                }
            }

            while (queue.Count > 0)
            {
                var first = queue.Dequeue();
                var entry = sources[first].Current;
                var payload = new MemoryStream();
                payload.Write(entry.Payload);
                var df = entry.Df;
                var lastDoc = entry.LastDoc;
                Advance(first);
                while (queue.TryPeek(out var next, out var priority) && priority.Term == entry.Term)
                {
                    queue.Dequeue();
                    var more = sources[next].Current;
                    // Re-base the segment's first document on the previous segment's last one.
                    var offset = 0;
                    var head = Varint.Read(more.Payload, ref offset);
                    var firstDoc = PostingCodec.DeltaOf(head) - 1;
                    Varint.Write(payload, PostingCodec.Rebase(head, firstDoc - lastDoc));
                    payload.Write(more.Payload.AsSpan(offset));
                    df += more.Df;
                    lastDoc = more.LastDoc;
                    Advance(next);
                }

                yield return (entry.Term, df, payload.ToArray());
            }

            void Advance(int source)
            {
                if (sources[source].MoveNext())
                {
                    queue.Enqueue(source, (sources[source].Current.Term, source));
                }
            }
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    private static IEnumerable<RunEntry> ReadRun(string path)
    {
        using var stream = new BufferedStream(File.OpenRead(path), 1 << 16);
        while (stream.Position < stream.Length)
        {
            var termBytes = new byte[Varint.Read(stream)];
            stream.ReadExactly(termBytes);
            var df = (int)Varint.Read(stream);
            var lastDoc = (int)Varint.Read(stream);
            var payload = new byte[Varint.Read(stream)];
            stream.ReadExactly(payload);
            yield return new RunEntry(Encoding.UTF8.GetString(termBytes), df, lastDoc, payload);
        }
    }

    private sealed record RunEntry(string Term, int Df, int LastDoc, byte[] Payload);

    /// <summary>One term's postings, encoded as they come (<see cref="PostingCodec"/>).</summary>
    private struct PostingBuffer
    {
        private byte[] _data;

        public static PostingBuffer Create() => new() { _data = new byte[8], LastDoc = -1 };

        public readonly bool IsUsed => _data is not null;

        public int Length { get; private set; }

        public readonly int Capacity => _data.Length;

        public int Df { get; private set; }

        public int LastDoc { get; private set; }

        public readonly ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

        public readonly ReadOnlyMemory<byte> Memory => _data.AsMemory(0, Length);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Append(int doc, int titleTf, int otherTf)
        {
            var (head, hasCounts) = PostingCodec.Head(doc - LastDoc, titleTf, otherTf);
            WriteVarint(head);
            if (hasCounts)
            {
                WriteVarint(titleTf);
                WriteVarint(otherTf);
            }

            LastDoc = doc;
            Df++;
        }

        private void WriteVarint(long value)
        {
            var length = Length;
            if (length + 10 > _data.Length)
            {
                Array.Resize(ref _data, Math.Max(_data.Length * 2, 16));
            }

            var v = (ulong)value;
            while (v >= 0x80)
            {
                _data[length++] = (byte)(v | 0x80);
                v >>= 7;
            }

            _data[length++] = (byte)v;
            Length = length;
        }
    }
}
