using SiteGen.Content;

namespace SiteGen.Tests.Content;

/// <summary>site.yml errors in the user's terms: the file, the line, the unknown key, the closest allowed one and all of them.</summary>
public class SiteStoreTests
{
    private static ContentException LoadFails(string yaml)
    {
        var content = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(content, "site.yml"), yaml);
        return Assert.Throws<ContentException>(() => SiteStore.LoadSettings(content));
    }

    [Fact]
    public void A_typo_names_the_line_the_key_the_closest_key_and_the_keys_allowed()
    {
        var error = LoadFails("title_zh: 档案\ntitel_en: Archive\n");

        Assert.Equal($"site.yml:2: unknown key 'titel_en' (did you mean 'title_en'?); the keys site.yml may hold: {string.Join(", ", SiteStore.Keys)}", error.Message);
        Assert.DoesNotContain("SiteGen.Model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_unlike_any_gets_no_guess()
    {
        var error = LoadFails("colour_scheme: dark\n");

        Assert.StartsWith("site.yml:1: unknown key 'colour_scheme'; the keys site.yml may hold: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_keys_are_the_documented_settings()
    {
        Assert.Equal(["base_url", "default_language", "description_en", "description_zh", "page_size", "theme", "title_en", "title_zh"], SiteStore.Keys);
    }
}
