using System.Numerics;

namespace SiteGen.Events;

/// <summary>
/// The n-grams of a set of texts, numbered without making a string of any of them (for
/// <see cref="TermExtractor"/>, which counts every n-gram of every text of an event).
/// <para>
/// A token is a number (a Han character is its code; a word is 65,536 plus its number in the caller's
/// numbering of word keys), and an n-gram is the pair (number of its first n − 1 tokens, its last
/// token), looked up in an open-addressing table keyed by that pair. So two n-grams get the same number
/// exactly when their tokens' keys are the same: the key is the identity, the hash only places it.
/// </para>
/// <para>
/// Per number: its length, its occurrences in all texts (<see cref="Total"/>) and the number of texts
/// it occurs in (<see cref="Documents"/>). Per (number, text) a posting: the count in that text and the
/// first token position, chained in text order from <see cref="Head"/>. Texts must be added in order.
/// </para>
/// </summary>
internal sealed class GramTable
{
    /// <summary>Token numbers of words start here, above every UTF-16 code unit.</summary>
    public const int FirstWord = char.MaxValue + 1;

    // Open addressing, linear probing over (key, number + 1) slots, number 0 meaning empty. Each table
    // is an array of structs, so that a lookup, or an occurrence counted, touches one line of each.
    private Slot[] _slots;
    private int _shift;
    private Entry[] _grams;
    private Posting[] _postings;

    // The arrays of this thread's last released table, taken by its next one: an event's table is
    // megabytes (large-object heap) and a build makes one per event, on a few threads.
    [ThreadStatic]
    private static Spare? t_spare;

    public GramTable(int expected)
    {
        var bits = Math.Max(10, 64 - (int)ulong.LeadingZeroCount((ulong)Math.Max(1, expected) * 2));
        var size = Math.Max(16, expected);
        var spare = t_spare;
        t_spare = null;
        if (spare is not null && spare.Slots.Length >= 1 << bits && spare.Slots.Length <= 4 << bits)
        {
            // A larger table works as well (fewer collisions); much larger would cost more to clear than to make.
            _slots = spare.Slots;
            Array.Clear(_slots);
            bits = BitOperations.Log2((uint)_slots.Length);
        }
        else
        {
            _slots = new Slot[1 << bits];
        }

        _shift = 64 - bits;

        // Every entry and posting is written whole before it is read: no clearing needed.
        _grams = spare is not null && spare.Grams.Length >= size ? spare.Grams : new Entry[size];
        _postings = spare is not null && spare.Postings.Length >= size ? spare.Postings : new Posting[size];
    }

    public int Count { get; private set; }

    public int Postings { get; private set; }

    public int Length(int id) => _grams[id].Length;

    /// <summary>Occurrences of n-gram <paramref name="id"/> in all texts.</summary>
    public int Total(int id) => _grams[id].Total;

    /// <summary>How many texts have n-gram <paramref name="id"/>.</summary>
    public int Documents(int id) => _grams[id].Documents;

    /// <summary>First posting of n-gram <paramref name="id"/> (-1: none: a single Han character, never counted).</summary>
    public int Head(int id) => _grams[id].Head;

    /// <summary>The n-gram of posting <paramref name="posting"/>.</summary>
    public int Gram(int posting) => _postings[posting].Gram;

    public int Doc(int posting) => _postings[posting].Doc;

    /// <summary>The count of the posting's n-gram in its text.</summary>
    public int CountIn(int posting) => _postings[posting].Count;

    /// <summary>Token position of the first occurrence in the posting's text.</summary>
    public int First(int posting) => _postings[posting].First;

    /// <summary>The number of the n-gram <paramref name="prefix"/> (-1 for none) followed by <paramref name="token"/>; new if unseen.</summary>
    public int Id(int prefix, int token, int length)
    {
        var key = ((long)(prefix + 1) << 32) | (uint)token;
        var mask = _slots.Length - 1;
        var slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (true)
        {
            ref var at = ref _slots[slot];
            if (at.Id == 0)
            {
                break;
            }

            if (at.Key == key)
            {
                return at.Id - 1;
            }

            slot = (slot + 1) & mask;
        }

        var id = Count++;
        if (id == _grams.Length)
        {
            Array.Resize(ref _grams, _grams.Length * 2);
        }

        _grams[id] = new Entry { Length = length, Head = -1, Tail = -1 };
        _slots[slot] = new Slot { Key = key, Id = id + 1 };
        if (Count * 2 > _slots.Length)
        {
            Rehash();
        }

        return id;
    }

