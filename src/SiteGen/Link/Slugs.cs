using System.Text;

namespace SiteGen.Link;

/// <summary>
/// Folder names for tags. A tag keeps its own characters (a Chinese tag stays Chinese, as readers can
/// read it); only what cannot be a safe path segment is replaced: separators, URL syntax characters,
/// controls, invisible format characters (zero-width, bidi overrides), and dots at the ends. ASCII letters are lowercased so <c>Putin</c> and <c>putin</c> meet;
/// a Windows device name (<c>con</c>) gets <c>-0</c>.
/// </summary>
public static class Slugs
{
    public const int MaxTagLength = 80;

    public static string Tag(string tag)
    {
        var sb = new StringBuilder(tag.Length);
        // Surrogates become '-' below anyway; replaced first, a lone one cannot break normalization.
        var text = string.Create(tag.Length, tag, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = char.IsSurrogate(t[i]) ? '-' : t[i];
            }
        }).Normalize(NormalizationForm.FormC);
        foreach (var c in text.Trim())
        {
            if (sb.Length >= MaxTagLength)
            {
                break;
            }

            if (char.IsAsciiLetterUpper(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format || "/\\?#%:*\"<>|&+'`[]{}^~".Contains(c, StringComparison.Ordinal))
            {
                if (sb.Length > 0 && sb[^1] != '-')
                {
                    sb.Append('-');
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        var slug = sb.ToString().Trim('-', '.');

        // A folder Windows cannot create (con, nul.x, com1): the first part gets -0, as ids do.
        if (slug.Length > 0 && Normalize.ArticleIds.IsReservedName(slug))
        {
            var dot = slug.IndexOf('.', StringComparison.Ordinal);
            slug = dot < 0 ? slug + "-0" : slug[..dot] + "-0" + slug[dot..];
        }

        return slug;
    }

    // What Uri.EscapeDataString leaves as it is (RFC 3986 unreserved), and the separator.
    private static readonly System.Buffers.SearchValues<char> PlainPath = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/");

    /// <summary>Percent-encodes each segment of a site path (<c>zh/tags/普京/</c>), keeping the slashes.</summary>
    public static string EncodePath(string path) =>
        path.AsSpan().ContainsAnyExcept(PlainPath)
            ? string.Join('/', path.Split('/').Select(Uri.EscapeDataString))
            : path; // most paths (articles, outlets, archives): nothing to encode, and every page makes dozens

}
