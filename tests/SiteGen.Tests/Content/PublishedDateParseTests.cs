using SiteGen.Model;

namespace SiteGen.Tests.Content;

/// <summary>The hand-written reading of the two written date forms against the parsers it shortcuts.</summary>
public class PublishedDateParseTests
{
    private static string Outcome(bool ok, PublishedDate date) =>
        ok ? $"{date.Value.Ticks} {date.Value.Offset} {date.HasTime} {date}" : "refused";

    private static void AssertSame(string text)
    {
        // TryParse trims the text before either reader sees it.
        var parsers = Outcome(PublishedDate.TryParseWithParsers(text.Trim(), out var expected), expected);
        Assert.Equal(parsers, Outcome(PublishedDate.TryParse(text, out var actual), actual));
        if (PublishedDate.TryParseWritten(text.Trim(), out var written))
        {
            Assert.Equal(parsers, Outcome(true, written));
        }
    }

    [Fact]
    public void Every_day_of_leap_and_common_years_and_the_calendar_ends_reads_the_same()
    {
        foreach (var year in new[] { 1, 2, 1900, 1999, 2000, 2020, 2023, 2024, 2100, 9998, 9999 })
        {
            for (var month = 0; month <= 13; month++)
            {
                for (var day = 0; day <= 32; day++)
                {
                    var date = $"{year:D4}-{month:D2}-{day:D2}";
                    AssertSame(date);
                    AssertSame(date + "T23:59:59+13:59");
                    AssertSame(date + "T00:00:00-00:00");
                    AssertSame(date + "T12:00:00+14:00");
                    AssertSame(date + "T12:00:00-14:00");
                }
            }
        }
    }

    [Fact]
    public void Random_and_malformed_date_texts_read_the_same()
    {
        var random = new Random(5);
        const string alphabet = "0123456789-:T+Z .x１";
        string[] forms = ["2022-02-04", "2022-02-04T14:22:53+08:00", "2016-02-01T09:38:02-05:00", "2022-02-04T14:22+08:00", "2022-02-04T14:22:53.125+08:00", "2022-02-04T14:22:53Z"];
        for (var n = 0; n < 20000; n++)
        {
            var text = forms[random.Next(forms.Length)].ToCharArray();
            for (var k = random.Next(4); k > 0; k--)
            {
                text[random.Next(text.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            AssertSame(new string(text));
        }

        foreach (var text in new[] { "2022-02-04T24:00:00+00:00", "2022-02-04T23:60:00+00:00", "2022-02-04T23:59:60+00:00", "2022-02-04T12:00:00+00:60", "2022-02-04T12:00:00+15:00", "0000-01-01", " 2022-02-04 ", "2022-2-4", "+022-02-04", "2022-02-04t12:00:00+00:00" })
        {
            AssertSame(text);
        }
    }
}
