using NUglify;
using NUglify.Html;

namespace SiteGen.Publishing;

/// <summary>
/// NUglify with settings that keep what the site needs: optional tags (<c>&lt;head&gt;</c>,
/// <c>&lt;html lang&gt;</c>), attribute quotes, empty attributes (<c>alt=""</c>) and character
/// references (an escaped <c>&amp;lt;script&amp;gt;</c> stays escaped). Falls back to the original
/// text when NUglify reports an error, so minifying never breaks a page.
/// </summary>
public static class Minifier
{
    private static HtmlSettings Settings() => new()
    {
        RemoveOptionalTags = false,
        RemoveAttributeQuotes = false,
        RemoveEmptyAttributes = false,
        DecodeEntityCharacters = false,
        RemoveComments = true,
        RemoveScriptStyleTypeAttribute = false,
        ShortBooleanAttribute = false,
        MinifyJs = false,
        MinifyJsAttributes = false,
        MinifyCss = true,
        KeepOneSpaceWhenCollapsing = true,
        CollapseWhitespaces = true,
    };

    public static string Html(string html)
    {
        var result = Uglify.Html(html, Settings());
        return result.HasErrors || string.IsNullOrEmpty(result.Code) ? html : result.Code;
    }

    public static string Css(string css)
    {
        var result = Uglify.Css(css);
        return result.HasErrors || string.IsNullOrEmpty(result.Code) ? css : result.Code;
    }
}
