using SiteGen.Bench;
using SiteGen.Publishing;

namespace SiteGen.Tests.Bench;

/// <summary>
/// The performance work must not change a byte of the site. A generated archive (60 articles, 40
/// events, 150 tags, seed 11) is built and the whole output hashed. The hash was first taken before any
/// optimization (commit 036c9dc plus the generator) and re-taken once, on purpose, when the event
/// pages, the search index and the incremental pipeline were merged (they change what pages contain).
/// A change to the theme or to page content changes it on purpose: check the difference, then update.
/// </summary>
public class OptimizedOutputTests
{
    private const string HashBeforeOptimizations = "d1871091d150f76e12bea62abfe3f3861c81e77e650b554905c952e265466691";

    [Fact]
    public void Output_of_a_generated_archive_is_byte_identical_to_the_unoptimized_build()
    {
        var dir = TestPaths.NewTempDir();
        var content = Path.Combine(dir, "content");
        ArchiveWriter.WriteContent(new ArchiveGenerator(new ArchiveSpec(60, 11) { Events = 40, Tags = 150 }), content);
        var result = SiteBuilder.Build(new BuildOptions(content, Path.Combine(dir, "public")) { ThemesDir = SiteFixture.ThemesDir });
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var hash = ArchiveGeneratorTests.TreeHash(Path.Combine(dir, "public"));
        Assert.True(hash == HashBeforeOptimizations, $"output hash {hash}");
    }
}
