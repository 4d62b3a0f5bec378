using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>Pairs from the Snowball English stemmer's published sample vocabulary and its description.</summary>
public class Porter2StemmerTests
{
    [Theory]
    [InlineData("consign", "consign")]
    [InlineData("consigned", "consign")]
    [InlineData("consigning", "consign")]
    [InlineData("consignment", "consign")]
    [InlineData("consistency", "consist")]
    [InlineData("consistently", "consist")]
    [InlineData("consolation", "consol")]
    [InlineData("consolatory", "consolatori")]
    [InlineData("consolidated", "consolid")]
    [InlineData("consolingly", "consol")]
    [InlineData("conspicuously", "conspicu")]
    [InlineData("conspiracy", "conspiraci")]
    [InlineData("conspirators", "conspir")]
    [InlineData("constable", "constabl")]
    [InlineData("constancy", "constanc")]
    [InlineData("knackeries", "knackeri")]
    [InlineData("kneeling", "kneel")]
    [InlineData("knees", "knee")]
    [InlineData("knightly", "knight")]
    [InlineData("knitting", "knit")]
    [InlineData("knives", "knive")]
    [InlineData("running", "run")]
    [InlineData("hopping", "hop")]
    [InlineData("hoping", "hope")]
    [InlineData("cries", "cri")]
    [InlineData("ties", "tie")]
    [InlineData("gas", "gas")]
    [InlineData("gaps", "gap")]
    [InlineData("agreed", "agre")]
    [InlineData("generously", "generous")]
    [InlineData("communism", "communism")]
    [InlineData("skies", "sky")]
    [InlineData("dying", "die")]
    [InlineData("news", "news")]
    [InlineData("proceed", "proceed")]
    [InlineData("cry", "cri")]
    [InlineData("by", "by")]
    [InlineData("say", "say")]
    [InlineData("happily", "happili")]
    [InlineData("national", "nation")]
    [InlineData("relational", "relat")]
    [InlineData("effective", "effect")]
    [InlineData("summit", "summit")]
    [InlineData("elections", "elect")]
    [InlineData("controlling", "control")]
    public void Stems_like_the_published_algorithm(string word, string stem) =>
        Assert.Equal(stem, Porter2Stemmer.Stem(word));

    [Theory]
    [InlineData("2022")]
    [InlineData("x1")]
    [InlineData("σοφοσ")]
    public void Words_that_are_not_a_to_z_are_left_alone(string word) =>
        Assert.Equal(word, Porter2Stemmer.Stem(word));
}
