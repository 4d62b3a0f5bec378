using SiteGen.Publishing.Incremental;
using SiteGen.Rendering;

namespace SiteGen.Tests.Publishing;

/// <summary>Fingerprints and the equality that lets a rebuild reuse last build's view objects.</summary>
public class FingerprinterTests
{
    private static ArticleView View(string coverageTitle = "他台", string body = "<p>正文</p>", string? older = null) => new()
    {
        Id = "dw-x1",
        Url = "/zh/articles/dw-x1/",
        Title = new string("标题".ToCharArray()), // a new string object each time, as a new build makes
        ListTitle = "标题",
        ListTitleLang = "zh-Hans",
        Lang = "zh-Hans",
        Outlet = new LinkView("德国之声", "/zh/outlets/dw/"),
        DateIso = "2024-01-02",
        DateText = "2024年1月2日",
        Body = new RawHtml(body),
        Tags = [new LinkView("普京", "/zh/tags/%E6%99%AE%E4%BA%AC/")],
        Coverage = [new EventCoverageView(new LinkView("峰会", "/zh/events/e1/"), "1月2日", [new LinkView(coverageTitle, "/zh/articles/voa-1/")], 1)],
        Older = older is null ? null : new LinkView(older, "/zh/articles/dw-x0/"),
    };

    [Fact]
    public void Equal_views_are_the_same_value_and_have_the_same_fingerprint()
    {
        var (a, b) = (View(), View());
        Assert.NotSame(a, b);
        Assert.True(Fingerprinter.SameValue(a, b));
        Assert.Equal(new Fingerprinter().Of(a).Digest, new Fingerprinter().Of(b).Digest);
    }

    [Theory]
    [InlineData("别台", "<p>正文</p>", null)]     // a link deep in a list of a list
    [InlineData("他台", "<p>正文。</p>", null)]   // the body
    [InlineData("他台", "<p>正文</p>", "旧文")]   // a property that was null
    public void A_view_that_differs_anywhere_is_not_the_same_value(string coverageTitle, string body, string? older)
    {
        var (a, b) = (View(), View(coverageTitle, body, older));
        Assert.False(Fingerprinter.SameValue(a, b));
        Assert.NotEqual(new Fingerprinter().Of(a).Digest, new Fingerprinter().Of(b).Digest);
    }

    [Fact]
    public void A_kept_digest_is_used_for_the_same_object_in_a_later_build()
    {
        var lasting = new LastingDigests();
        var view = View();
        var first = new Fingerprinter(lasting: lasting).Of(new Dictionary<string, object?> { ["article"] = view }).Digest;
        var second = new Fingerprinter(lasting: lasting).Of(new Dictionary<string, object?> { ["article"] = view }).Digest;
        Assert.Equal(first, second);
        Assert.Equal(first, new Fingerprinter().Of(new Dictionary<string, object?> { ["article"] = View() }).Digest);
    }

    private static Dictionary<string, object?> Page(ArticleView article, string title = "标题 · 站", int number = 1) => new()
    {
        ["page"] = new PageView { Kind = "article", Title = new string(title.ToCharArray()), Url = "/zh/articles/dw-x1/", Alternates = [new AlternateView("en", "https://x/en/articles/dw-x1/")] },
        ["article"] = article,
        ["pager"] = new PagerView { Items = [article], Number = number, Count = 2, Total = 30 },
    };

    [Fact]
    public void Page_variables_compare_their_own_values_and_leave_shared_views_to_the_caller()
    {
        var view = View();
        var asked = new List<(object Now, object Before)>();
        bool Shared(object now, object before)
        {
            asked.Add((now, before));
            return Fingerprinter.SameView(now, before, Shared);
        }

        // Equal everywhere (new objects, equal values): the same fingerprint, and the shared view was asked about.
        var (before, now) = (Page(View()), Page(view));
        Assert.True(Fingerprinter.SameVariables(now, before, Shared));
        Assert.Contains(asked, q => ReferenceEquals(q.Now, view));
        Assert.Equal(new Fingerprinter().Of(before).Digest, new Fingerprinter().Of(now).Digest);

        // The same view object is never asked about; a page value that differs (a title, a number) is seen.
        asked.Clear();
        Assert.True(Fingerprinter.SameVariables(Page(view), Page(view), Shared));
        Assert.Empty(asked);
        Assert.False(Fingerprinter.SameVariables(Page(view, title: "另一个"), Page(view), Shared));
        Assert.False(Fingerprinter.SameVariables(Page(view, number: 2), Page(view), Shared));

        // The caller's answer about a shared view decides, even for equal values (a view from another file).
        Assert.False(Fingerprinter.SameVariables(Page(View()), Page(View()), (_, _) => false));

        // A variable more or less is a difference.
        var more = Page(view);
        more["extra"] = null;
        Assert.False(Fingerprinter.SameVariables(more, Page(view), Shared));
        Assert.False(Fingerprinter.SameVariables(Page(view), more, Shared));
    }
}
