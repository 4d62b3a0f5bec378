using System.Globalization;

namespace SiteGen.Model;

/// <summary>
/// A publication date: either an instant with its UTC offset (<c>2022-02-04T14:22:53+00:00</c>) or a
/// bare calendar date (<c>2022-02-04</c>) when the source gives no time. A bare date is kept as such
/// rather than inventing midnight in some zone.
/// </summary>
public readonly record struct PublishedDate(DateTimeOffset Value, bool HasTime) : IComparable<PublishedDate>
{
    public static PublishedDate FromDate(int year, int month, int day) =>
        new(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), false);

    public static PublishedDate FromInstant(DateTimeOffset value) => new(value, true);

    public int Year => Value.Year;

    public int Month => Value.Month;

    /// <summary>The instant in UTC, for ordering across outlets (a bare date counts as its UTC midnight).</summary>
    public DateTimeOffset Utc => Value.ToUniversalTime();

    public override string ToString() => HasTime
        ? Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
        : Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out PublishedDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            date = FromDate(day.Year, day.Month, day.Day);
            return true;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'"];
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            date = FromInstant(instant);
            return true;
        }

        return false;
    }

    public int CompareTo(PublishedDate other)
    {
        var byInstant = Utc.CompareTo(other.Utc);
        return byInstant != 0 ? byInstant : HasTime.CompareTo(other.HasTime);
    }

    public static bool operator <(PublishedDate left, PublishedDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PublishedDate left, PublishedDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PublishedDate left, PublishedDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PublishedDate left, PublishedDate right) => left.CompareTo(right) >= 0;
}
