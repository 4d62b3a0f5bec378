using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Model;
using SiteGen.Sources.Dates;

namespace SiteGen.Sources.Mirror;

/// <summary>
/// Decides an article's publication date from what a mirror page holds. DECISION, in order:
/// 1. a full timestamp with its offset in the page (VOA copies' <c>&lt;time datetime&gt;</c>) — the most
///    precise statement, made by the publisher itself; unless it is labelled "最后更新" (last updated),
///    which is not the publication time;
/// 2. the date in the original URL's path (<c>/gb/22/12/30/</c>, <c>/2020/09/27/</c>, VOA's
///    <c>-20180911/</c>, RFA's <c>-01032020175326.html</c>) — the publisher's CMS date in its own
///    (New York / Washington) time, a bare date. It wins over the dateline: <c>【大纪元2022年12月31日讯】</c> is
///    written in the reporter's Asian time zone, a day ahead of the same instant in New York; unless
///    the dateline is more than a day after it (the URL then dates the CMS draft: n10649213 has
///    <c>/gb/18/8/18/</c> and <c>【大纪元2018年09月12日讯】</c>, and reports events of 9 September);
/// 3. the dateline (<c>【…YYYY年M月D日讯】</c>), a bare date;
/// 4. a "last updated" timestamp, as the only time the page gives;
/// 5. a month and day without a year — the URL's <c>-0831-</c> (Reuters), else the dateline
///    <c>路透上海8月31日 -</c> or <c>上海8月31日路透 -</c> — with the year nearest to a date stamp in the
///    page's image addresses, else to the latest stamp of its folder (the feed dump it came in),
///    see <see cref="YearlessDate"/>;
/// otherwise the page has no date and is rejected. RFA ids carry a time of day too, but not its
/// zone, so only their date is used. The signal that decided is reported with the date.
/// </summary>
internal static partial class PublicationDate
{
    /// <summary>Leading characters of the body searched for a dateline without a year (it may follow a caption).</summary>
    private const int YearlessLeadLength = 1500;

    /// <summary>
    /// How far a dateline may run ahead of the URL's date and still be the same day: the reporter's
    /// Asian time zone puts it one day ahead. A dateline further ahead means the URL carries the day
    /// the story was drafted in the CMS (a series part, a feature held back) and the dateline is the day
    /// it was published.
    /// </summary>
    private const int MaxZoneLeadDays = 1;

    public static DatedBy? Decide(PageTimestamp? timestamp, string? originalUrl, string body, Func<DateOnly?> pageStamp, Func<DateOnly?> folderStamp)
    {
        if (timestamp is { IsUpdate: false } published)
        {
            return new(PublishedDate.FromInstant(published.Value), "timestamp in the page");
        }

        var lead = body.Length > YearlessLeadLength ? body[..YearlessLeadLength] : body;
        var dateline = FromDateline(lead);
        if (FromUrl(originalUrl) is { } fromUrl)
        {
            return dateline is { } later && later.Value.Date > fromUrl.Value.Date.AddDays(MaxZoneLeadDays)
                ? new(later, "dateline (days after the URL's date, which was the draft's)")
                : new(fromUrl, "date in the URL");
        }

        if (dateline is { } fromDateline)
        {
            return new(fromDateline, "dateline");
        }

        if (timestamp is { } updated)
        {
            return new(PublishedDate.FromInstant(updated.Value), "last-updated timestamp in the page");
        }

        return WithYearFromStamps(originalUrl, lead, pageStamp, folderStamp);
    }

    private static DatedBy? WithYearFromStamps(string? originalUrl, string lead, Func<DateOnly?> pageStamp, Func<DateOnly?> folderStamp)
    {
        var (monthDay, where) = YearlessFromUrl(originalUrl) is { } u ? (u, "month and day in the URL")
            : YearlessDateline(lead) is { } d ? (d, "dateline (month and day)")
            : ((YearlessDate?)null, "");
        if (monthDay is not { } md)
        {
            return null;
        }

        if (pageStamp() is { } own && md.WithYearNear(own) is { } byImage)
        {
            return new(byImage, $"{where}, year from an image's date stamp");
        }

        return folderStamp() is { } feed && md.WithYearNear(feed) is { } byFolder
            ? new(byFolder, $"{where}, year from the date stamps of the folder it came in")
            : null;
    }

