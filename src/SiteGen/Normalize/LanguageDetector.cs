using System.Text.RegularExpressions;

namespace SiteGen.Normalize;

/// <summary>
/// Tells the language of an article's text: <c>en</c> when Han characters are few, else
/// <c>zh-Hant</c> or <c>zh-Hans</c> by which script's distinctive characters are more frequent.
/// The character pairs below are the commonest characters whose Simplified and Traditional forms
/// differ; they only vote, so a handful of shared forms cannot mislead it. Addresses (URLs, link
/// targets, e-mail addresses) are not text in any language and are left out of the count: a Chinese
/// list of 200 audio links would otherwise read as English.
/// </summary>
public static partial class LanguageDetector
{
    private const string SimplifiedOnly = "这个们来时为说国会对过还后经发现关进种样点学东动军长区产实头问机门车应认书开间听让议与岁张马华义见觉们乌尔罗斯亚远报记者总统战济钱边传让变该导网选";

    private const string TraditionalOnly = "這個們來時為說國會對過還後經發現關進種樣點學東動軍長區產實頭問機門車應認書開間聽讓議與歲張馬華義見覺們烏爾羅斯亞遠報記者總統戰濟錢邊傳讓變該導網選";

    public static string Detect(string text)
    {
        text = Addresses().Replace(text, " ");
        int han = 0, latin = 0, simplified = 0, traditional = 0;
        foreach (var c in text)
        {
            if (Cjk.IsHan(c))
            {
                han++;
                if (SimplifiedOnly.Contains(c, StringComparison.Ordinal) && !TraditionalOnly.Contains(c, StringComparison.Ordinal))
                {
                    simplified++;
                }
                else if (TraditionalOnly.Contains(c, StringComparison.Ordinal) && !SimplifiedOnly.Contains(c, StringComparison.Ordinal))
                {
                    traditional++;
                }
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        // One Han character carries about as much text as a Latin word (~5 letters).
        if (han * 5 < latin)
        {
            return "en";
        }

        return traditional > simplified ? "zh-Hant" : "zh-Hans";
    }

    // NonBacktracking: linear time on any input (docs/security.md).
    [GeneratedRegex(@"(?:https?|ftp)://[^\s)\]>""'（）]+|\bwww\.[^\s)\]>""']+|\]\([^)\s]*\)|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.NonBacktracking)]
    private static partial Regex Addresses();
}
