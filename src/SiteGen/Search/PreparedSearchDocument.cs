using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Search;

/// <summary>
/// One document tokenized for the index, ready for <see cref="SearchIndexWriter.Add(PreparedSearchDocument)"/>:
/// its distinct terms (as ids of a <see cref="SearchTermTable"/>) with their title and other counts, its
/// length and its doc-table entry. Making one is the expensive part of indexing and needs no writer, so
/// documents can be prepared in parallel (and kept, see <see cref="SearchIndexCache"/>) and added in
/// document order: the bytes depend only on that order.
/// </summary>
public sealed class PreparedSearchDocument
{
    // What the document was made from, until its InputHash is asked for: a one-off build never asks
    // (nothing is compared with its index), and hashing every document's text was a tenth of indexing.
    private SearchDocument? _source;
    private byte[]? _inputHash;

    private PreparedSearchDocument(SearchTermTable table, byte[] postings, int termCount, DocEntry entry, SearchFacetValue outlet, IReadOnlyList<SearchFacetValue> events, int excerptColumns, SearchDocument source)
    {
        _source = source;
        Table = table;
        Postings = postings;
        TermCount = termCount;
        Entry = entry;
        Outlet = outlet;
        Events = events;
        ExcerptColumns = excerptColumns;
    }

    /// <summary>Distinct terms of the document.</summary>
    public int TermCount { get; }

    /// <summary>Words and bigrams of the document: its length for BM25.</summary>
    public int Length => Entry.Length;

    internal SearchTermTable Table { get; }

    /// <summary>Per distinct term, in order of first occurrence: term id, title tf, other tf (varints).</summary>
    internal byte[] Postings { get; }

    internal DocEntry Entry { get; }

    internal SearchFacetValue Outlet { get; }

    internal IReadOnlyList<SearchFacetValue> Events { get; }

    internal int ExcerptColumns { get; }

    /// <summary>SHA-256 of everything the document was made from (its fields and the excerpt length): equal hashes, equal index bytes.</summary>
    internal byte[] InputHash
    {
        get
        {
            // Threads racing here compute the same hash; the hash is published before the source is let go.
            if (Volatile.Read(ref _inputHash) is { } hash)
            {
                return hash;
            }

            if (Volatile.Read(ref _source) is not { } source)
            {
                return Volatile.Read(ref _inputHash)!;
            }

            hash = HashInputs(source, ExcerptColumns);
            Volatile.Write(ref _inputHash, hash);
            Volatile.Write(ref _source, null);
            return hash;
        }
    }

    /// <summary>The document's terms with their counts in the title fields and elsewhere (for tests and tools).</summary>
    public IEnumerable<(string Term, int TitleTf, int OtherTf)> Terms()
    {
        var offset = 0;
        for (var i = 0; i < TermCount; i++)
        {
            var id = (int)Varint.Read(Postings, ref offset);
            var title = (int)Varint.Read(Postings, ref offset);
            var other = (int)Varint.Read(Postings, ref offset);
            yield return (Table[id], title, other);
        }
    }

    /// <summary>Tokenizes a document (any thread); <paramref name="table"/> numbers its terms.</summary>
    internal static PreparedSearchDocument Create(SearchDocument doc, SearchTermTable table, SearchIndexOptions options)
    {
        var counter = DocumentTermCounter.For(table);
        counter.Begin();

        // Title fields: the title, the other-language titles, and the events' names — an article that
        // belongs to "Xi-Putin summit in Beijing" is about that summit even when its words say "talks".
        counter.Add(doc.Title, title: true);
        foreach (var (_, alt) in Ordered(doc.AltTitles))
        {
            counter.Add(alt, title: true);
        }

        foreach (var e in doc.Events)
        {
            foreach (var (_, name) in Ordered(e.Names))
            {
                counter.Add(name, title: true);
            }
        }

        counter.Add(doc.Body, title: false);
        counter.Add(doc.Outlet.Id, title: false);
        foreach (var (_, name) in Ordered(doc.Outlet.Names))
        {
            counter.Add(name, title: false);
        }

        foreach (var text in doc.Authors)
        {
            counter.Add(text, title: false);
        }

        foreach (var text in doc.Tags)
        {
            counter.Add(text, title: false);
        }

        var (postings, termCount, length) = counter.End();
        var events = new string[doc.Events.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = doc.Events[i].Id;
        }

        var entry = new DocEntry(doc.Outlet.Id, doc.Lang, doc.Published.Year, events, length, SearchIndexWriter.DocJson(doc, options.ExcerptColumns));
        return new PreparedSearchDocument(table, postings, termCount, entry, doc.Outlet, doc.Events, options.ExcerptColumns, doc);
    }

    private static byte[] HashInputs(SearchDocument doc, int excerptColumns)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var number = new byte[8];
        void Int(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(number, value);
            hash.AppendData(number);
        }

        void Text(string? text)
        {
            Int(text?.Length ?? -1);
            hash.AppendData(MemoryMarshal.AsBytes((text ?? "").AsSpan()));
        }

