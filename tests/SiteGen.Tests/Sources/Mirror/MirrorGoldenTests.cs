using SiteGen.Content;

namespace SiteGen.Tests.Sources.Mirror;

/// <summary>
/// Seeds 000 (old layout) and 002 (newer layout) against their normalized files, byte for byte.
/// The expected files were generated once and then checked line by line against the raw seeds.
/// Set SITEGEN_WRITE_GOLDEN=1 to rewrite them after a deliberate change (and check them again).
/// </summary>
public class MirrorGoldenTests
{
    [Theory]
    [InlineData("000", "epochtimes-mirror")]
    [InlineData("002", "epochtimes-mirror-newer")]
    [Trait("Needs", "shared")]
    public void Seed_reads_to_its_golden_file(string seed, string format)
    {
        var (reader, article) = MirrorFiles.Read(TestPaths.Seed(seed));
        var actual = ArticleFile.Write(article);
        var goldenPath = Path.Combine(TestPaths.RepoRoot, "tests", "SiteGen.Tests", "Fixtures", "golden", seed + ".md");
        if (Environment.GetEnvironmentVariable("SITEGEN_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, actual);
        }

        Assert.Equal(format, reader.Format);
        Assert.Equal(File.ReadAllText(goldenPath), actual);
    }

    [Fact]
    public void Golden_files_parse_back_to_the_same_bytes()
    {
        foreach (var seed in new[] { "000", "002" })
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "golden", seed + ".md"));
            Assert.Equal(text, ArticleFile.Write(ArticleFile.Parse(text)));
        }
    }
}
