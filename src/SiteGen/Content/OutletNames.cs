using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Normalize;

namespace SiteGen.Content;

/// <summary>
/// Names for an outlet nobody described, from what its files say: a byline (<c>Aljazeera 半岛网</c>,
/// a feed title <c>Example News - 新闻</c>) or the dateline that opens an article
/// (<c>（德国之声中文网）</c>, <c>【大纪元2022年12月31日讯】</c>, <c>WASHINGTON (Reuters) -</c>).
/// Guesses for a person to check; each is only used when it looks like a name.
/// </summary>
public static partial class OutletNames
{
    /// <summary>Leading characters of a body searched for a dateline.</summary>
    private const int LeadLength = 300;

    private const int MaxBylineLength = 80;

    /// <summary>
    /// True for a byline an outlet can be made from: a short line with a letter in it and none of
    /// the characters of a path, an address or markup (an author field <c>../../etc/passwd</c> is not a name).
    /// </summary>
    public static bool IsUsableByline(string? byline)
    {
        var text = byline?.Trim();
        return !string.IsNullOrEmpty(text) && text.Length <= MaxBylineLength
            && text.Any(c => char.IsLetter(c))
            && !text.Any(c => char.IsControl(c) || c is '/' or '\\' or '<' or '>' or '{' or '}' or '|' or '`')
            && !text.Contains("://", StringComparison.Ordinal);
    }

    /// <summary>The outlet's name in a feed title: what precedes a <c>" - section"</c> suffix (RSSHub writes <c>Outlet - 新闻</c>).</summary>
    public static string WithoutSection(string byline)
    {
        var text = byline.Trim();
        var dash = text.IndexOf(" - ", StringComparison.Ordinal);
        return dash > 0 ? text[..dash].Trim() : text;
    }

    /// <summary>
    /// The Chinese and English names in a byline: <c>Aljazeera 半岛网</c> gives 半岛网 and Aljazeera;
    /// a byline in one script gives itself for both.
    /// </summary>
    public static (string Zh, string En) FromByline(string byline)
    {
        var name = WithoutSection(byline);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var han = string.Join(' ', words.Where(w => w.Any(Cjk.IsHan)));
        var latin = string.Join(' ', words.Where(w => !w.Any(Cjk.IsHan)));

        // A short Han word beside a Latin name ("BBC News 中文": "Chinese") is a qualifier, not the name.
        var zh = han.Length >= 2 && latin.Length > 0 && han.Count(Cjk.IsHan) >= 3 ? han : name;
        var en = latin.Any(char.IsAsciiLetter) ? latin : name;
        return (zh, en);
    }

    /// <summary>
    /// An outlet id from a byline: its ASCII letters and digits (<c>Example News</c> → <c>examplenews</c>,
    /// a domain-like <c>Example.com</c> → <c>example</c>), or, for a name with none, <c>outlet-</c> and a
    /// hash of it (the same name always gives the same id).
    /// </summary>
    public static string IdFromByline(string byline)
    {
        var name = WithoutSection(byline);
        if (LooksLikeDomain(name))
        {
            return OutletDomains.IdOf(OutletDomains.Registrable(name.ToLowerInvariant()));
        }

        var latin = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.Any(Cjk.IsHan)));
        var id = ArticleIds.Sanitize(latin).Replace("-", "", StringComparison.Ordinal);
        if (id.Length >= 2)
        {
            return id;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        return "outlet-" + Convert.ToHexStringLower(hash)[..8];
    }

    /// <summary>The outlet's name in the dateline that opens an article's body, when there is one.</summary>
    public static string? FromDateline(string body)
    {
        var lead = body.Length > LeadLength ? body[..LeadLength] : body;
        var match = HanDateline().Match(lead);
        if (!match.Success)
        {
            match = WireDateline().Match(lead);
        }

        return match.Success ? match.Groups["name"].Value.Trim() : null;
    }

    private static bool LooksLikeDomain(string name) => DomainLike().IsMatch(name);

    // （德国之声中文网）本周一 … / 【大纪元2022年12月31日讯】 / （中央社记者王明台北12日电）: the name, then a
    // reporter, a date, "讯/电/报道", a time zone (【新唐人北京时间2020年07月05日讯】), or the closing bracket
    // with the text right after it.
    [GeneratedRegex(@"(?m)^\s*[（(【\[]\s*(?<name>[\p{IsCJKUnifiedIdeographs}A-Za-z·]{2,16}?)(?:\p{IsCJKUnifiedIdeographs}{2}(?:时间|時間)|记者|記者|驻|駐|特约|特約|报道|報導|讯|訊|电|電|\d|[）)】\]](?=\S))")]
    private static partial Regex HanDateline();

    // WASHINGTON (Reuters) - … : the wire's name in parentheses after the place, then a dash.
    [GeneratedRegex(@"(?m)^[A-Z][A-Za-z .,'-]{0,40}\((?<name>[A-Z][A-Za-z .&]{1,30})\)\s*[-–—]")]
    private static partial Regex WireDateline();

    [GeneratedRegex(@"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex DomainLike();
}
