using System.Collections.Concurrent;

namespace SiteGen.Search;

/// <summary>
/// Numbers the index's terms, so the hot loops handle ints instead of strings: a term gets the next id
/// the first time it is seen and keeps it for the table's life. Ids are internal only — the files list
/// terms in ordinal order, never by id — so the order in which threads meet terms does not change a
/// byte. Thread-safe: word lookups are lock-free, a new word term takes one lock, a Chinese n-gram its stripe's lock.
/// <para>Two caches sit in front of the term dictionary: folded words (stop word check and Porter2
/// stem done once per distinct word) and Chinese n-grams of BMP characters packed into a 64-bit key
/// (no string is made for a term already known).</para>
/// </summary>
internal sealed class SearchTermTable
{
    /// <summary>Marks a word that is not indexed (stop word or over-long).</summary>
    public const int NotIndexed = -1;

    private const int ChunkBits = 16;
    private const int ChunkMask = (1 << ChunkBits) - 1;
    private const int Stripes = 64;

    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idsBySpan;
    private readonly ConcurrentDictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordsBySpan;

    // Chinese n-grams, by far the most terms of a Chinese archive (a million new ones in 2,000 real
    // articles), are numbered in striped plain dictionaries: a new gram takes only its stripe's lock and
    // makes no node object, where one lock for every new term and a ConcurrentDictionary node each made
    // the search phase wait on itself and on the GC.
    private readonly Dictionary<ulong, int>[] _packed = new Dictionary<ulong, int>[Stripes];
    private readonly Lock[] _packedGates = new Lock[Stripes];
    private readonly Lock _gate = new();

    // Terms by id in chunks that never move, so numbering a term never copies the others.
    private readonly string[]?[] _chunks = new string[]?[1 << (31 - ChunkBits)];
    private readonly Lock _chunkGate = new();
    private int _count;

    public SearchTermTable()
    {
        _idsBySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _wordsBySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < Stripes; i++)
        {
            _packed[i] = [];
            _packedGates[i] = new Lock();
        }
    }

    /// <summary>Terms numbered so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The term of an id handed out by this table.</summary>
    public string this[int id] => Volatile.Read(ref _chunks[id >> ChunkBits])![id & ChunkMask];

    /// <summary>The id of a term, numbering it if new.</summary>
    public int IdOf(ReadOnlySpan<char> term)
    {
        // A gram that the packed path numbers must get the same id here (a document of another table is
        // merged term by term through this method).
        if (IsPackable(term))
        {
            return PackedId(Pack(term), term);
        }

        if (_idsBySpan.TryGetValue(term, out var id))
        {
            return id;
        }

        lock (_gate)
        {
            if (_idsBySpan.TryGetValue(term, out id))
            {
                return id;
            }

            var text = term.ToString();
            id = Number(text);
            _ids[text] = id;
            return id;
        }
    }

    /// <summary>The term id of a folded word (<see cref="SearchTokenizer.WordTerm"/>), or <see cref="NotIndexed"/>.</summary>
    public int WordId(ReadOnlySpan<char> foldedWord)
    {
        if (_wordsBySpan.TryGetValue(foldedWord, out var id))
        {
            return id;
        }

        var word = foldedWord.ToString();
        id = SearchTokenizer.WordTerm(word) is { } term ? IdOf(term) : NotIndexed;
        _words.TryAdd(word, id);
        return id;
    }

    /// <summary>The id of a Chinese n-gram of one to three BMP characters, by its packed key (see <see cref="Pack"/>).</summary>
    public int PackedId(ulong key, ReadOnlySpan<char> term)
    {
        var stripe = (int)((key * 0x9E3779B97F4A7C15UL) >> 58);
        var ids = _packed[stripe];
        lock (_packedGates[stripe])
        {
            if (!ids.TryGetValue(key, out var id))
            {
                id = Number(term.ToString());
                ids.Add(key, id);
            }

            return id;
        }
    }

    /// <summary>Whether a term is one the packed path numbers: one to three characters, each a CJK character of the BMP.</summary>
    public static bool IsPackable(ReadOnlySpan<char> term)
    {
        if (term.Length is < 1 or > 3)
        {
            return false;
        }

        foreach (var c in term)
        {
            if (char.IsSurrogate(c) || !SearchTokenizer.IsCjk(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One to three UTF-16 code units (no surrogates) as one number: the count in the top bits, then the units.</summary>
    public static ulong Pack(ReadOnlySpan<char> units)
    {
        var key = (ulong)units.Length << 48;
        for (var i = 0; i < units.Length; i++)
        {
            key |= (ulong)units[i] << (32 - (16 * i));
        }

        return key;
    }

    /// <summary>The next id, for a term that has none: stored before the caller publishes the id.</summary>
    private int Number(string text)
    {
        var id = Interlocked.Increment(ref _count) - 1;
        ref var slot = ref _chunks[id >> ChunkBits];
        var chunk = Volatile.Read(ref slot);
        if (chunk is null)
        {
            lock (_chunkGate)
            {
                chunk = Volatile.Read(ref slot);
                if (chunk is null)
                {
                    chunk = new string[1 << ChunkBits];
                    Volatile.Write(ref slot, chunk);
                }
            }
        }

        chunk[id & ChunkMask] = text;
        return id;
    }
}
