using SiteGen.Search;

namespace SiteGen.Tests.Search;

public class FoldingTests
{
    [Theory]
    [InlineData("習近平", "习近平")]
    [InlineData("臺灣", "台湾")]
    [InlineData("台灣", "台湾")]
    [InlineData("國務院發言人", "国务院发言人")]
    [InlineData("為", "为")]
    [InlineData("爲", "为")]
    [InlineData("衞生", "卫生")]
    public void Traditional_and_variant_characters_fold_to_simplified(string traditional, string simplified)
    {
        Assert.Equal(simplified, TextFolding.Fold(traditional));
        Assert.Equal(simplified, TextFolding.Fold(simplified));
    }

    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("NAÏVE Zoë", "naive zoe")]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("２０２２年", "2022年")]
    [InlineData("ΣΟΦΟΣ", "σοφοσ")]
    [InlineData("ﬁle", "file")]
    public void Latin_text_is_case_diacritics_and_width_folded(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void Compatibility_ideographs_fold_to_the_unified_simplified_character() =>
        Assert.Equal(TextFolding.Fold("\u8C48"), TextFolding.Fold("\uF900")); // 豈

    [Fact]
    public void The_table_is_generated_has_thousands_of_pairs_and_folding_is_idempotent()
    {
        Assert.InRange(TextFolding.PairCount, 3000, 5000);
        var (from, to) = TextFolding.Pairs;
        var targets = to.EnumerateRunes().Select(r => r.Value).ToArray();
        Assert.Equal(from.EnumerateRunes().Count(), targets.Length);
        Assert.All(targets, s => Assert.Equal(s, TextFolding.ToSimplified(s)));
        var header = File.ReadLines(Path.Combine(TestPaths.RepoRoot, "src", "SiteGen", "Search", "Data", "st-fold.txt")).First();
        Assert.Contains("GENERATED", header, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "src", "SiteGen", "Search", "Data", "THIRD-PARTY-NOTICES.md")));
    }

    [Fact]
    public void Simplified_characters_that_are_also_variants_stay()
    {
        Assert.Equal("台", TextFolding.Fold("台"));
        Assert.Equal("么", TextFolding.Fold("麼"));
        Assert.Equal("什么", TextFolding.Fold("什么"));
    }
}
