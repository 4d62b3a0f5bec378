using System.Diagnostics.CodeAnalysis;

namespace SiteGen.Link;

/// <summary>
/// A read-only dictionary made of a large one that never changes and a few entries set or removed over
/// it, so that a dictionary of every article can be given again after an edit without copying it. Layers
/// do not stack: a change to a layered dictionary is merged with its own changes over the same base,
/// and when the changes grow to an eighth of the base, they are copied into a new base.
/// </summary>
internal sealed class LayeredDictionary<TValue> : IReadOnlyDictionary<string, TValue>
{
    private readonly IReadOnlyDictionary<string, TValue> _base;
    private readonly Dictionary<string, (bool Present, TValue Value)> _changes;

    private LayeredDictionary(IReadOnlyDictionary<string, TValue> @base, Dictionary<string, (bool Present, TValue Value)> changes)
    {
        _base = @base;
        _changes = changes;
        Count = @base.Count;
        foreach (var (key, (present, _)) in changes)
        {
            Count += (present ? 1 : 0) - (@base.ContainsKey(key) ? 1 : 0);
        }
    }

    public int Count { get; }

    public IEnumerable<string> Keys => this.Select(kv => kv.Key);

    public IEnumerable<TValue> Values => this.Select(kv => kv.Value);

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <summary><paramref name="previous"/> with <paramref name="changes"/> (a value set, or removed when not present).</summary>
    public static IReadOnlyDictionary<string, TValue> With(IReadOnlyDictionary<string, TValue> previous, Dictionary<string, (bool Present, TValue Value)> changes)
    {
        if (changes.Count == 0)
        {
            return previous;
        }

        var @base = previous;
        if (previous is LayeredDictionary<TValue> layered)
        {
            @base = layered._base;
            var merged = new Dictionary<string, (bool Present, TValue Value)>(layered._changes, StringComparer.Ordinal);
            foreach (var (key, change) in changes)
            {
                merged[key] = change;
            }

            changes = merged;
        }

        if (changes.Count <= @base.Count / 8)
        {
            return new LayeredDictionary<TValue>(@base, changes);
        }

        var flat = new Dictionary<string, TValue>(@base, StringComparer.Ordinal);
        foreach (var (key, (present, value)) in changes)
        {
            if (present)
            {
                flat[key] = value;
            }
            else
            {
                flat.Remove(key);
            }
        }

        return flat;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_changes.TryGetValue(key, out var change))
        {
            value = change.Value;
            return change.Present;
        }

        return _base.TryGetValue(key, out value);
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        foreach (var kv in _base)
        {
            if (!_changes.ContainsKey(kv.Key))
            {
                yield return kv;
            }
        }

        foreach (var (key, (present, value)) in _changes)
        {
            if (present)
            {
                yield return new(key, value);
            }
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
