using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Model;

namespace SiteGen.Sources.Mirror;

/// <summary>
/// Decides an article's publication date from what a mirror page holds. DECISION, in order:
/// 1. a full timestamp with its offset in the page (VOA copies' <c>&lt;time datetime&gt;</c>) — the most
///    precise statement, made by the publisher itself; unless it is labelled "最后更新" (last updated),
///    which is not the publication time;
/// 2. the date in the original URL's path (<c>/gb/22/12/30/</c>, <c>/2020/09/27/</c>, VOA's
///    <c>-20180911/</c>, RFA's <c>-01032020175326.html</c>) — the publisher's CMS date in its own
///    (New York / Washington) time, a bare date. It wins over the dateline: <c>【大纪元2022年12月31日讯】</c> is
///    written in the reporter's Asian time zone, a day ahead of the same instant in New York;
/// 3. the dateline (<c>【…YYYY年M月D日讯】</c>), a bare date;
/// 4. a "last updated" timestamp, as the only time the page gives;
/// otherwise the page has no date and is rejected. RFA ids carry a time of day too, but not its
/// zone, so only their date is used.
/// </summary>
internal static partial class PublicationDate
{
    public static PublishedDate? Decide(PageTimestamp? timestamp, string? originalUrl, string leadText)
    {
        if (timestamp is { IsUpdate: false } published)
        {
            return PublishedDate.FromInstant(published.Value);
        }

        return FromUrl(originalUrl)
            ?? FromDateline(leadText)
            ?? (timestamp is { } updated ? PublishedDate.FromInstant(updated.Value) : null);
    }

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

    /// <summary><c>/gb/22/12/30/</c> (Epoch Times, two-digit year) or <c>/2020/09/27/</c> (NTD, 看中国).</summary>
    [GeneratedRegex(@"/(?<y>\d{4}|\d{2})/(?<m>\d{1,2})/(?<d>\d{1,2})/")]
    private static partial Regex PathDate();

    [GeneratedRegex(@"-(?<y>(?:19|20)\d{2})(?<m>\d{2})(?<d>\d{2})/")]
    private static partial Regex SlugDate();

    [GeneratedRegex(@"-(?<m>\d{2})(?<d>\d{2})(?<y>(?:19|20)\d{2})\d{6}\.html?$")]
    private static partial Regex RfaId();

    [GeneratedRegex(@"【[^】\d]{0,16}?(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日[^】]{0,4}?(?:讯|訊)】")]
    private static partial Regex Dateline();
}
