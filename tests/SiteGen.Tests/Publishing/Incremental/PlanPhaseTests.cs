using SiteGen.Model;

namespace SiteGen.Tests.Publishing.Incremental;

/// <summary>Views and plan: the linked model in; article views, page jobs and the sitemap's entries out.</summary>
public class PlanPhaseTests
{
    [Fact]
    public void Plans_each_page_once_and_an_article_only_in_the_ui_of_its_language()
    {
        var (_, _, linked, _, planned) = new PhaseRunner().Planned();

        Assert.Equal(planned.Jobs.Length, planned.Jobs.Select(j => j.OutputPath).Distinct(StringComparer.Ordinal).Count());
        var articleJobs = planned.Jobs.Where(j => j.Template == "article").ToArray();
        Assert.Equal(linked.Model.Articles.Count, articleJobs.Length);
        foreach (var article in linked.Model.Articles)
        {
            var job = Assert.Single(articleJobs, j => j.Suffix == $"articles/{article.Id}/");
            Assert.Equal(ArticleHome.Language(article, "zh"), job.Lang);
            Assert.True(job.OneLanguage);
        }
    }

    [Fact]
    public void The_sitemap_lists_each_page_of_both_uis_once_and_an_article_by_itself()
    {
        var (_, _, _, _, planned) = new PhaseRunner().Planned();

        var inSitemap = planned.Jobs.Where(j => j.InSitemap).ToArray();
        Assert.Equal(inSitemap.Count(j => j.OneLanguage) + (inSitemap.Count(j => !j.OneLanguage) / 2), planned.SitemapSuffixes.Length);
        Assert.All(planned.SitemapSuffixes.Where(e => e.OnlyIn is not null), e => Assert.StartsWith("articles/", e.Suffix, StringComparison.Ordinal));
        Assert.Equal(inSitemap.Length, planned.Sitemaps.Parts.Sum(p => p.Sum(e => e.Languages.Count)));
    }

    [Fact]
    public void Views_of_unchanged_articles_are_the_same_objects_in_the_next_build()
    {
        var phases = new PhaseRunner();
        var first = phases.Planned();
        phases.Plan.Succeeded(first.Run, first.Loaded, first.Viewed);
        var second = phases.Planned();

        Assert.All(second.Linked.Model.Articles, a => Assert.Same(first.Viewed.Pages.View(first.Linked.Model.Articles.Single(f => f.Id == a.Id), "en"), second.Viewed.Pages.View(a, "en")));
    }
}
