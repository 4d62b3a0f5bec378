using SiteGen.Content;

namespace SiteGen.Tests.Content;

/// <summary>Outlet file errors in the user's terms, as site.yml's: the file, the line, the unknown key, the closest allowed one and all of them.</summary>
public class OutletStoreTests
{
    [Fact]
    public void A_typo_in_an_outlet_file_names_the_line_the_key_the_closest_key_and_the_keys_allowed()
    {
        var error = Assert.Throws<ContentException>(() => OutletStore.Parse("id: example\nnmae_en: Example News\nname_zh: 例子\n", "outlets/example.yml"));

        Assert.Equal($"outlets/example.yml:2: unknown key 'nmae_en' (did you mean 'name_en'?); the keys an outlet file may hold: {string.Join(", ", OutletStore.Keys)}", error.Message);
        Assert.DoesNotContain("SiteGen.Model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_keys_are_the_documented_outlet_fields()
    {
        // docs/content.md lists these for outlets/<id>.yml.
        var documented = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "content.md"));
        Assert.All(OutletStore.Keys, key => Assert.Contains($"`{key}`", documented, StringComparison.Ordinal));
        Assert.Contains("name_en", OutletStore.Keys);
    }
}
