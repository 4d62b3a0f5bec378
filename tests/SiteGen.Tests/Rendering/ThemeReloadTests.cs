using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

/// <summary>
/// Loading a theme again with the last one (as every rebuild in <c>sitegen serve</c> does) gives that
/// very object while no file changed, and after a change shares the templates whose files did not.
/// </summary>
public class ThemeReloadTests
{
    private static string CopyTheme()
    {
        var dir = Path.Combine(TestPaths.NewTempDir(), "default");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SiteFixture.ThemesDir, "default"), "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(dir, Path.GetRelativePath(Path.Combine(SiteFixture.ThemesDir, "default"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return dir;
    }

    [Fact]
    public void An_unchanged_theme_is_the_same_object_and_a_changed_template_is_the_only_new_one()
    {
        var dir = CopyTheme();
        var layouts = Path.Combine(Path.GetDirectoryName(dir)!, "content", "layouts");
        var first = Theme.Load(dir, layouts, null);
        Assert.Same(first, Theme.Load(dir, layouts, first));

        File.AppendAllText(Path.Combine(dir, "layouts", "article.scriban"), "\n<!-- edited -->\n");
        var edited = Theme.Load(dir, layouts, first);
        Assert.NotSame(first, edited);
        Assert.NotEqual(first.Find("article")!.Hash, edited.Find("article")!.Hash);
        Assert.Same(first.Find("base"), edited.Find("base"));

        // An override in the content's layouts/ replaces the theme's file; deleting it brings that back.
        Directory.CreateDirectory(Path.Combine(layouts, "partials"));
        File.WriteAllText(Path.Combine(layouts, "partials", "footer.scriban"), "<footer>override</footer>\n");
        var overridden = Theme.Load(dir, layouts, edited);
        Assert.StartsWith("content/layouts/", overridden.Find("partials/footer")!.DisplayPath, StringComparison.Ordinal);
        File.Delete(Path.Combine(layouts, "partials", "footer.scriban"));
        var back = Theme.Load(dir, layouts, overridden);
        Assert.Equal(edited.Find("partials/footer")!.Hash, back.Find("partials/footer")!.Hash);

        // A new asset is a new theme too.
        File.WriteAllText(Path.Combine(dir, "assets", "extra.css"), "p { color: red; }\n");
        var withAsset = Theme.Load(dir, layouts, back);
        Assert.NotSame(back, withAsset);
        Assert.Contains(withAsset.Assets, a => a.Relative == "extra.css");

        // The same as a load from nothing, template for template.
        var fresh = Theme.Load(dir, layouts, null);
        Assert.Equal(fresh.Templates.Select(t => (t.Name, t.DisplayPath, t.Hash)), withAsset.Templates.Select(t => (t.Name, t.DisplayPath, t.Hash)));
        Assert.Equal(fresh.Assets, withAsset.Assets);
    }

    [Fact]
    public void Unchanged_UI_strings_are_shared_but_each_load_has_its_own_missing_keys()
    {
        var dir = CopyTheme();
        var path = Path.Combine(dir, "i18n", "en.yml");
        var first = I18n.Load("en", path, null);
        first.Get("no.such.key");
        var again = I18n.Load("en", path, first);
        Assert.True(again.SameStrings(first));
        Assert.NotSame(first, again);
        Assert.Empty(again.MissingKeys);
        Assert.Equal(first.Get("nav.home"), again.Get("nav.home"));

        File.WriteAllText(path, File.ReadAllText(path).Replace("  home: Home", "  home: Start", StringComparison.Ordinal));
        var edited = I18n.Load("en", path, again);
        Assert.False(edited.SameStrings(again));
        Assert.Equal("Start", edited.Get("nav.home"));

        File.Delete(path);
        Assert.Equal("nav.home", I18n.Load("en", path, edited).Get("nav.home"));
    }
}
