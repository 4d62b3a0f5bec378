using SiteGen.Publishing.Incremental;

namespace SiteGen.Tests.Publishing.Incremental;

/// <summary>
/// Derive, Check and Publish, each on the rendered pages of the fixture content: the derived files they
/// add, the link problems they find, the differences from the last site they stage.
/// </summary>
public class LaterPhaseTests
{
    private static (PhaseRunner Phases, BuildRun Run, Loaded Loaded, Linked Linked, Viewed Viewed, Planned Planned, Rendered Rendered, CheckPhase Check) Rendered(PhaseRunner? phases = null)
    {
        phases ??= new PhaseRunner();
        var check = new CheckPhase();
        var (run, loaded, linked, viewed, planned) = phases.Planned();
        var rendered = new RenderPhase().Run(run, loaded, linked, viewed, planned, check.Links, null);
        Assert.True(rendered is not null, string.Join("\n", run.Errors));
        return (phases, run, loaded, linked, viewed, planned, rendered, check);
    }

    [Fact]
    public void Derive_adds_the_feeds_of_the_site_and_every_outlet_and_event_the_sitemap_and_robots()
    {
        var (_, run, loaded, linked, viewed, planned, rendered, _) = Rendered();

        var paths = DerivePhase.Feeds(run, loaded, linked, viewed, planned, rendered);

        Assert.Contains("zh/feed.xml", paths);
        Assert.Contains("en/feed.xml", paths);
        // Only outlets with articles are published: the catalog's others have no page and no feed.
        var published = linked.Model.Outlets.Where(o => linked.Model.ByOutlet[o.Id].Count > 0).ToList();
        Assert.NotEmpty(published);
        Assert.All(published, o => Assert.Contains($"en/outlets/{o.Id}/feed.xml", paths));
        Assert.All(linked.Model.Outlets.Except(published), o => Assert.DoesNotContain($"en/outlets/{o.Id}/feed.xml", paths));
        Assert.All(linked.Model.Events, e => Assert.Contains($"zh/events/{e.Id}/feed.xml", paths));
        Assert.Contains("sitemap.xml", paths);
        Assert.Contains("sitemap-1.xml", paths);
        Assert.Contains("robots.txt", paths);
        Assert.All(paths, p => Assert.True(rendered.Outputs.ContainsKey(p), p));
    }

    [Fact]
    public void Check_passes_the_pages_as_built_and_names_a_page_whose_link_leads_nowhere()
    {
        var (_, run, loaded, linked, viewed, planned, rendered, check) = Rendered();
        DerivePhase.Feeds(run, loaded, linked, viewed, planned, rendered); // pages link to the feeds and the sitemap
        var publish = new PublishPhase();
        check.Run(run, publish.Compare(run, rendered.Outputs, viewed.Files, false), loaded.Urls, linked.FileOf, false);
        Assert.Empty(run.Errors);

        // Take away a page others link to: the check names a page that links to it.
        var outlet = rendered.Outputs.Keys.First(k => k.StartsWith("zh/outlets/", StringComparison.Ordinal) && k.EndsWith("/index.html", StringComparison.Ordinal) && k.Count(c => c == '/') == 3);
        rendered.Outputs.Remove(outlet);
        check.Run(run, publish.Compare(run, rendered.Outputs, viewed.Files, false), loaded.Urls, linked.FileOf, false);
        Assert.Contains(run.Errors, e => e.Contains(outlet.Replace("index.html", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void Publish_stages_every_file_of_a_first_build_and_nothing_of_an_unchanged_second()
    {
        var phases = new PhaseRunner();
        var publish = new PublishPhase();
        var (_, run, loaded, _, viewed, _, rendered, _) = Rendered(phases);
        var first = publish.Compare(run, rendered.Outputs, viewed.Files, publish.Begin());
        Assert.Null(first.Before);
        Assert.Equal(first.Site.Count, first.Changed.Length);
        publish.Succeeded(first, loaded.Urls, publish.Sizes(first, false), rendered.Outputs);

        var again = publish.Compare(run, rendered.Outputs, viewed.Files, publish.Begin());
        Assert.Same(publish.Last, again.Before);
        Assert.Empty(again.Changed);
        Assert.Empty(again.Removed);
    }
}
