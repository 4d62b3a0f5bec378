using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Rendering;

namespace SiteGen.Tests.Hostile;

/// <summary>Event and i18n files go through the same YAML guard as front matter: an alias bomb is a clear error, not a blow-up.</summary>
public class HostileConfigFileTests
{
    private const string AliasBomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";

    [Fact]
    public void An_alias_bomb_in_an_event_file_is_reported_with_file_and_line()
    {
        var error = Assert.Throws<ContentException>(() => EventStore.Parse("id: x\n" + AliasBomb, "events/x.yml"));
        Assert.Equal("events/x.yml", error.FilePath);
        Assert.True(error.Line >= 2, error.Message);
    }

    [Fact]
    public void An_alias_bomb_in_an_i18n_file_is_reported_and_a_non_text_key_is_ignored()
    {
        var dir = TestPaths.NewTempDir();
        var bomb = Path.Combine(dir, "zh.yml");
        File.WriteAllText(bomb, AliasBomb);
        var error = Assert.Throws<ContentException>(() => I18n.Load("zh", bomb));
        Assert.Equal(bomb, error.FilePath);

        var odd = Path.Combine(dir, "en.yml");
        File.WriteAllText(odd, "? [a, b]\n: value\nnav:\n  home: Home\n");
        Assert.Equal("Home", I18n.Load("en", odd).Get("nav.home"));
    }
}
