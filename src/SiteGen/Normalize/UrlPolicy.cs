namespace SiteGen.Normalize;

/// <summary>
/// Decides what becomes of a URL found in a source: image proxies are unwrapped, scheme-less
/// addresses get https, and anything that is not http(s) or mailto (javascript:, data:, vbscript:,
/// file:) is refused, so no active URL from a scraped page reaches the site.
/// </summary>
public static class UrlPolicy
{
    private static readonly string[] ProxyHosts = ["images.weserv.nl", "wsrv.nl"];

    /// <summary>The cleaned absolute URL, or null when the URL must not be used.</summary>
    public static string? Clean(string? url, Uri? baseUri = null)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        foreach (var ch in url)
        {
            if (char.IsControl(ch))
            {
                return null;
            }
        }

        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            url = "https:" + url;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            if (baseUri is null || !Uri.TryCreate(baseUri, url, out uri))
            {
                return null;
            }
        }

        if (uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return null;
        }

        return Unwrap(uri) ?? uri.OriginalString;
    }

    /// <summary>The target of an image proxy URL (<c>images.weserv.nl?url=…</c>), or null.</summary>
    public static string? Unwrap(Uri uri)
    {
        if (!ProxyHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair[..eq].Equals("url", StringComparison.OrdinalIgnoreCase))
            {
                var target = Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
                if (target.StartsWith("ssl:", StringComparison.OrdinalIgnoreCase))
                {
                    target = "https://" + target[4..];
                }
                else if (!target.Contains("://", StringComparison.Ordinal))
                {
                    target = "https://" + target.TrimStart('/');
                }

                return Clean(target);
            }
        }

        return null;
    }
}
