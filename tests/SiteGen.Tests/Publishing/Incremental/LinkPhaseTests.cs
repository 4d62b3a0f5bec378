namespace SiteGen.Tests.Publishing.Incremental;

/// <summary>Link: the loaded files in; the site model, each article's file and the UI languages out.</summary>
public class LinkPhaseTests
{
    [Fact]
    public void Joins_every_loaded_article_into_the_model_newest_first_with_its_file()
    {
        var phases = new PhaseRunner();
        var (run, loaded) = phases.Loaded();
        var linked = phases.Link.Run(run, loaded!);

        Assert.Equal(loaded!.Store.Articles.Count(), linked.Model.Articles.Count);
        Assert.Equal(linked.Model.Articles.OrderByDescending(a => a.Published.Value).Select(a => a.Published.Value), linked.Model.Articles.Select(a => a.Published.Value));
        Assert.All(linked.Model.Articles, a => Assert.True(File.Exists(Path.Combine(phases.Content, linked.FileOf[a.Id])), a.Id));
        Assert.Equal(["zh", "en"], linked.UiLanguages); // the default language first
        Assert.Contains(linked.SearchInputs(), p => p.StartsWith("events/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_language_comes_first_in_the_ui_languages()
    {
        var phases = new PhaseRunner();
        var site = Path.Combine(phases.Content, "site.yml");
        File.WriteAllText(site, File.ReadAllText(site).Replace("default_language: zh", "default_language: en", StringComparison.Ordinal));
        var (run, loaded) = phases.Loaded();
        Assert.True(loaded is not null, string.Join("\n", run.Errors));

        Assert.Equal(["en", "zh"], phases.Link.Run(run, loaded).UiLanguages);
    }
}
