using System.Collections.Concurrent;

namespace SiteGen.Search;

/// <summary>
/// Numbers the index's terms, so the hot loops handle ints instead of strings: a term gets the next id
/// the first time it is seen and keeps it for the table's life. Ids are internal only — the files list
/// terms in ordinal order, never by id — so the order in which threads meet terms does not change a
/// byte. Thread-safe: lookups are lock-free, a new term takes a lock.
/// <para>Two caches sit in front of the term dictionary: folded words (stop word check and Porter2
/// stem done once per distinct word) and Chinese n-grams of BMP characters packed into a 64-bit key
/// (no string is made for a term already known).</para>
/// </summary>
internal sealed class SearchTermTable
{
    /// <summary>Marks a word that is not indexed (stop word or over-long).</summary>
    public const int NotIndexed = -1;

    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idsBySpan;
    private readonly ConcurrentDictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordsBySpan;
    private readonly ConcurrentDictionary<ulong, int> _packed = new();
    private readonly Lock _gate = new();
    private string[] _terms = new string[1024];
    private int _count;

    public SearchTermTable()
    {
        _idsBySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _wordsBySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Terms numbered so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The term of an id handed out by this table.</summary>
    public string this[int id] => Volatile.Read(ref _terms)[id];

    /// <summary>The id of a term, numbering it if new.</summary>
    public int IdOf(ReadOnlySpan<char> term)
    {
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
            id = _count;
            if (id == _terms.Length)
            {
                var bigger = new string[id * 2];
                Array.Copy(_terms, bigger, id);
                Volatile.Write(ref _terms, bigger);
            }

            _terms[id] = text;
            Volatile.Write(ref _count, id + 1);
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
        if (_packed.TryGetValue(key, out var id))
        {
            return id;
        }

        id = IdOf(term);
        _packed.TryAdd(key, id);
        return id;
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
}
