using SiteGen.Sources;
using SiteGen.Sources.Mirror;

namespace SiteGen.Tests.Sources.Mirror;

public class MirrorSniffTests
{
    private static readonly MirrorReader Old = new OldLayoutMirrorReader();
    private static readonly MirrorReader Newer = new NewerLayoutMirrorReader();

    [Theory]
    [InlineData("001")]
    [InlineData("003")]
    [InlineData("004")]
    [Trait("Needs", "shared")]
    public void Other_families_seeds_score_below_the_threshold(string seed)
    {
        var document = MirrorFiles.Document(TestPaths.Seed(seed));
        Assert.True(Old.Sniff(document) < SourceReaders.MinimumConfidence);
        Assert.True(Newer.Sniff(document) < SourceReaders.MinimumConfidence);
    }

    [Theory]
    [InlineData("000", OldLayoutMirrorReader.FormatName)]
    [InlineData("002", NewerLayoutMirrorReader.FormatName)]
    [Trait("Needs", "shared")]
    public void Each_layout_is_claimed_by_its_own_reader(string seed, string format)
    {
        var document = MirrorFiles.Document(TestPaths.Seed(seed));
        Assert.Equal(format, SourceReaders.Default.Choose(document)?.Format);
    }

    [Fact]
    [Trait("Needs", "shared")]
    public void Exactly_one_mirror_reader_claims_each_corpus_file()
    {
        foreach (var path in MirrorFiles.Corpus())
        {
            var document = MirrorFiles.Document(path);
            int old = Old.Sniff(document), newer = Newer.Sniff(document);
            Assert.NotEqual(old, newer);
            Assert.True(Math.Max(old, newer) >= SourceReaders.MinimumConfidence, path);
            Assert.True(Math.Min(old, newer) < SourceReaders.MinimumConfidence, path);
        }
    }

    [Fact]
    [Trait("Needs", "shared")]
    public void Sniffing_reads_the_content_not_the_path()
    {
        var text = File.ReadAllText(TestPaths.Seed("000"));
        var renamed = new SourceDocument("/somewhere/else/notes.txt", text, "0", "utf-8");
        Assert.Equal(OldLayoutMirrorReader.FormatName, SourceReaders.Default.Choose(renamed)?.Format);
    }

    [Fact]
    public void A_title_over_a_rule_alone_is_not_enough()
    {
        var document = new SourceDocument("x.md", "### Some notes\n------\n\n<p>text</p>\n", "0", "utf-8");
        Assert.Null(SourceReaders.Default.Choose(document));
    }
}
