using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Link;
using SiteGen.Model;
using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

public class SitePagesPlanTests
{
    [Fact]
    public void The_plan_made_per_language_in_parallel_is_every_page_in_the_same_order()
    {
        var dir = SiteFixture.ContentDir;
        var model = SiteModel.Build(ArticleStore.Open(dir).Articles.Select(a => a.Article), OutletStore.Load(dir), EventStore.Load(dir).Events);
        var pages = new SitePages(model, new SiteSettings { PageSize = 2 }, new SiteUrls("https://example.org/"), "/assets/site.css", "/assets/icon.svg", (_, key) => key);
        var plan = pages.Plan();
        var all = pages.All().ToArray();
        Assert.True(plan.Length > 40);
        Assert.Equal(all.Select(j => (j.OutputPath, j.Template, j.Lang, j.Suffix, j.InSitemap)), plan.Select(j => (j.OutputPath, j.Template, j.Lang, j.Suffix, j.InSitemap)));
        Assert.Equal(plan.Length, plan.Select(j => j.OutputPath).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(plan, j => j.OutputPath == "en/tags/putin/page/2/index.html" || j.OutputPath.StartsWith("en/archive/2022/page/2/", StringComparison.Ordinal));
    }
}
