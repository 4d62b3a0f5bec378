using System.Globalization;
using SiteGen.Model;

namespace SiteGen.Events;

/// <summary>
/// How event pages order and show publication times. An instant orders by its UTC value. A bare date
/// (the source gave no time) orders at the END of that calendar day taken as UTC: after every instant
/// of that UTC day and before the next day. We do not know when that day it appeared, and placing it at
/// midnight would claim it came first (an Epoch Times dateline article about the White House's reaction
/// was not out before Al Jazeera's 12:39 UTC report); ties break by outlet, then article id (ordinal).
/// </summary>
public static class EventTime
{
    /// <summary>The instant an article sorts at on a timeline (see the class remarks for bare dates).</summary>
    public static DateTimeOffset SortKey(PublishedDate published) =>
        published.HasTime
            ? published.Utc
            : new DateTimeOffset(published.Value.Year, published.Value.Month, published.Value.Day, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999);

    /// <summary>The calendar day of a publication, in the offset the source gave (for date windows).</summary>
    public static DateOnly Day(PublishedDate published) => DateOnly.FromDateTime(published.Value.DateTime);

    /// <summary>
    /// Timeline text: <c>2022-02-04 14:22 UTC+00:00</c> for an instant (its own wall time and offset, as
    /// published), <c>2022-02-04</c> for a bare date.
    /// </summary>
    public static string Display(PublishedDate published) => published.HasTime
        ? published.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" + published.Value.ToString("zzz", CultureInfo.InvariantCulture)
        : published.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Orders articles for a timeline: sort key, then outlet, then id (all ordinal).</summary>
    public static int Compare(Article a, Article b)
    {
        var c = SortKey(a.Published).CompareTo(SortKey(b.Published));
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Outlet, b.Outlet);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }
}
