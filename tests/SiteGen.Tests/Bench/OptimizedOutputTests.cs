using SiteGen.Bench;
using SiteGen.Publishing;

namespace SiteGen.Tests.Bench;

/// <summary>
/// The performance work must not change a byte of the site. A generated archive (60 articles, 40
/// events, 150 tags, seed 11) is built and the whole output hashed; the expected hash was taken from
/// the build before any optimization (commit 036c9dc plus the generator). A change to the theme or to
/// what pages contain changes it on purpose: then check the difference and update the hash.
/// </summary>
public class OptimizedOutputTests
{
    private const string HashBeforeOptimizations = "ad072ef898be1d62f09ac1e95dfa729462ebeb5f9554bb20156858f3b9ae6d37";

    [Fact]
    public void Output_of_a_generated_archive_is_byte_identical_to_the_unoptimized_build()
    {
        var dir = TestPaths.NewTempDir();
        var content = Path.Combine(dir, "content");
        ArchiveWriter.WriteContent(new ArchiveGenerator(new ArchiveSpec(60, 11) { Events = 40, Tags = 150 }), content);
        var result = SiteBuilder.Build(new BuildOptions(content, Path.Combine(dir, "public")) { ThemesDir = SiteFixture.ThemesDir });
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(HashBeforeOptimizations, ArchiveGeneratorTests.TreeHash(Path.Combine(dir, "public")));
    }
}
