using System.Text;

namespace SiteGen.Link;

/// <summary>
/// Folder names for tags. A tag keeps its own characters (a Chinese tag stays Chinese, as readers can
/// read it); only what cannot be a safe path segment is replaced: separators, URL syntax characters,
/// controls, and dots at the ends. ASCII letters are lowercased so <c>Putin</c> and <c>putin</c> meet.
/// </summary>
public static class Slugs
{
    public const int MaxTagLength = 80;

    public static string Tag(string tag)
    {
        var sb = new StringBuilder(tag.Length);
        foreach (var c in tag.Normalize(NormalizationForm.FormC).Trim())
        {
            if (sb.Length >= MaxTagLength)
            {
                break;
            }

            if (char.IsAsciiLetterUpper(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) || "/\\?#%:*\"<>|&+'`[]{}^~".Contains(c, StringComparison.Ordinal))
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

        return sb.ToString().Trim('-', '.');
    }

    /// <summary>Percent-encodes each segment of a site path (<c>zh/tags/普京/</c>), keeping the slashes.</summary>
    public static string EncodePath(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
