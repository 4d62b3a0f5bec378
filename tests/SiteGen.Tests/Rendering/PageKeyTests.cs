using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

public class PageKeyTests
{
    private static ArticleView View(string title) => new() { Id = "x", Url = "/x/", Title = title, ListTitle = title, ListTitleLang = "en", Lang = "en", Outlet = new LinkView("O", "/o/"), DateIso = "2022-01-01", DateText = "1 Jan 2022" };

    [Fact]
    public void Keys_with_the_same_objects_strings_numbers_and_links_are_the_same()
    {
        var view = View("A");
        Assert.True(PageKey.Same(new PageKey(["Title", 2, null, new LinkView("t", "/t/", Count: 3), view]), new PageKey(["Title", 2, null, new LinkView("t", "/t/", Count: 3), view])));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_part_that_differs_makes_another_key(int which)
    {
        var view = View("A");
        object?[] parts = ["Title", 2, new LinkView("t", "/t/", Count: 3), view];
        var other = (object?[])parts.Clone();
        other[which] = which switch
        {
            0 => "Title ",
            1 => 3,
            2 => new LinkView("t", "/t/", Count: 4),
            _ => View("A"), // equal contents, another object: views are compared by reference
        };
        Assert.False(PageKey.Same(new PageKey(parts), new PageKey(other)));
    }

    [Fact]
    public void Keys_of_other_lengths_or_kinds_and_missing_keys_are_never_the_same()
    {
        Assert.False(PageKey.Same(new PageKey(["a"]), new PageKey(["a", null])));
        Assert.False(PageKey.Same(new PageKey([1]), new PageKey(["1"])));
        Assert.False(PageKey.Same(null, null));
        Assert.False(PageKey.Same(new PageKey(["a"]), null));
        var view = View("A");
        Assert.True(PageKey.Same(view, view));
        Assert.False(PageKey.Same(view, View("A")));
    }
}