    private static YearlessDate? YearlessFromUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || ReutersMonthDay().Match(uri.AbsolutePath) is not { Success: true } m)
        {
            return null;
        }

        return YearlessDate.Of(int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
    }

    private static YearlessDate? YearlessDateline(string lead) =>
        ReutersDateline().Match(lead) is { Success: true } m
            ? YearlessDate.Of(int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture))
            : null;

    public static PublishedDate? FromUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var path = uri.AbsolutePath;
        if (PathDate().Match(path) is { Success: true } p)
        {
            var year = int.Parse(p.Groups["y"].Value, CultureInfo.InvariantCulture);
            return Date(year < 100 ? 2000 + year : year, p.Groups["m"].Value, p.Groups["d"].Value);
        }

        if (SlugDate().Match(path) is { Success: true } s)
        {
            return Date(int.Parse(s.Groups["y"].Value, CultureInfo.InvariantCulture), s.Groups["m"].Value, s.Groups["d"].Value);
        }

        if (RfaId().Match(path) is { Success: true } r)
        {
            return Date(int.Parse(r.Groups["y"].Value, CultureInfo.InvariantCulture), r.Groups["m"].Value, r.Groups["d"].Value);
        }

        return null;
    }

    public static PublishedDate? FromDateline(string text)
    {
        var m = Dateline().Match(text);
        return m.Success ? Date(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), m.Groups["m"].Value, m.Groups["d"].Value) : null;
    }

    private static PublishedDate? Date(int year, string month, string day)
    {
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        var valid = year is >= 1990 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year, m);
        return valid ? PublishedDate.FromDate(year, m, d) : null;
    }

    /// <summary>
    /// <c>/gb/22/12/30/</c> (Epoch Times, two-digit year; <c>/gb/6/9/10/</c> before 2010) or
    /// <c>/2020/09/27/</c> (NTD, 看中国).
    /// </summary>
    [GeneratedRegex(@"/(?<y>\d{4}|\d{1,2})/(?<m>\d{1,2})/(?<d>\d{1,2})/")]
    private static partial Regex PathDate();

    [GeneratedRegex(@"-(?<y>(?:19|20)\d{2})(?<m>\d{2})(?<d>\d{2})/")]
    private static partial Regex SlugDate();

    [GeneratedRegex(@"-(?<m>\d{2})(?<d>\d{2})(?<y>(?:19|20)\d{2})\d{6}\.html?$")]
    private static partial Regex RfaId();

    /// <summary><c>【大纪元2022年02月04日讯】</c>, <c>【新唐人2022年2月4日】</c>: any outlet's name, 讯 or not.</summary>
    [GeneratedRegex(@"【[^】\d]{0,16}?(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日[^】\d]{0,6}】")]
    private static partial Regex Dateline();

    /// <summary>Reuters' slug date before its story id: <c>-0831-idCNKCS1LG08R</c>, <c>-0814-tues-idCNKBS1L00DZ</c>.</summary>
    [GeneratedRegex(@"-(?<m>[01]\d)(?<d>[0-3]\d)-(?:[a-z]{1,8}-)?id[A-Z0-9]{6,}$")]
    private static partial Regex ReutersMonthDay();

    /// <summary>A paragraph opening <c>路透伦敦8月31日 -</c>, <c>路透新加坡/香港9月1日 -</c> or <c>上海8月31日路透 -</c>.</summary>
    [GeneratedRegex(@"^[ \t>*]*(?:路透[^\d\n]{0,16}?(?<m>\d{1,2})月(?<d>\d{1,2})日|[^\d\n]{0,16}?(?<m>\d{1,2})月(?<d>\d{1,2})日路透社?)\s{0,3}[-－—–]", RegexOptions.Multiline)]
    private static partial Regex ReutersDateline();
}

/// <summary>A publication date and the signal it was taken from (for the import report).</summary>
internal readonly record struct DatedBy(PublishedDate Date, string Signal);
