namespace SiteGen.Tests.Publishing.Incremental;

/// <summary>Load: settings, outlets, events, theme and articles in; the parsed files and what they said out.</summary>
public class LoadPhaseTests
{
    [Fact]
    public void Loads_the_settings_the_theme_and_every_article_file()
    {
        var phases = new PhaseRunner();
        var (run, loaded) = phases.Loaded();

        Assert.NotNull(loaded);
        Assert.Empty(run.Errors);
        var files = Directory.GetFiles(Path.Combine(phases.Content, "articles"), "*.md", SearchOption.AllDirectories).Length;
        Assert.Equal(files, loaded.Store.Articles.Count());
        Assert.Equal("测试新闻档案", loaded.Settings.TitleZh);
        Assert.Equal("https://example.org/", loaded.Urls.BaseUrl);
        Assert.Equal(["en", "zh"], loaded.Strings.Keys.Order(StringComparer.Ordinal));
        Assert.NotEmpty(loaded.Events.Events);
        Assert.Equal(files, phases.Load.TakeParsed().Count(p => p.StartsWith("articles/", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_second_load_parses_only_the_file_that_changed()
    {
        var phases = new PhaseRunner();
        var (_, first) = phases.Loaded();
        phases.Load.TakeParsed();
        var edited = Directory.GetFiles(Path.Combine(phases.Content, "articles"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(edited, "\n一句新话。\n");

        var (_, second) = phases.Loaded();

        Assert.NotNull(second);
        var relative = Path.GetRelativePath(phases.Content, edited).Replace('\\', '/');
        Assert.Equal([relative], phases.Load.TakeParsed());
        var unchanged = first!.Store.Articles.Where(a => a.RelativePath != relative).Select(a => a.Article);
        Assert.All(unchanged, a => Assert.Same(a, second.Store.Articles.Single(s => s.Article.Id == a.Id).Article)); // the same objects: later phases reuse by reference
    }

    [Fact]
    public void A_typo_in_site_yml_stops_the_load_at_the_settings_naming_the_file()
    {
        var phases = new PhaseRunner();
        File.AppendAllText(Path.Combine(phases.Content, "site.yml"), "\ntitel_en: x\n");

        var (run, loaded) = phases.Loaded();

        Assert.Null(loaded);
        Assert.Contains(run.Errors, e => e.Contains("site.yml", StringComparison.Ordinal) && e.Contains("titel_en", StringComparison.Ordinal));
    }
}
