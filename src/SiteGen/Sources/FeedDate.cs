using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Model;

namespace SiteGen.Sources;

/// <summary>
/// Parses the dates feeds write: RFC 1123 (<c>Fri, 04 Feb 2022 14:22:53 GMT</c>) and ISO 8601 with a
/// zone (<c>2024-09-08T07:19:16.479Z</c>, <c>…+08:00</c>). A time without a zone is refused rather than
/// guessed; a bare <c>yyyy-MM-dd</c> stays a bare date. Fractions of a second are dropped, because
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

        return PublishedDate.TryParse(text, out date) && !date.HasTime;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex IsoWithZone();
}
