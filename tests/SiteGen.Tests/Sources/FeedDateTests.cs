using SiteGen.Sources;

namespace SiteGen.Tests.Sources;

public class FeedDateTests
{
    [Theory]
    [InlineData("Fri, 04 Feb 2022 14:22:53 GMT", "2022-02-04T14:22:53+00:00")]
    [InlineData("2024-09-08T07:19:16.479Z", "2024-09-08T07:19:16+00:00")]
    [InlineData("2022-12-31T08:30:00+08:00", "2022-12-31T08:30:00+08:00")]
    [InlineData("2022-02-04", "2022-02-04")]
    public void Feed_dates_parse_with_their_offset(string text, string expected)
    {
        Assert.True(FeedDate.TryParse(text, out var date));
        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData("2021-03-22 03:19:56", "2021-03-22")]
    [InlineData("2022-02-04T14:22", "2022-02-04")]
    public void A_time_without_a_zone_keeps_the_day_it_names_as_a_bare_date(string text, string expected)
    {
        Assert.True(FeedDate.TryParse(text, out var date));
        Assert.False(date.HasTime);
        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData("2022-02-30 14:22:53")]
    [InlineData("2022-02-04 25:22:53")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Impossible_times_and_non_dates_are_refused(string text) =>
        Assert.False(FeedDate.TryParse(text, out _));
}
