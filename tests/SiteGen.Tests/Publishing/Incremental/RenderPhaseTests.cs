using SiteGen.Publishing.Incremental;

namespace SiteGen.Tests.Publishing.Incremental;

/// <summary>Render: the plan in; a record of every page out, and after a good build only what changed is made again.</summary>
public class RenderPhaseTests
{
    [Fact]
    public void Renders_a_record_for_every_planned_page()
    {
        var phases = new PhaseRunner();
        var (run, loaded, linked, viewed, planned) = phases.Planned();
        var rendered = new RenderPhase().Run(run, loaded, linked, viewed, planned, new CheckPhase().Links, null);

        Assert.NotNull(rendered);
        Assert.Empty(run.Errors);
        Assert.All(planned.Jobs, j => Assert.True(rendered.Outputs.ContainsKey(j.OutputPath), j.OutputPath));
        Assert.Equal(planned.Jobs.Length, run.Made.Count(m => m.EndsWith(".html", StringComparison.Ordinal)));
    }

    [Fact]
    public void After_a_good_build_a_body_edit_renders_that_article_page_again_and_not_the_others()
    {
        var phases = new PhaseRunner();
        var (render, check) = (new RenderPhase(), new CheckPhase());
        var first = phases.Planned();
        var rendered = render.Run(first.Run, first.Loaded, first.Linked, first.Viewed, first.Planned, check.Links, null)!;
        render.Succeeded(first.Run, first.Loaded, first.Planned, rendered);
        phases.Plan.Succeeded(first.Run, first.Loaded, first.Viewed);

        var edited = first.Loaded.Store.Articles.First(a => a.Article.Lang.StartsWith("zh", StringComparison.Ordinal));
        File.AppendAllText(Path.Combine(phases.Content, edited.RelativePath), "\n一句新话。\n");
        var second = phases.Planned();
        Assert.NotNull(render.Run(second.Run, second.Loaded, second.Linked, second.Viewed, second.Planned, check.Links, null));

        var pages = second.Run.Made.Where(m => m.EndsWith(".html", StringComparison.Ordinal)).ToArray();
        Assert.Contains($"zh/articles/{edited.Article.Id}/index.html", pages);
        Assert.DoesNotContain(pages, p => p.Contains("/articles/", StringComparison.Ordinal) && !p.Contains(edited.Article.Id, StringComparison.Ordinal));
        Assert.True(pages.Length < first.Planned.Jobs.Length / 3, $"{pages.Length} of {first.Planned.Jobs.Length} pages made again");
    }
}
