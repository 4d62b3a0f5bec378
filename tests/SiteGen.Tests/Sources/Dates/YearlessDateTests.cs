using SiteGen.Sources.Dates;

namespace SiteGen.Tests.Sources.Dates;

public class YearlessDateTests
{
    [Theory]
    [InlineData(8, 31, "2018-09-02", "2018-08-31")] // the image was published two days after the story
    [InlineData(12, 31, "2019-01-02", "2018-12-31")] // across the new year, backwards
    [InlineData(1, 2, "2018-12-30", "2019-01-02")] // across the new year, forwards
    [InlineData(2, 29, "2021-03-01", "2020-02-29")] // no 29 February in 2021 or 2022
    public void The_year_is_the_one_nearest_to_the_reference(int month, int day, string reference, string expected)
    {
        var date = YearlessDate.Of(month, day)!.Value.WithYearNear(DateOnly.Parse(reference, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData(13, 1)]
    [InlineData(4, 31)]
    [InlineData(0, 5)]
    public void An_impossible_month_and_day_is_no_date(int month, int day) => Assert.Null(YearlessDate.Of(month, day));
}
