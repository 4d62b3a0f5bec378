using SiteGen.Content;

namespace SiteGen.Tests.Content;

public class ContentChangesTests
{
    [Theory]
    [InlineData("events/e1.yml", true)]
    [InlineData("events\\drafts\\e2.yml", true)]
    [InlineData("events", true)]
    [InlineData("events/", true)]
    [InlineData("", true)]
    [InlineData(".", true)]
    [InlineData("../elsewhere/x.yml", true)]
    [InlineData("articles/../events/e1.yml", true)]
    [InlineData("eventsx/e1.yml", false)]
    [InlineData("event", false)]
    [InlineData("articles/reuters/2022/a.md", false)]
    [InlineData("site.yml", false)]
    public void A_path_touches_a_folder_when_it_is_in_it_is_it_or_is_above_it(string path, bool touches) =>
        Assert.Equal(touches, ContentChanges.Touch([path], "events"));

    [Fact]
    public void Not_knowing_what_changed_touches_everything_and_nothing_changed_touches_nothing()
    {
        Assert.True(ContentChanges.Touch(null, "events"));
        Assert.False(ContentChanges.Touch([], "events"));
        Assert.True(ContentChanges.Touch(["articles"], "articles/reuters"));
    }
}
