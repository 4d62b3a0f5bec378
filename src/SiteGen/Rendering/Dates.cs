using System.Globalization;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>Dates as readers of each UI language expect them, always with the source's UTC offset.</summary>
public static class Dates
{
    private static readonly string[] MonthsEn =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Day(DateOnly day, string lang) => lang == "zh"
        ? $"{day.Year}年{day.Month}月{day.Day}日"
        : $"{day.Day} {MonthsEn[day.Month - 1]} {day.Year}";

    public static string Month(int year, int month, string lang) => lang == "zh"
        ? $"{year}年{month}月"
        : $"{MonthsEn[month - 1]} {year}";

    public static string Year(int year, string lang) => lang == "zh" ? $"{year}年" : year.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>2022年2月4日 22:22 (UTC+08:00)</c> or <c>4 February 2022, 22:22 (UTC+08:00)</c>; a bare date has no time.</summary>
    public static string Published(PublishedDate date, string lang)
    {
        var day = Day(DateOnly.FromDateTime(date.Value.DateTime), lang);
        if (!date.HasTime)
        {
            return day;
        }

        var offset = date.Value.Offset;
        var zone = offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset.Duration():hh\\:mm}";
        var time = date.Value.ToString("HH:mm", CultureInfo.InvariantCulture);
        return lang == "zh" ? $"{day} {time}（{zone}）" : $"{day}, {time} ({zone})";
    }

    /// <summary>A day or a range, shortened within a month: <c>2022年2月4日–5日</c>, <c>4–5 February 2022</c>.</summary>
    public static string Range(DateOnly? start, DateOnly? end, string lang)
    {
        if (start is not { } a)
        {
            return "";
        }

        if (end is not { } b || b <= a)
        {
            return Day(a, lang);
        }

        if (a.Year == b.Year && a.Month == b.Month)
        {
            return lang == "zh" ? $"{a.Year}年{a.Month}月{a.Day}日–{b.Day}日" : $"{a.Day}–{b.Day} {MonthsEn[a.Month - 1]} {a.Year}";
        }

        return $"{Day(a, lang)} – {Day(b, lang)}";
    }
}
