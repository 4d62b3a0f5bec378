using System.Text.RegularExpressions;

namespace SiteGen.Events;

/// <summary>
/// A quotation an article cites: the quoted <see cref="Text"/> (without its marks), the
/// <see cref="Speaker"/> it is attributed to when the article says (null otherwise), and the
/// <see cref="Paragraph"/> (0-based, in <see cref="ArticleText.Paragraphs"/>) it is in.
/// </summary>
public sealed record Quote(string Text, string? Speaker, int Paragraph);

/// <summary>
/// Finds quotations in “…”, 「…」, 『…』 and "…" and who they are attributed to.
/// <para>
/// Attribution, tried in order: (1) the clause just before the quote ends in a speech verb
/// (<c>习近平说，“…”</c>, <c>斯托尔滕贝格在接受彭博电视采访时解释说，“…”</c>, <c>Peskov said: "…"</c>);
/// (2) the clause just after it does (<c>“…”普萨基周五…告诉记者。</c>, <c>"…," said Peskov.</c>).
/// The speaker is that clause before the verb, cut at the first time or place word (周五, 星期五, 在,
/// 于 …) and without parentheses: <c>普萨基</c>, not <c>普萨基周五在被问及…后</c>. A long speaker
/// keeps what follows its last 的 (<c>路透社…引述的俄中联合声明</c> → <c>俄中联合声明</c>). A pronoun
/// (他, 她, he, she …) stands for the last speaker named in the article.
/// </para>
/// <para>
/// Short quotations without an attribution are scare quotes or names (“台独”, “云外交”), not quoted
/// sources, and are left out: an unattributed quotation needs at least <see cref="MinUnattributed"/>
/// characters.
/// </para>
/// </summary>
public static partial class QuoteExtractor
{
    public const int MinUnattributed = 10;

    private static readonly string[] ZhVerbs =
    [
        "告诉记者", "补充说", "解释说", "强调说", "回应说", "表示", "指出", "强调", "声称", "宣称", "透露", "警告", "告诉",
        "写道", "说道", "问道", "坦言", "直言", "称", "说",
    ];

    private static readonly string[] ZhStops =
    [
        "周一", "周二", "周三", "周四", "周五", "周六", "周日", "星期", "当天", "今天", "昨天", "日前", "本周", "上周", "早些时候",
        "稍早", "此前", "随后", "同时", "当时", "在", "于", "对", "向", "则", "也", "还", "曾", "已", "接受", "通过", "（", "(",
    ];

    // Words that sit between a speaker and the verb (俄罗斯大使馆补充说): not part of the name.
    private static readonly string[] SpeakerTails = ["进一步", "补充", "解释", "强调", "回应", "还", "也", "则", "更", "并"];

    private static readonly string[] Pronouns = ["他们", "她们", "他", "她", "he", "she", "they", "He", "She", "They"];

    public static IReadOnlyList<Quote> Extract(ArticleText text)
    {
        var quotes = new List<Quote>();
        string? lastNamed = null;
        for (var p = 0; p < text.Paragraphs.Count; p++)
        {
            var para = text.Paragraphs[p];
            foreach (Match m in QuoteMarks().Matches(para))
            {
                var inner = (m.Groups["a"].Success ? m.Groups["a"] : m.Groups["b"].Success ? m.Groups["b"] : m.Groups["c"].Success ? m.Groups["c"] : m.Groups["d"]).Value.Trim();
                if (inner.Length == 0)
                {
                    continue;
                }

                var speaker = SpeakerBefore(para[..m.Index]) ?? SpeakerAfter(para[(m.Index + m.Length)..]);
                if (speaker is not null && Pronouns.Contains(speaker, StringComparer.Ordinal))
                {
                    speaker = lastNamed;
                }
                else if (speaker is not null)
                {
                    lastNamed = speaker;
                }

                if (speaker is null && inner.Length < MinUnattributed)
                {
                    continue;
                }

                quotes.Add(new Quote(inner, speaker, p));
            }
        }

        return quotes;
    }

