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
}
