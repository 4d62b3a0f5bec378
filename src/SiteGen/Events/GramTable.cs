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

    // Open addressing, linear probing: the key (prefix + 1, token) and the number + 1 (0: empty slot).
    private long[] _keys;
    private int[] _slots;
    private int _shift;

    public GramTable(int expected)
    {
        var bits = Math.Max(10, 64 - (int)ulong.LeadingZeroCount((ulong)Math.Max(1, expected) * 2));
        _keys = new long[1 << bits];
        _slots = new int[1 << bits];
        _shift = 64 - bits;
        var grams = Math.Max(16, expected);
        Length = new byte[grams];
        Total = new int[grams];
        Documents = new int[grams];
        Head = new int[grams];
        Tail = new int[grams];
        PostGram = new int[grams];
        PostDoc = new int[grams];
        PostCount = new int[grams];
        PostFirst = new int[grams];
        PostNext = new int[grams];
    }

    public int Count { get; private set; }

    public int Postings { get; private set; }

    public byte[] Length { get; private set; }

    public int[] Total { get; private set; }

    public int[] Documents { get; private set; }

    /// <summary>First posting of a number (-1: none: a single Han character, never counted).</summary>
    public int[] Head { get; private set; }

    private int[] Tail { get; set; }

    public int[] PostGram { get; private set; }

    public int[] PostDoc { get; private set; }

    public int[] PostCount { get; private set; }

    /// <summary>Token position of the first occurrence in the posting's text.</summary>
    public int[] PostFirst { get; private set; }

    /// <summary>The number's posting in the next text that has it, or -1.</summary>
    public int[] PostNext { get; private set; }

    /// <summary>The number of the n-gram <paramref name="prefix"/> (-1 for none) followed by <paramref name="token"/>; new if unseen.</summary>
    public int Id(int prefix, int token, int length)
    {
        var key = ((long)(prefix + 1) << 32) | (uint)token;
        var mask = _slots.Length - 1;
        var slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (true)
        {
            var found = _slots[slot];
            if (found == 0)
            {
                break;
            }

            if (_keys[slot] == key)
            {
                return found - 1;
            }

            slot = (slot + 1) & mask;
        }

        var id = Count++;
        if (id == Total.Length)
        {
            GrowGrams();
        }

        Length[id] = (byte)length;
        Head[id] = -1;
        Tail[id] = -1;
        _keys[slot] = key;
        _slots[slot] = id + 1;
        if (Count * 2 > _slots.Length)
        {
            Rehash();
        }

        return id;
    }

    /// <summary>Counts one occurrence of <paramref name="id"/> at <paramref name="position"/> of text <paramref name="doc"/>; gives its posting, and whether it is the text's first.</summary>
    public int Occur(int id, int doc, int position, out bool first)
    {
        Total[id]++;
        var tail = Tail[id];
        if (tail >= 0 && PostDoc[tail] == doc)
        {
            PostCount[tail]++;
            first = false;
            return tail;
        }

        var p = Postings++;
        if (p == PostGram.Length)
        {
            GrowPostings();
        }

        PostGram[p] = id;
        PostDoc[p] = doc;
        PostCount[p] = 1;
        PostFirst[p] = position;
        PostNext[p] = -1;
        if (tail >= 0)
        {
            PostNext[tail] = p;
        }
        else
        {
            Head[id] = p;
        }

        Tail[id] = p;
        Documents[id]++;
        first = true;
        return p;
    }

    /// <summary>The least count of <paramref name="id"/> over the texts that have it.</summary>
    public int MinCount(int id)
    {
        var min = int.MaxValue;
        for (var p = Head[id]; p >= 0; p = PostNext[p])
        {
            min = Math.Min(min, PostCount[p]);
        }

        return min == int.MaxValue ? 0 : min;
    }

    private void GrowGrams()
    {
        var size = Total.Length * 2;
        Length = Resize(Length, size);
        Total = Resize(Total, size);
        Documents = Resize(Documents, size);
        Head = Resize(Head, size);
        Tail = Resize(Tail, size);
    }

    private void GrowPostings()
    {
        var size = PostGram.Length * 2;
        PostGram = Resize(PostGram, size);
        PostDoc = Resize(PostDoc, size);
        PostCount = Resize(PostCount, size);
        PostFirst = Resize(PostFirst, size);
        PostNext = Resize(PostNext, size);
    }

    private static T[] Resize<T>(T[] array, int size)
    {
        Array.Resize(ref array, size);
        return array;
    }

    private void Rehash()
    {
        var keys = _keys;
        var slots = _slots;
        _keys = new long[keys.Length * 2];
        _slots = new int[slots.Length * 2];
        _shift--;
        var mask = _slots.Length - 1;
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] != 0)
            {
                var slot = (int)(((ulong)keys[i] * 0x9E3779B97F4A7C15UL) >> _shift);
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _keys[slot] = keys[i];
                _slots[slot] = slots[i];
            }
        }
    }
}
