using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteGen.Sources.Dates;

/// <summary>
/// Date stamps in the addresses a page links to (<c>src="//s2.reutersmedia.net/…?d=20180902&amp;…"</c>,
/// <c>src="…/uploads/2018/09/02/…"</c>): the day an image was published, which dates the page
/// when its text gives only a month and day.
/// </summary>
public static partial class DateStamps
{
    /// <summary>The latest date stamp in any <c>src</c> address of <paramref name="html"/>, if one is there.</summary>
    public static DateOnly? Latest(string html)
    {
        DateOnly? latest = null;
        foreach (Match src in Source().Matches(html))
        {
            foreach (Match m in Stamp().Matches(src.Groups["url"].Value))
            {
                if (ToDate(m) is { } d && (latest is null || d > latest))
                {
                    latest = d;
                }
            }
        }

        return latest;
    }

    private static DateOnly? ToDate(Match m)
    {
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    // Linear: the address is one greedy run with nothing after it to backtrack into.
    [GeneratedRegex(@"\bsrc=[""']?(?<url>[^""'\s>]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Source();

    /// <summary><c>d=20180902</c> (a query parameter) or <c>/2018/09/02/</c> (a path).</summary>
    [GeneratedRegex(@"(?:[?&;]d=(?<y>(?:19|20)\d{2})(?<m>\d{2})(?<d>\d{2})(?!\d))|(?:/(?<y>(?:19|20)\d{2})/(?<m>\d{2})/(?<d>\d{2})/)")]
    private static partial Regex Stamp();
}