    /// <summary>The number of the n-gram <paramref name="prefix"/> followed by <paramref name="token"/>, or -1 if it was never numbered.</summary>
    public int Find(int prefix, int token)
    {
        var key = ((long)(prefix + 1) << 32) | (uint)token;
        var mask = _slots.Length - 1;
        var slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (_slots[slot].Id != 0)
        {
            if (_slots[slot].Key == key)
            {
                return _slots[slot].Id - 1;
            }

            slot = (slot + 1) & mask;
        }

        return -1;
    }

    /// <summary>The posting of n-gram <paramref name="id"/> in text <paramref name="doc"/>, or -1.</summary>
    public int PostingOf(int id, int doc)
    {
        for (var p = _grams[id].Head; p >= 0 && _postings[p].Doc <= doc; p = _postings[p].Next)
        {
            if (_postings[p].Doc == doc)
            {
                return p;
            }
        }

        return -1;
    }

    /// <summary>Counts one occurrence of <paramref name="id"/> at <paramref name="position"/> of text <paramref name="doc"/>; gives its posting, and whether it is the text's first.</summary>
    public int Occur(int id, int doc, int position, out bool first)
    {
        ref var gram = ref _grams[id];
        gram.Total++;
        var tail = gram.Tail;
        if (tail >= 0 && _postings[tail].Doc == doc)
        {
            _postings[tail].Count++;
            first = false;
            return tail;
        }

        var p = Postings++;
        if (p == _postings.Length)
        {
            Array.Resize(ref _postings, _postings.Length * 2);
        }

        _postings[p] = new Posting { Gram = id, Doc = doc, Count = 1, First = position, Next = -1 };
        if (tail >= 0)
        {
            _postings[tail].Next = p;
        }
        else
        {
            gram.Head = p;
        }

        gram.Tail = p;
        gram.Documents++;
        first = true;
        return p;
    }

    /// <summary>The least count of <paramref name="id"/> over the texts that have it.</summary>
    public int MinCount(int id)
    {
        var min = int.MaxValue;
        for (var p = _grams[id].Head; p >= 0; p = _postings[p].Next)
        {
            min = Math.Min(min, _postings[p].Count);
        }

        return min == int.MaxValue ? 0 : min;
    }

    /// <summary>Hands this table's arrays to the next table made on this thread; this one is not used again.</summary>
    public void Release()
    {
        var spare = t_spare;
        t_spare = new Spare(
            spare is not null && spare.Slots.Length > _slots.Length ? spare.Slots : _slots,
            spare is not null && spare.Grams.Length > _grams.Length ? spare.Grams : _grams,
            spare is not null && spare.Postings.Length > _postings.Length ? spare.Postings : _postings);
        _slots = [];
        _grams = [];
        _postings = [];
    }

    private void Rehash()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _shift--;
        var mask = _slots.Length - 1;
        foreach (var s in old)
        {
            if (s.Id != 0)
            {
                var slot = (int)(((ulong)s.Key * 0x9E3779B97F4A7C15UL) >> _shift);
                while (_slots[slot].Id != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = s;
            }
        }
    }

    private sealed record Spare(Slot[] Slots, Entry[] Grams, Posting[] Postings);

    private struct Slot
    {
        public long Key;
        public int Id;
    }

    private struct Entry
    {
        public int Length;
        public int Total;
        public int Documents;
        public int Head;
        public int Tail;
    }

    /// <summary>An n-gram in one text: its count there, first position, and the n-gram's posting in the next text that has it (-1: none).</summary>
    private struct Posting
    {
        public int Gram;
        public int Doc;
        public int Count;
        public int First;
        public int Next;
    }
}
