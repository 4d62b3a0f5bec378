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
        return TryParseWritten(text, out date) || TryParseWithParsers(text, out date);
    }

    /// <summary>The culture-aware parsers alone: every accepted form (kept callable for the tests of <see cref="TryParseWritten"/>).</summary>
    internal static bool TryParseWithParsers(string text, out PublishedDate date)
    {
        date = default;
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

    /// <summary>
    /// The two forms <see cref="ToString"/> writes (<c>2022-02-04</c>, <c>2022-02-04T14:22:53+08:00</c>),
    /// read by hand: the parsers were most of the cost of turning front matter into an article. Only
    /// answers when the parsers would surely give the same date (fields in range, years far from the
    /// ends of the calendar); false leaves the text to them.
    /// </summary>
    internal static bool TryParseWritten(string text, out PublishedDate date)
    {
        date = default;
        if (text.Length is not (10 or 25) || text[4] != '-' || text[7] != '-'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (text.Length == 10)
        {
            date = FromDate(year, month, day);
            return true;
        }

        if (text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] is not ('+' or '-') || text[22] != ':'
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)
            || !Digits(text, 20, 2, out var offsetHours) || !Digits(text, 23, 2, out var offsetMinutes)
            || hour > 23 || minute > 59 || second > 59 || offsetHours > 13 || offsetMinutes > 59)
        {
            return false;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        date = FromInstant(new DateTimeOffset(year, month, day, hour, minute, second, text[19] == '-' ? -offset : offset));
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
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
