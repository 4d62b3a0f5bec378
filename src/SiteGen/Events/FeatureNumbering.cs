using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SiteGen.Normalize;

namespace SiteGen.Events;

/// <summary>
/// Numbers the features of texts (the keys of <see cref="Tokenizer.Features(string)"/>: Han bigrams and
/// content words) without a string per feature and text. A feature is first a key: a Han bigram its two
/// characters (<c>c1 &lt;&lt; 16 | c2</c>), a word 2^32 plus its number in a shared word table; keys are
/// then numbered densely (<see cref="Number"/>), so that document frequencies are an array.
/// <para>
/// <see cref="Keys"/> runs on any thread (the word table is concurrent); <see cref="Number"/> and
/// <see cref="IdOf"/> one thread at a time, or reads only. Numbers depend on the order texts were
/// numbered in, never on what a feature is, and never leave their owner (<see cref="EventComparisonCache"/>).
/// </para>
/// </summary>
internal sealed class FeatureNumbering
{
    /// <summary>Set in a key from <see cref="Keys"/> when the text has the feature twice or more.</summary>
    public const long Repeated = 1L << 62;

    private const long Word = 1L << 32;

    [ThreadStatic]
    private static KeyCounter? t_counter;

    private readonly ConcurrentDictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _ids = [];
    private int _lastWord = -1;

    /// <summary>How many features have a number.</summary>
    public int Count => _ids.Count;

    /// <summary>
    /// The distinct features of a text as keys, each with <see cref="Repeated"/> when the text has it
    /// twice or more: the features of <see cref="Tokenizer.Features(string)"/> with their counts, in no
    /// particular order. Any thread.
    /// </summary>
    public long[] Keys(string text)
    {
        var counter = t_counter ??= new KeyCounter();
        counter.Clear();
        Tokenizer.WalkFeatures(text, new KeySink(this, _words.GetAlternateLookup<ReadOnlySpan<char>>(), counter));
        return counter.ToKeys();
    }

    /// <summary>Counts the keys of a text's features: a bigram its two characters, a word its number in the word table (new if unseen).</summary>
    private readonly struct KeySink(FeatureNumbering owner, ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> words, KeyCounter counter) : Tokenizer.IFeatureSink
    {
        public void Bigram(ReadOnlySpan<char> pair) => counter.Add(FeatureNumbering.Bigram(pair[0], pair[1]));

        public void Word(ReadOnlySpan<char> word)
        {
            if (!words.TryGetValue(word, out var number))
            {
                number = owner._words.GetOrAdd(word.ToString(), static (_, self) => Interlocked.Increment(ref self._lastWord), owner);
            }

            counter.Add(FeatureNumbering.Word | (uint)number);
        }
    }

    /// <summary>The number of a key from <see cref="Keys"/> (without <see cref="Repeated"/>), new if unseen. One thread at a time.</summary>
    public int Number(long key)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, key, out var known);
        if (!known)
        {
            id = _ids.Count - 1;
        }

        return id;
    }

    /// <summary>The number of a feature (a key of <see cref="Tokenizer.Features(string)"/>), or -1 if it has none.</summary>
    public int IdOf(string feature)
    {
        long key;
        if (feature.Length == 2 && Cjk.IsHan(feature[0]) && Cjk.IsHan(feature[1]))
        {
            // Words have no Han characters: two of them are a bigram.
            key = Bigram(feature[0], feature[1]);
        }
        else if (_words.TryGetValue(feature, out var number))
        {
            key = Word | (uint)number;
        }
        else
        {
            return -1;
        }

        return _ids.TryGetValue(key, out var id) ? id : -1;
    }

    private static long Bigram(char first, char second) => ((long)first << 16) | second;

    /// <summary>Counts keys of one text in an open-addressing table kept by its thread (cleared by the slots used).</summary>
    private sealed class KeyCounter
    {
        private long[] _keys = new long[4096];
        private int[] _counts = new int[4096];
        private int[] _used = new int[2048];
        private int _count;

        public void Clear()
        {
            for (var i = 0; i < _count; i++)
            {
                _counts[_used[i]] = 0;
            }

            _count = 0;
        }

        public void Add(long key)
        {
            var mask = _keys.Length - 1;
            var slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 40) & mask;
            while (_counts[slot] != 0)
            {
                if (_keys[slot] == key)
                {
                    _counts[slot]++;
                    return;
                }

                slot = (slot + 1) & mask;
            }

            _keys[slot] = key;
            _counts[slot] = 1;
            _used[_count++] = slot;
            if (_count * 2 >= _keys.Length)
            {
                Grow();
            }
        }

        public long[] ToKeys()
        {
            var keys = new long[_count];
            for (var i = 0; i < _count; i++)
            {
                var slot = _used[i];
                keys[i] = _counts[slot] >= 2 ? _keys[slot] | Repeated : _keys[slot];
            }

            return keys;
        }

        private void Grow()
        {
            var keys = _keys;
            var counts = _counts;
            var used = _used;
            _keys = new long[keys.Length * 2];
            _counts = new int[keys.Length * 2];
            _used = new int[keys.Length];
            var mask = _keys.Length - 1;
            for (var i = 0; i < _count; i++)
            {
                var key = keys[used[i]];
                var slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 40) & mask;
                while (_counts[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _keys[slot] = key;
                _counts[slot] = counts[used[i]];
                _used[i] = slot;
            }
        }
    }
}
