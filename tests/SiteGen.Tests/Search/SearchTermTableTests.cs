using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// The term table numbers Chinese n-grams on their own striped path and every other term by string:
/// one term must have one id whichever path meets it, from any thread.
/// </summary>
public class SearchTermTableTests
{
    [Theory]
    [InlineData("峰")]
    [InlineData("峰会")]
    [InlineData("香港人")]
    [InlineData("カナ")]
    public void A_gram_met_by_its_packed_key_and_by_its_string_has_one_id(string gram)
    {
        var table = new SearchTermTable();
        var packed = table.PackedId(SearchTermTable.Pack(gram), gram);

        Assert.Equal(packed, table.IdOf(gram));
        Assert.Equal(gram, table[packed]);
        Assert.Equal(1, table.Count);
    }

    [Theory]
    [InlineData("summit")]
    [InlineData("𠀀𠀁")] // a gram outside the BMP is not packable
    [InlineData("香港特区")] // four characters: longer than a packed key holds
    [InlineData("g7峰会")]
    public void Other_terms_are_numbered_by_string(string term)
    {
        Assert.False(SearchTermTable.IsPackable(term));
        var table = new SearchTermTable();

        var id = table.IdOf(term);

        Assert.Equal(id, table.IdOf(term));
        Assert.Equal(term, table[id]);
    }

    [Fact]
    public void Threads_numbering_the_same_terms_at_once_give_each_term_one_id_and_no_id_twice()
    {
        // Every CJK character pair of a range, met by four threads in different orders.
        var grams = Enumerable.Range(0x4E00, 400).SelectMany(a => new[] { ((char)a).ToString(), $"{(char)a}{(char)(a + 1)}" }).ToArray();
        var table = new SearchTermTable();
        var seen = new int[4][];

        Parallel.For(0, 4, t =>
        {
            var order = t % 2 == 0 ? grams : grams.Reverse().ToArray();
            var ids = new int[grams.Length];
            foreach (var gram in order)
            {
                var id = t < 2 ? table.PackedId(SearchTermTable.Pack(gram), gram) : table.IdOf(gram);
                ids[Array.IndexOf(grams, gram)] = id;
            }

            seen[t] = ids;
        });

        Assert.All(seen, ids => Assert.Equal(seen[0], ids));
        Assert.Equal(grams.Length, seen[0].Distinct().Count());
        Assert.Equal(grams.Length, table.Count);
        Assert.All(Enumerable.Range(0, grams.Length), i => Assert.Equal(grams[i], table[seen[0][i]]));
    }
}