    private static string? SpeakerBefore(string before)
    {
        // The current sentence only, with earlier quotations in it blanked out (a verb inside a quotation
        // is not the attribution).
        var cut = before.LastIndexOfAny(['。', '！', '？', '!', '?']);
        var sentence = QuoteMarks().Replace(cut >= 0 ? before[(cut + 1)..] : before, "＂");
        var clause = sentence.TrimEnd(' ', '，', ',', '：', ':', '\u3000');
        if (EnSaidBefore().Match(clause) is { Success: true } en)
        {
            return en.Groups["who"].Value;
        }

        if (ZhSpeaker(clause) is { } atEnd)
        {
            return atEnd;
        }

        // 习近平说，双方“…”: the last speech verb closing a clause (followed by ， or ：) in the sentence.
        for (var i = sentence.Length - 1; i > 0; i--)
        {
            if (sentence[i] is '，' or '：' or ':' or ',' && ZhSpeaker(sentence[..i]) is { } who)
            {
                return who;
            }
        }

        return null;
    }

    private static string? SpeakerAfter(string after)
    {
        if (EnSaidAfter().Match(after) is { Success: true } en)
        {
            return en.Groups["who"].Success ? en.Groups["who"].Value : en.Groups["who2"].Value;
        }

        var trimmed = after.TrimStart(' ', '，', ',');
        var end = trimmed.IndexOfAny(['。', '，', ',', '；', '！', '？', '“', '「', '"']);
        var clause = end >= 0 ? trimmed[..end] : trimmed;
        return ZhSpeaker(clause);
    }

    /// <summary>The speaker of a Chinese clause that ends with a speech verb, or null.</summary>
    private static string? ZhSpeaker(string clause)
    {
        var verb = ZhVerbs.FirstOrDefault(v => clause.EndsWith(v, StringComparison.Ordinal));
        if (verb is null || clause.Length > 60)
        {
            return null;
        }

        var who = clause[..^verb.Length];
        var start = who.LastIndexOfAny(['，', ',', '；', '：', ':', '＂']);
        if (start >= 0)
        {
            who = who[(start + 1)..];
        }

        who = Parenthetical().Replace(who, "");
        var stop = who.Length < 2 ? int.MaxValue : ZhStops.Select(s => who.IndexOf(s, 1, StringComparison.Ordinal) is var i and > 0 ? i : int.MaxValue).Min();
        if (stop != int.MaxValue)
        {
            who = who[..stop];
        }

        if (who.Length > 12 && who.LastIndexOf('的') is var de and >= 0 && de < who.Length - 2)
        {
            who = who[(de + 1)..];
        }

        foreach (var tail in SpeakerTails)
        {
            if (who.Length > tail.Length + 1 && who.EndsWith(tail, StringComparison.Ordinal))
            {
                who = who[..^tail.Length];
            }
        }

        who = who.Trim(' ', '“', '”', '「', '」');
        return who.Length is >= 1 and <= 20 && !who.StartsWith('在') ? who : null;
    }

    [GeneratedRegex("“(?<a>[^“”]{1,600})”|「(?<b>[^「」]{1,600})」|『(?<c>[^『』]{1,600})』|\"(?<d>[^\"\\n]{1,600})\"")]
    private static partial Regex QuoteMarks();

    [GeneratedRegex(@"（[^）]*）|\([^)]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"(?<who>(?:[A-Z][\w.'’-]*|he|she|they)(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:said|says|told\s+\w+|added|wrote|stated|warned|asked)\s*$")]
    private static partial Regex EnSaidBefore();

    [GeneratedRegex(@"^\s*,?\s*(?:(?<who>(?:[A-Z][\w.'’-]*|he|she|they)(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:said|says|added|told|wrote|warned|asked)|(?:said|says|added|wrote|warned|asked)\s+(?<who2>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))")]
    private static partial Regex EnSaidAfter();
}
