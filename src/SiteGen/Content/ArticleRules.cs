using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Model;
using SiteGen.Normalize;

namespace SiteGen.Content;

/// <summary>
/// What every article must satisfy, whichever reader made it and whoever edited it: ids, outlet,
/// event and source names that are safe as file names and URL segments; web addresses that are
/// http(s); bounded sizes (docs/security.md lists the limits); no control characters. Checked when
/// a normalized file is parsed (so <c>sitegen check</c> reports hand edits) and on every article the
/// importer is about to write.
/// </summary>
public static partial class ArticleRules
{
    public const int MaxTitleLength = 500;
    public const int MaxTags = 100;
    public const int MaxTagLength = 100;
    public const int MaxAuthors = 50;
    public const int MaxNameLength = 200;
    public const int MaxMirrors = 100;
    public const int MaxEvents = 100;
    public const int MaxTextLength = 5000;
    public const int MaxUrlLength = 2048;

    /// <summary>Removes what no article field may hold: control characters (but line feeds and tabs in text) and lone surrogates.</summary>
    public static void Clean(Article a)
    {
        a.Title = CleanLine(a.Title) ?? "";
        a.TitleEn = CleanLine(a.TitleEn);
        a.TitleZh = CleanLine(a.TitleZh);
        a.Editor = CleanLine(a.Editor);
        a.Summary = CleanOptional(a.Summary);
        a.Authors = a.Authors.Select(CleanLine).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        a.Tags = a.Tags.Select(CleanLine).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (a.Image is { } image)
        {
            a.Image = image with { Caption = CleanOptional(image.Caption), Credit = CleanLine(image.Credit) };
        }

        a.Body = CleanText(a.Body.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>Throws <see cref="ArticleFormatException"/> naming the field (and its line, through <paramref name="lineOf"/>).</summary>
    public static void Validate(Article a, Func<string, int>? lineOf = null)
    {
        int Line(string key) => lineOf?.Invoke(key) ?? 0;
        void Fail(string key, string reason) => throw new ArticleFormatException($"'{key}' {reason}", Line(key));

        if (!IsName(a.Outlet))
        {
            Fail("outlet", $"'{Shorten(a.Outlet)}' must be lowercase ASCII letters, digits and single hyphens (at most {ArticleIds.MaxSlugLength}), not a reserved device name (con, nul, aux …)");
        }

        if (!a.Id.StartsWith(a.Outlet + "-", StringComparison.Ordinal) || !IsName(a.Slug))
        {
            Fail("id", $"'{Shorten(a.Id)}' must be '<outlet>-<slug>' ('{a.Outlet}-…'), the slug lowercase ASCII letters, digits and single hyphens (at most {ArticleIds.MaxSlugLength}), not a reserved device name (con, nul, aux …)");
        }

        if (!LanguageTag().IsMatch(a.Lang))
        {
            Fail("lang", $"'{Shorten(a.Lang)}' is not a language tag such as zh-Hans, zh-Hant or en");
        }

        if (a.Title.Trim().Length == 0)
        {
            Fail("title", "is empty");
        }

        Text("title", a.Title, MaxTitleLength);
        Text("title_en", a.TitleEn, MaxTitleLength);
        Text("title_zh", a.TitleZh, MaxTitleLength);
        Text("editor", a.Editor, MaxNameLength);
        Text("summary", a.Summary, MaxTextLength);
        Web("url", a.Url);
        List("mirrors", a.Mirrors, MaxMirrors, m => Web("mirrors", m));
        List("authors", a.Authors, MaxAuthors, s => Text("authors", s, MaxNameLength));
        List("tags", a.Tags, MaxTags, s =>
        {
            Text("tags", s, MaxTagLength);
            if (s.Trim().Length == 0)
            {
                Fail("tags", "holds an empty tag");
            }
        });
        List("events", a.Events, MaxEvents, e =>
        {
            if (!IsName(e))
            {
                Fail("events", $"'{Shorten(e)}' is not an event id (lowercase ASCII letters, digits and single hyphens)");
            }
        });
        if (a.TranslationOf is { } translated && !IsId(translated))
        {
            Fail("translation_of", $"'{Shorten(translated)}' is not an article id");
        }

        if (a.Image is { } image)
        {
            Web("image", image.Src);
            Text("image", image.Caption, MaxTextLength);
            Text("image", image.Credit, MaxNameLength);
        }

        foreach (var (key, source) in a.DuplicateSources.Select(s => ("duplicate_sources", (SourceInfo?)s)).Prepend(("source", a.Source)))
        {
            if (source is not null && !IsSource(source))
            {
                Fail(key, $"must name a kept raw file: 'path' sources/<sha256>.<ext> with that 'sha256', and a 'format' name (got '{Shorten(source.Path)}')");
            }
        }

        if (FirstBadCharacter(a.Body, allowLineBreaks: true) is { } bad)
        {
            Fail("body", $"holds the character U+{(int)bad:X4}, which is not text");
        }

        void Text(string key, string? value, int max)
        {
            if (value is null)
            {
                return;
            }

            if (value.Length > max)
            {
                Fail(key, $"is too long ({value.Length:N0} characters; the limit is {max:N0})");
            }

            if (FirstBadCharacter(value, allowLineBreaks: key is "summary" || (key == "image" && max == MaxTextLength)) is { } c)
            {
                Fail(key, $"holds the character U+{(int)c:X4}, which is not text");
            }
        }

        void Web(string key, string? url)
        {
            if (url is null)
            {
                return;
            }

            if (url.Length > MaxUrlLength)
            {
                Fail(key, $"is too long ({url.Length:N0} characters; the limit is {MaxUrlLength:N0})");
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                Fail(key, $"'{Shorten(url)}' is not an http(s) address");
            }
        }

        void List<T>(string key, List<T> items, int max, Action<T> each)
        {
            if (items.Count > max)
            {
                Fail(key, $"has too many entries ({items.Count:N0}; the limit is {max:N0})");
            }

            // YAML `~` or an empty `-` item deserializes to null: an empty entry, not a crash.
            if (items.Any(item => item is null))
            {
                Fail(key, "holds an empty entry");
            }

            items.ForEach(each);
        }
    }

    /// <summary>An outlet, slug or event id: what <see cref="ArticleIds.Sanitize"/> gives back unchanged, not empty.</summary>
    public static bool IsName(string? name) => !string.IsNullOrEmpty(name) && ArticleIds.Sanitize(name) == name;

    /// <summary>An article id: names joined by hyphens, at most an outlet and a slug long.</summary>
    public static bool IsId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 2 * ArticleIds.MaxSlugLength + 1 && IdPattern().IsMatch(id);

    private static bool IsSource(SourceInfo source)
    {
        var m = SourcePath().Match(source.Path);
        return m.Success && m.Groups["sha"].Value == source.Sha256 && IsName(source.Format);
    }

    private static char? FirstBadCharacter(string text, bool allowLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if ((char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\t')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>One line of text: cleaned, line breaks and tabs as spaces, trimmed; null when nothing is left.</summary>
    private static string? CleanLine(string? text) =>
        CleanOptional(text?.Replace('\n', ' ').Replace('\t', ' '));

    private static string? CleanOptional(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var cleaned = CleanText(text).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>Drops control characters but line feeds and tabs; a lone surrogate becomes U+FFFD.</summary>
    private static string CleanText(string text)
    {
        if (FirstBadCharacter(text, allowLineBreaks: true) is null)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                sb.Append('\uFFFD');
            }
            else if (!char.IsControl(c) || c is '\n' or '\t')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 80 ? text[..80] + "…" : text;

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^sources/(?<sha>[0-9a-f]{64})\.[a-z0-9]{1,8}$")]
    private static partial Regex SourcePath();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$")]
    private static partial Regex LanguageTag();
}
