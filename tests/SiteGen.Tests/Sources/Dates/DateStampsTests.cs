using SiteGen.Sources.Dates;

namespace SiteGen.Tests.Sources.Dates;

public class DateStampsTests
{
    [Fact]
    public void The_latest_stamp_of_any_image_address_is_taken()
    {
        const string html = "<img src=\"//s2.reutersmedia.net/resources/r/?m=02&amp;d=20180831&amp;t=2&amp;i=1\"/>" +
            "<div style=\"background-image:url(x)\"></div><img src='https://i.epochtimes.com/assets/uploads/2018/09/02/a.jpg'>";
        Assert.Equal(new DateOnly(2018, 9, 2), DateStamps.Latest(html));
    }

    [Theory]
    [InlineData("<p>d=20180902 in the text is no address</p>")]
    [InlineData("<img src=\"https://example.org/a.jpg?id=20180902\">")]
    [InlineData("<img src=\"https://example.org/?d=20181332\">")]
    public void Text_other_parameters_and_impossible_dates_are_no_stamps(string html) => Assert.Null(DateStamps.Latest(html));
}
