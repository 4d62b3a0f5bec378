using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Normalize;

/// <summary>
/// Builds article ids and slugs. Ids are <c>&lt;outlet&gt;-&lt;slug&gt;</c>, lowercase ASCII letters,
/// digits and hyphens only, so they are safe as file names and URL segments whatever the input.
/// The slug comes from the original URL's own article id where there is one (stable across mirrors,
/// so two mirrors of one story meet), else from a short hash of the outlet, title and date.
/// </summary>
public static class ArticleIds
{
    public const int MaxSlugLength = 64;

    /// <summary>An id from an outlet id and a key taken from the source (e.g. <c>n13555352</c>).</summary>
    public static string Create(string outlet, string key)
    {
        var slug = Sanitize(key);
        return slug.Length == 0 ? throw new ArgumentException("key has no usable characters", nameof(key)) : $"{Sanitize(outlet)}-{slug}";
    }

    /// <summary>An id for an article with no usable original URL: a hash of what identifies the story.</summary>
    public static string FromContent(string outlet, string title, string published)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{outlet}\n{title.Trim()}\n{published}"));
        return $"{Sanitize(outlet)}-h{Convert.ToHexStringLower(hash)[..10]}";
    }

    /// <summary>
    /// File names Windows reserves for devices, whatever the extension (<c>con.md</c> is the console):
    /// a slug or outlet id that would be one gets <c>-0</c> appended, so the archive can be checked out anywhere.
    /// </summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "con", "prn", "aux", "nul",
        "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    /// <summary>True when Windows would open a device for this file or folder name (<c>con</c>, <c>NUL.txt</c>, <c>com1.x</c>).</summary>
    public static bool IsReservedName(string name) =>
        Reserved.Contains(name.Split('.')[0].TrimEnd(' ').ToLowerInvariant());

    /// <summary>
    /// Lowercase ASCII letters and digits, other runs become one hyphen, trimmed, bounded; never a
    /// reserved device name. Idempotent: <c>Sanitize(Sanitize(s)) == Sanitize(s)</c>.
    /// </summary>
    public static string Sanitize(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxSlugLength));
        foreach (var c in text)
        {
            if (sb.Length >= MaxSlugLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        return Reserved.Contains(slug) ? slug + "-0" : slug;
    }
}
