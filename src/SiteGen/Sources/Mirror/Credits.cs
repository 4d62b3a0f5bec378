using System.Text.RegularExpressions;
using SiteGen.Normalize;

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
            var names = NameList().Split(m.Groups["names"].Value).Select(n => n.Trim()).Where(n => n.Length > 0);
            switch (Role(m.Groups["label"].Value))
            {
                case CreditRole.Author:
                    authors.AddRange(names);
                    break;
                case CreditRole.Editor:
                    // Several reviewers (审校 A/B) and several editing roles (责编, 网编) are one editor field: all of them are kept.
                    var joined = string.Join("、", names);
                    editor = editor is null ? joined : $"{editor}、{joined}";
                    break;
            }
        }

        return true;
    }

    private enum CreditRole
    {
        Author,
        Editor,
    }

    /// <summary>
    /// Who wrote the text — reporters, writers, translators, the desk that filed or compiled it
    /// (记者, 撰稿, 编译, 发稿, 整理) — is an author; who checked it (责任编辑, 责编, 审校, 编辑) is the editor.
    /// A combined label (<c>编译/审校</c>) takes its first role. RFA's web editor (网编) is an editor too:
    /// a credit taken out of the body is always kept somewhere.
    /// </summary>
    private static CreditRole Role(string label)
    {
        var first = label.Split('/', '／')[0];
        return first switch
        {
            "网编" or "網編" or "责任编辑" or "責任編輯" or "审校" or "審校" or "责编" or "責編" or "编辑" or "編輯" => CreditRole.Editor,
            _ => CreditRole.Author,
        };
    }

    /// <summary>
    /// The people named in the lead paragraph's byline: the first parenthesis near the start that names
    /// a reporter (记者), whatever the outlet — <c>（大纪元记者A、B台北报导）</c>, <c>（新唐人记者X报导／大纪元记者Y翻译）</c>,
    /// <c>（英文大纪元记者Bowen Xiao报导、张婷综合编译）</c>, <c>（美国之音记者申华 拍摄）</c>, <c>(…报导】</c> with a
    /// mistyped bracket. A place after a name is dropped (see <see cref="WithoutPlace"/>); a responsible
    /// editor in the same parenthesis is returned as the editor.
    /// </summary>
    public static (List<string> Authors, string? Editor) FromByline(string leadText, string body)
    {
        foreach (Match m in BylineParenthesis().Matches(leadText))
        {
            var inside = m.Groups["inside"].Value;
            if (!inside.Contains("记者", StringComparison.Ordinal) && !inside.Contains("記者", StringComparison.Ordinal))
            {
                continue;
            }

            var authors = new List<string>();
            string? editor = null;
            foreach (var segment in RoleVerb().Split(inside))
            {
                if (EditorLabel().Match(segment) is { Success: true } e)
                {
                    editor ??= PlainNames(segment[(e.Index + e.Length)..], body).FirstOrDefault();
                    continue;
                }

                var reporter = segment.LastIndexOf('者');
                authors.AddRange(PlainNames(reporter >= 0 ? segment[(reporter + 1)..] : segment, body));
            }

            if (authors.Count > 0 || editor is not null)
            {
                return (authors.Distinct(StringComparer.Ordinal).ToList(), editor);
            }
        }

        return ([], null);
    }

    /// <summary>Names in a byline segment: separated by 、/ and spaces (not inside a Latin name), each a plausible name.</summary>
    private static IEnumerable<string> PlainNames(string segment, string body)
    {
        var text = RoleWords().Replace(segment, " ");
        foreach (Match name in BylineName().Matches(text))
        {
            var cleaned = WithoutPlace(name.Value.Trim(), body);
            if (cleaned.Length >= 2 && (!Cjk.IsHan(cleaned[0]) || cleaned.Length <= MaxHanNameLength))
            {
                yield return cleaned;
            }
        }
    }

    /// <summary>The length of most Chinese names (a one-character surname and a two-character given name).</summary>
    private const int CommonNameLength = 3;

    /// <summary>The longest place written after a name (<c>蒙特利尔</c>, <c>马来西亚</c>).</summary>
    private const int MaxPlaceLength = 4;

    /// <summary>Chinese names are two to four characters (a compound surname and a two-character given name).</summary>
    private const int MaxHanNameLength = 4;

    /// <summary>
    /// A place written after a reporter's name (<c>记者钟元台湾综合报导</c>, <c>记者周容奥克兰报导</c>): a known place
    /// suffix, or — for a run too long to be a name — a two- or three-character suffix the article names
    /// again elsewhere (places recur in the story; a reporter's given name does not); failing both, the
    /// commonest length of a Chinese name (three) is the name and the rest the place, so a credit with a
    /// place nobody listed (<c>记者岑华颖奥兰多综合报导</c>) still names its reporter.
    /// </summary>
    private static string WithoutPlace(string name, string body)
    {
        if (name.Length == 0 || !Cjk.IsHan(name[0]))
        {
            return name;
        }

        // Places may follow one another, country then city (记者江禹婵台湾台北报导): strip them all.
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var place in Places)
            {
                if (name.Length >= place.Length + 2 && name.EndsWith(place, StringComparison.Ordinal))
                {
                    name = name[..^place.Length];
                    stripped = true;
                    break;
                }
            }
        }

        if (name.Length > MaxHanNameLength)
        {
            for (var suffix = 3; suffix >= 2; suffix--)
            {
                if (name.Length - suffix >= 2 && CountOf(body, name[^suffix..]) >= 2)
                {
                    return name[..^suffix];
                }
            }

            // A run longer than a name and a place together is a sentence, not a credit.
            return name.Length <= MaxHanNameLength + MaxPlaceLength ? name[..CommonNameLength] : name;
        }

        return name;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private const string Name = @"(?:[\p{IsCJKUnifiedIdeographs}·‧]{2,5}|[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3})";

    private const string Label = @"(?:责任编辑|責任編輯|文字整理|记者|記者|撰稿|编译|編譯|作者|审校|審校|责编|責編|编辑|編輯|网编|網編|发稿|發稿|整理)";

    // NonBacktracking: linear time on any input; backtracking took quadratic time on a hostile 1 MB line (docs/security.md).
    [GeneratedRegex(@"(?<label>" + Label + @"(?:[/／]" + Label + @")?)\s*[：:，,]?\s*(?<names>" + Name + @"(?:\s*[/／、]\s*" + Name + ")*)", RegexOptions.NonBacktracking)]
    private static partial Regex CreditPair();

    [GeneratedRegex(@"\s*[/／、]\s*")]
    private static partial Regex NameList();

    /// <summary>What may sit between credits: spaces, separators and Epoch Times' closing <c>#</c>.</summary>
    [GeneratedRegex(@"[\s;；,，、#]+")]
    private static partial Regex Leftover();

    /// <summary>A parenthesis in the lead, closed by a parenthesis or a mistyped 】.</summary>
    [GeneratedRegex(@"[（(](?<inside>[^（）()【】\n]{2,80})[）)】]")]
    private static partial Regex BylineParenthesis();

    /// <summary>The verbs that end one credit of a byline (<c>报导</c>, <c>翻译</c>, <c>拍摄</c>), and the separators after them.</summary>
    [GeneratedRegex(@"(?:报导|報導|报道|報道|翻译|翻譯|拍摄|拍攝|撰文)\s*[、/／,，;；]?|[,，;；]")]
    private static partial Regex RoleVerb();

    [GeneratedRegex(@"(?:责任编辑|責任編輯|责编|責編)\s*[：:]?\s*")]
    private static partial Regex EditorLabel();

    /// <summary>How a name's part of a credit is written besides the name: 综合, 编译, 采访, the separators.</summary>
    [GeneratedRegex(@"综合|綜合|编译|編譯|采访|採訪|整理|[、/／*＊]")]
    private static partial Regex RoleWords();

    /// <summary>A Latin name (capitalised words joined by single spaces) or a run of Han characters.</summary>
    [GeneratedRegex(@"[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}|[\p{IsCJKUnifiedIdeographs}·‧]+")]
    private static partial Regex BylineName();
}