        void Names(IReadOnlyDictionary<string, string> names)
        {
            Int(names.Count);
            foreach (var (key, value) in names)
            {
                Text(key);
                Text(value);
            }
        }

        void List(IReadOnlyList<string> values)
        {
            Int(values.Count);
            foreach (var value in values)
            {
                Text(value);
            }
        }

        Int(excerptColumns);
        Text(doc.Id);
        Text(doc.Lang);
        Text(doc.Title);
        Names(doc.AltTitles);
        Text(doc.Body);
        Text(doc.Outlet.Id);
        Names(doc.Outlet.Names);
        List(doc.Authors);
        List(doc.Tags);
        Int(doc.Events.Count);
        foreach (var e in doc.Events)
        {
            Text(e.Id);
            Names(e.Names);
        }

        Int(doc.Published.Value.UtcTicks);
        Int(doc.Published.Value.Offset.Ticks);
        Int(doc.Published.HasTime ? 1 : 0);
        Names(doc.Urls);
        return hash.GetHashAndReset();
    }

    private static IEnumerable<KeyValuePair<string, string>> Ordered(IReadOnlyDictionary<string, string> values) =>
        values.Count <= 1 ? values : values.OrderBy(p => p.Key, StringComparer.Ordinal);
}

/// <summary>What the writer keeps of a document: its filters, its length and its doc-table entry.</summary>
internal sealed record DocEntry(string Outlet, string Lang, int Year, string[] Events, int Length, byte[] Json);

/// <summary>
/// The indexing twin of <see cref="SearchTokenizer.Tokenize(string, int, List{SearchToken})"/>: the same
/// folding, segmentation and terms, but it only counts each distinct term of a document (no token
/// list, no positions, no string per token). One per thread; a test checks it against the tokenizer.
/// The loops are compiled optimized at once (<see cref="MethodImplOptions.AggressiveOptimization"/>): a
/// one-shot build of 1,000 articles otherwise runs most of them in tier-0 code, several times slower.
/// </summary>
internal sealed class DocumentTermCounter
{
    private const byte Other = 0;
    private const byte Cjk = 1;
    private const byte WordChar = 2;
    private const byte Apostrophe = 3;

    [ThreadStatic]
    private static DocumentTermCounter? t_current;

    private static readonly Lazy<byte[]> BmpClasses = new(() =>
    {
        var classes = new byte[0x10000];
        for (var c = 0; c < classes.Length; c++)
        {
            classes[c] = ClassOf(c);
        }

        return classes;
    });

    private SearchTermTable? _table;
    private int[] _stamp = new int[4096];
    private int[] _slot = new int[4096];
    private int _doc;
    private int[] _ids = new int[1024];
    private int[] _titleTf = new int[1024];
    private int[] _otherTf = new int[1024];
    private int _terms;
    private int _length;
    private bool _title;
    private char[] _buffer = new char[256];
    private int _chars;
    private int[] _at = new int[257];
    private int _codePoints;
    private bool _cjk;
    private bool _apostrophe;
    private byte[] _out = new byte[4096];

    // This thread's open-addressing map packed n-gram → term id in front of the shared table (no locks,
    // one probe into flat arrays instead of a concurrent dictionary's node).
    private ulong[] _keys = new ulong[1 << 14];
    private int[] _values = new int[1 << 14];
    private int _used;

    // Single characters, the most frequent terms, by their code (id + 1; 0: not looked up yet): no hashing.
    private readonly int[] _single = new int[0x10000];

    public static DocumentTermCounter For(SearchTermTable table)
    {
        var counter = t_current ??= new DocumentTermCounter();
        if (!ReferenceEquals(counter._table, table))
        {
            Array.Clear(counter._stamp);
            Array.Clear(counter._keys);
            Array.Clear(counter._single);
            counter._used = 0;
            counter._table = table;
        }

        return counter;
    }

    public void Begin()
    {
        if (++_doc == int.MaxValue)
        {
            Array.Clear(_stamp);
            _doc = 1;
        }

        _terms = 0;
        _length = 0;
    }

    /// <summary>Counts the terms of one field (a field end breaks words and runs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string text, bool title)
    {
        _title = title;
        _cjk = false;
        _apostrophe = false;
        _chars = 0;
        _codePoints = 0;
        var classes = BmpClasses.Value;
        foreach (var rune in text.EnumerateRunes())
        {
            var folded = TextFolding.Fold(rune.Value);
            if (folded.Length == 1 && !char.IsSurrogate(folded[0]))
            {
                Step(folded[0], classes[folded[0]]);
            }
            else
            {
                foreach (var r in folded.EnumerateRunes())
                {
                    Step(r.Value, r.IsBmp ? classes[r.Value] : ClassOf(r.Value));
                }
            }
        }

        Flush();
    }

