using SiteGen.Link;

namespace SiteGen.Tests.Link;

public class SortedChangeTests
{
    private static readonly Comparison<string> Ordinal = string.CompareOrdinal;

    [Theory]
    [InlineData("a c e g", "", "b", "a b c e g")]
    [InlineData("a c e g", "c", "c2", "a c2 e g")]
    [InlineData("a c e g", "a g", "", "c e")]
    [InlineData("a c e g", "e", "0 d f z", "0 a c d f g z")]
    [InlineData("", "", "b a", "a b")]
    [InlineData("a c", "a c", "", "")]
    public void Removed_and_added_items_give_the_sorted_list_both_ways(string sorted, string removed, string added, string expected)
    {
        var list = Words(sorted);
        var gone = Words(removed).Select(w => list.Single(x => x == w)).ToArray();
        var come = Words(added).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Words(expected), SortedChange.Apply(list, gone, come, Ordinal));
        Assert.Equal(Words(expected), SortedChange.Apply(list, x => gone.Contains(x), come, Ordinal));
    }

    [Fact]
    public void An_unchanged_list_is_the_same_object()
    {
        var list = new[] { "a", "b" };
        Assert.Same(list, SortedChange.Apply(list, new[] { new string('z', 1) }, [], Ordinal)); // not in the list: nothing goes
        Assert.Same(list, SortedChange.Apply(list, _ => false, [], Ordinal));
    }

    [Fact]
    public void An_equal_item_that_is_another_object_is_not_removed()
    {
        var list = new[] { "a", new string('b', 1) };
        Assert.Same(list, SortedChange.Apply(list, new[] { new string('b', 1) }, [], Ordinal));
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
