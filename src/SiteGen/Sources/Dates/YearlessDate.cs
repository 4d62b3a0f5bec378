using SiteGen.Model;

namespace SiteGen.Sources.Dates;

/// <summary>
/// A month and day a page states without its year (Reuters' <c>路透上海8月31日 -</c>, its URLs'
/// <c>-0831-</c>). DECISION: the year is the one that puts the day nearest to a reference date from
/// another signal (an image address's date stamp, the latest stamp of the feed dump the page came
/// in): a story is published within weeks of its images and of its feed, so of the three candidate
/// years around the reference exactly one is within six months of it.
/// </summary>
public readonly record struct YearlessDate(int Month, int Day)
{
    public static YearlessDate? Of(int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month) ? new YearlessDate(month, day) : null;

    public PublishedDate? WithYearNear(DateOnly reference)
    {
        DateOnly? best = null;
        for (var year = reference.Year - 1; year <= reference.Year + 1; year++)
        {
            if (Day > DateTime.DaysInMonth(year, Month))
            {
                continue; // 29 February outside a leap year
            }

            var candidate = new DateOnly(year, Month, Day);
            if (best is null || Distance(candidate, reference) < Distance(best.Value, reference))
            {
                best = candidate;
            }
        }

        return best is { } d ? PublishedDate.FromDate(d.Year, d.Month, d.Day) : null;
    }

    private static int Distance(DateOnly a, DateOnly b) => Math.Abs(a.DayNumber - b.DayNumber);
}
