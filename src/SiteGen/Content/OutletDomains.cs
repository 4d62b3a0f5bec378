using System.Net;
using SiteGen.Normalize;

namespace SiteGen.Content;

/// <summary>
/// The registrable domain of a host and the outlet id made from it, by rule (no list of outlets and
/// no public-suffix list): <c>www.example-news.org</c> → <c>example-news.org</c> → <c>examplenews</c>;
/// <c>news.bbc.co.uk</c> → <c>bbc.co.uk</c> → <c>bbc</c>.
/// </summary>
public static class OutletDomains
{
    /// <summary>
    /// Second-level labels under which a country-code domain registers names (<c>co.uk</c>,
    /// <c>com.tw</c>, <c>net.au</c>, <c>or.jp</c> …): with one of these before a two-letter top-level
    /// domain, the registrable domain has three labels.
    /// </summary>
    private static readonly HashSet<string> CountrySecondLevels = new(StringComparer.Ordinal)
    {
        "ac", "biz", "co", "com", "edu", "gen", "go", "gob", "gov", "gouv", "govt", "idv", "info", "ltd",
        "me", "mil", "ne", "net", "nic", "nom", "or", "org", "plc", "sch",
    };

    /// <summary>The URL's host, lowercase, when it is an absolute http(s) URL with a host.</summary>
    public static string? HostOf(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.IdnHost.Length == 0)
        {
            return null;
        }

        return uri.IdnHost.TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>The part of <paramref name="host"/> its owner registered: the last two labels, or three under a country's <c>co.</c>/<c>com.</c>/… .</summary>
    public static string Registrable(string host)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return host;
        }

        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length <= 2)
        {
            return string.Join('.', labels);
        }

        var countryNamed = labels[^1].Length == 2 && CountrySecondLevels.Contains(labels[^2]);
        var kept = countryNamed ? 3 : 2;
        return string.Join('.', labels[^kept..]);
    }

    /// <summary>
    /// An outlet id from a registrable domain: its name label without hyphens (<c>example-news.org</c>
    /// → <c>examplenews</c>); an IP address gives <c>ip</c> and its digits. Empty when nothing is usable.
    /// </summary>
    public static string IdOf(string registrable)
    {
        if (IPAddress.TryParse(registrable.Trim('[', ']'), out _))
        {
            return ArticleIds.Sanitize("ip" + new string(registrable.Where(char.IsAsciiLetterOrDigit).ToArray()));
        }

        var name = registrable.Split('.')[0];
        return ArticleIds.Sanitize(name).Replace("-", "", StringComparison.Ordinal);
    }

    /// <summary>What follows the name label (<c>co.uk</c> of <c>bbc.co.uk</c>), as letters: a suffix that tells two outlets of one name apart.</summary>
    public static string SuffixOf(string registrable)
    {
        var dot = registrable.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? "" : ArticleIds.Sanitize(registrable[(dot + 1)..]).Replace("-", "", StringComparison.Ordinal);
    }
}
