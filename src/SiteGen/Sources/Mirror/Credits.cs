using System.Text.RegularExpressions;

namespace SiteGen.Sources.Mirror;

/// <summary>
/// Reporters and editors named in a page. Two places hold them:
/// - a credits line that is nothing but credits (<c>责任编辑：林妍#</c>, <c>(责任编辑：李红）</c>, RFA's
///   <c>（记者：韩洁 责编：申铧 网编：洪伟）</c>, Reuters' <c>编译 张明钧;审校 李婷仪</c>) — it is metadata, so
///   the reader removes it from the body;
/// - the byline inside the lead paragraph (<c>（大纪元记者张婷综合报导）</c>) — part of the article's text,
///   so it stays in the body and is only read.
/// Reporters, writers and translators (记者, 撰稿, 编译) are authors; the responsible editor or reviewer
/// (责任编辑, 责编, 审校) is the editor. RFA's web editor (网编) has no field and is not kept.
/// </summary>
internal static partial class Credits
{
    /// <summary>Locations that follow a reporter's name in Epoch Times bylines (<c>记者钟元台湾综合报导</c>).</summary>
    private static readonly string[] Places =
    [
        "台湾", "台北", "新北", "台中", "台南", "高雄", "桃园", "新竹", "香港", "澳门", "纽约", "华盛顿", "华府",
        "洛杉矶", "旧金山", "休斯顿", "芝加哥", "波士顿", "多伦多", "温哥华", "蒙特利尔", "悉尼", "墨尔本",
        "伦敦", "巴黎", "柏林", "东京", "首尔", "新加坡", "日内瓦", "布鲁塞尔", "台灣", "臺北", "華盛頓", "華府",
        "紐約", "洛杉磯", "舊金山", "多倫多", "溫哥華", "倫敦",
    ];

    /// <summary>Reads a paragraph that consists only of credits; false when it holds anything else.</summary>
    public static bool TryParseLine(string text, out List<string> authors, out string? editor)
    {
        authors = [];
        editor = null;
        var line = text.Trim().TrimStart('(', '（').TrimEnd(')', '）').Trim();
        var matches = CreditPair().Matches(line);
        if (matches.Count == 0 || Leftover().Replace(CreditPair().Replace(line, ""), "").Length > 0)
        {
            return false;
        }

        foreach (Match m in matches)
        {
            var name = m.Groups["name"].Value.Trim();
            switch (m.Groups["label"].Value)
            {
                case "记者" or "記者" or "撰稿" or "编译" or "編譯" or "作者":
                    authors.Add(name);
                    break;
                case "网编" or "網編":
                    break;
                default:
                    editor ??= name;
                    break;
            }
        }

        return true;
    }

    /// <summary>Reporters named in a lead paragraph's byline (<c>（大纪元记者A、B台北报导）</c>).</summary>
    public static List<string> FromByline(string leadText)
    {
        var m = Byline().Match(leadText);
        if (!m.Success)
        {
            return [];
        }

        return NameSeparator().Split(m.Groups["names"].Value)
            .Select(n => WithoutPlace(n.Trim()))
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string WithoutPlace(string name)
    {
        foreach (var place in Places)
        {
            if (name.Length >= place.Length + 2 && name.EndsWith(place, StringComparison.Ordinal))
            {
                return name[..^place.Length];
            }
        }

        return name;
    }

    private const string Name = @"(?:[\p{IsCJKUnifiedIdeographs}·‧]{2,5}|[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3})";

    // NonBacktracking: linear time on any input; backtracking took quadratic time on a hostile 1 MB line (docs/security.md).
    [GeneratedRegex(@"(?<label>责任编辑|責任編輯|记者|記者|撰稿|编译|編譯|作者|审校|審校|责编|責編|编辑|編輯|网编|網編)\s*[：:]?\s*(?<name>" + Name + ")", RegexOptions.NonBacktracking)]
    private static partial Regex CreditPair();

    /// <summary>What may sit between credits: spaces, separators and Epoch Times' closing <c>#</c>.</summary>
    [GeneratedRegex(@"[\s;；,，、#]+")]
    private static partial Regex Leftover();

    [GeneratedRegex(@"（(?:大纪元|大紀元|新唐人)[^（）]{0,8}?(?:记者|記者)(?<names>[^（）]{1,40}?)(?:综合|綜合|编译|編譯|采访|採訪)?(?:报导|報導|报道|報道)）")]
    private static partial Regex Byline();

    [GeneratedRegex(@"[、/／,，和及与與\s]+")]
    private static partial Regex NameSeparator();
}
