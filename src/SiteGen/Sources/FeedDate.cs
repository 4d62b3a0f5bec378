using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Model;

namespace SiteGen.Sources;

/// <summary>
/// Parses the dates feeds write: RFC 1123 (<c>Fri, 04 Feb 2022 14:22:53 GMT</c>) and ISO 8601 with a
/// zone (<c>2024-09-08T07:19:16.479Z</c>, <c>…+08:00</c>). A time without a zone
/// (<c>2021-03-22 03:19:56</c>) is not guessed into an instant: the file keeps the day it names, as a
/// bare date, so a file with a date is never rejected for it (issue 18); a bare <c>yyyy-MM-dd</c> stays a bare date. Fractions of a second are dropped, because
/// the normalized file keeps whole seconds and re-reading it must give the same value.
/// </summary>
public static partial class FeedDate
{
    public static bool TryParse(string? text, out PublishedDate date)
    {
        date = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            || (IsoWithZone().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant)))
        {
            date = PublishedDate.FromInstant(instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond)));
            return true;
        }

        if (IsoWithoutZone().Match(text) is { Success: true } local
            && DateOnly.TryParseExact(local.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && TimeOnly.TryParse(local.Groups["time"].Value, CultureInfo.InvariantCulture, out _))
        {
            date = PublishedDate.FromDate(day.Year, day.Month, day.Day);
            return true;
        }

        return PublishedDate.TryParse(text, out date) && !date.HasTime;
    }

    [GeneratedRegex(@"^(?<day>\d{4}-\d{2}-\d{2})[T ](?<time>\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$")]
    private static partial Regex IsoWithoutZone();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex IsoWithZone();
}
