using SiteGen.Link;

namespace SiteGen.Tests.Link;

public class LayeredDictionaryTests
{
    private static Dictionary<string, (bool, int)> Changes(params (string Key, int? Value)[] changes) =>
        changes.ToDictionary(c => c.Key, c => (c.Value is not null, c.Value ?? 0), StringComparer.Ordinal);

    [Fact]
    public void Changes_over_a_base_read_as_one_dictionary_and_leave_the_base_alone()
    {
        var flat = Enumerable.Range(0, 100).ToDictionary(i => $"k{i}", i => i, StringComparer.Ordinal);
        var first = LayeredDictionary<int>.With(flat, Changes(("k1", 101), ("k2", null), ("new", 7)));
        var second = LayeredDictionary<int>.With(first, Changes(("k2", 2), ("new", null), ("k3", null)));

        Assert.Equal(100, flat.Count);
        Assert.Equal(1, flat["k1"]);
        Assert.Equal(Expected(flat, ("k1", 101), ("k2", null), ("new", 7)), Sorted(first));
        Assert.Equal(Expected(flat, ("k1", 101), ("k3", null)), Sorted(second));
        Assert.Equal(100, first.Count);
        Assert.Equal(99, second.Count);
        Assert.False(second.ContainsKey("k3"));
        Assert.True(first.ContainsKey("new"));
        Assert.Equal(101, second["k1"]);
        Assert.Throws<KeyNotFoundException>(() => second["k3"]);
        Assert.Equal(second.Count, second.Keys.Count());
    }

    [Fact]
    public void No_change_is_the_same_object_and_many_changes_make_a_new_base()
    {
        var flat = Enumerable.Range(0, 16).ToDictionary(i => $"k{i}", i => i, StringComparer.Ordinal);
        Assert.Same(flat, LayeredDictionary<int>.With(flat, Changes()));

        var many = LayeredDictionary<int>.With(flat, Changes(("k0", null), ("k1", 10), ("k2", 20)));
        Assert.IsType<Dictionary<string, int>>(many);
        Assert.Equal(Expected(flat, ("k0", null), ("k1", 10), ("k2", 20)), Sorted(many));
    }

    private static KeyValuePair<string, int>[] Sorted(IReadOnlyDictionary<string, int> d) => d.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();

    private static KeyValuePair<string, int>[] Expected(Dictionary<string, int> flat, params (string Key, int? Value)[] changes)
    {
        var copy = new Dictionary<string, int>(flat, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is { } v)
            {
                copy[key] = v;
            }
            else
            {
                copy.Remove(key);
            }
        }

        return Sorted(copy);
    }
}
