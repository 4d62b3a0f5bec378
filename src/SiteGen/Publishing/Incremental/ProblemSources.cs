using System.Text.RegularExpressions;

namespace SiteGen.Publishing.Incremental;

/// <summary>
/// The link checker speaks of output pages (<c>/zh/articles/x/index.html: broken link: …</c>); a broken
/// link on an article's page that comes from its body names the article's file instead, and the line
/// the link is written on where it can be found (issue 21: every error in the user's terms).
/// </summary>
internal static partial class ProblemSources
{
    public static string InSourceTerms(string problem, IReadOnlyDictionary<string, string> fileOf, string contentDir)
    {
        var match = ArticlePageProblem().Match(problem);
        if (!match.Success || !fileOf.TryGetValue(match.Groups["id"].Value, out var file))
        {
            return problem;
        }

        // A link the file holds (as written, or percent-decoded) is the body's: the error gives its line.
        // Any link but one from the site root is the body's too (the theme writes every link from the
        // root), though Markdown escapes or a byte that was not UTF-8 may have changed how it is written.
        // A link from the root that the file does not hold is the theme's: it stays a problem of the page.
        var link = match.Groups["link"].Value;
        var line = LineOf(Path.Combine(contentDir, file), link);
        var where = line > 0 ? $"{file}:{line}" : link.StartsWith('/') ? null : file;
        return where is null ? problem : $"{where}: {match.Groups["problem"].Value} (on /{match.Groups["lang"].Value}/articles/{match.Groups["id"].Value}/)";
    }

    /// <summary>The first line of the file that holds <paramref name="link"/> as the page has it or percent-decoded, or 0 (unreadable, or not written there).</summary>
    private static int LineOf(string path, string link)
    {
        if (link.Length == 0)
        {
            return 0;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(link);
        }
        catch (UriFormatException)
        {
            decoded = link;
        }

        try
        {
            var number = 0;
            foreach (var text in File.ReadLines(path))
            {
                number++;
                if (text.Contains(link, StringComparison.Ordinal) || text.Contains(decoded, StringComparison.Ordinal))
                {
                    return number;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }

    [GeneratedRegex(@"^/(?<lang>[a-z]{2})/articles/(?<id>[^/]+)/index\.html: (?<problem>[^:]*(: (?<link>.*))?)$")]
    private static partial Regex ArticlePageProblem();
}