    /// <summary>The document's postings (id, title tf, other tf per term), distinct terms and length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (byte[] Postings, int Terms, int Length) End()
    {
        var n = 0;
        for (var k = 0; k < _terms; k++)
        {
            if (n + 15 > _out.Length)
            {
                Array.Resize(ref _out, _out.Length * 2);
            }

            n = Put(_out, n, _ids[k]);
            n = Put(_out, n, _titleTf[k]);
            n = Put(_out, n, _otherTf[k]);
        }

        return (_out.AsSpan(0, n).ToArray(), _terms, _length);
    }

    private static int Put(byte[] data, int n, int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            data[n++] = (byte)(v | 0x80);
            v >>= 7;
        }

        data[n++] = (byte)v;
        return n;
    }

    private static byte ClassOf(int cp) =>
        SearchTokenizer.IsCjk(cp) ? Cjk
        : SearchTokenizer.IsWordChar(cp) ? WordChar
        : cp is '\'' or '\u2019' ? Apostrophe
        : Other;

    // The state machine of SearchTokenizer.Segments, step for step.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Step(int cp, byte kind)
    {
        switch (kind)
        {
            case Cjk:
                if (!_cjk)
                {
                    Flush();
                }

                _cjk = true;
                Append(cp, cjk: true);
                break;
            case WordChar:
                if (_cjk)
                {
                    Flush();
                }

                _cjk = false;
                _apostrophe = false;
                Append(cp, cjk: false);
                break;
            case Apostrophe when !_cjk && _chars > 0 && !_apostrophe:
                _apostrophe = true; // joins the word if a letter follows
                break;
            default:
                Flush();
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append(int cp, bool cjk)
    {
        if (_chars + 2 > _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        if (cjk)
        {
            if (_codePoints + 2 > _at.Length)
            {
                Array.Resize(ref _at, _at.Length * 2);
            }

            _at[_codePoints++] = _chars;
        }

        if (cp < 0x10000)
        {
            _buffer[_chars++] = (char)cp;
        }
        else
        {
            _chars += new Rune(cp).EncodeToUtf16(_buffer.AsSpan(_chars));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Flush()
    {
        _apostrophe = false;
        if (_chars == 0)
        {
            return;
        }

        var table = _table!;
        var text = _buffer.AsSpan(0, _chars);
        if (_cjk)
        {
            // Every character and every two consecutive characters; bigrams count as length.
            var count = _codePoints;
            _at[count] = _chars;
            for (var i = 0; i < count; i++)
            {
                Count(Gram(table, text, i, 1));
                if (i + 1 < count)
                {
                    Count(Gram(table, text, i, 2));
                    _length++;
                }
            }
        }
        else if (_chars <= SearchTokenizer.MaxWordLength)
        {
            var id = table.WordId(text);
            if (id != SearchTermTable.NotIndexed)
            {
                Count(id);
                _length++;
            }
        }

        _chars = 0;
        _codePoints = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Gram(SearchTermTable table, ReadOnlySpan<char> text, int i, int n)
    {
        var gram = text[_at[i].._at[i + n]];
        if (gram.Length != n)
        {
            return table.IdOf(gram);
        }

        if (n == 1)
        {
            ref var single = ref _single[gram[0]];
            if (single == 0)
            {
                single = PackedId(table, SearchTermTable.Pack(gram), gram) + 1;
            }

            return single - 1;
        }

        return PackedId(table, SearchTermTable.Pack(gram), gram);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int PackedId(SearchTermTable table, ulong key, ReadOnlySpan<char> gram)
    {
        var mask = _keys.Length - 1;
        var slot = (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & mask;
        while (true)
        {
            var k = _keys[slot];
            if (k == key)
            {
                return _values[slot];
            }

            if (k == 0)
            {
                break; // keys are never 0: the length is in the top bits
            }

            slot = (slot + 1) & mask;
        }

        var id = table.PackedId(key, gram);
        _keys[slot] = key;
        _values[slot] = id;
        if (++_used * 2 > _keys.Length)
        {
            Grow();
        }

        return id;
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new ulong[keys.Length * 2];
        _values = new int[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                var slot = (int)((keys[i] * 0x9E3779B97F4A7C15UL) >> 40) & mask;
                while (_keys[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _keys[slot] = keys[i];
                _values[slot] = values[i];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Count(int id)
    {
        if (id >= _stamp.Length)
        {
            var size = Math.Max(id + 1, _stamp.Length * 2);
            Array.Resize(ref _stamp, size);
            Array.Resize(ref _slot, size);
        }

        int k;
        if (_stamp[id] != _doc)
        {
            if (_terms == _ids.Length)
            {
                Array.Resize(ref _ids, _terms * 2);
                Array.Resize(ref _titleTf, _terms * 2);
                Array.Resize(ref _otherTf, _terms * 2);
            }

            _stamp[id] = _doc;
            k = _slot[id] = _terms++;
            _ids[k] = id;
            _titleTf[k] = 0;
            _otherTf[k] = 0;
        }
        else
        {
            k = _slot[id];
        }

        if (_title)
        {
            _titleTf[k]++;
        }
        else
        {
            _otherTf[k]++;
        }
    }
}
