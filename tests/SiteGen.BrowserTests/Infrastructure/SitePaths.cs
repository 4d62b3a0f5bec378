namespace SiteGen.BrowserTests.Infrastructure;

/// <summary>Comparing site paths whatever their percent-encoding (<c>/zh/tags/普京/</c> = <c>/zh/tags/%E6%99%AE%E4%BA%AC/</c>).</summary>
public static class SitePaths
{
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Uri.UnescapeDataString(a), Uri.UnescapeDataString(b), StringComparison.Ordinal);

    /// <summary>The path of an absolute or relative URL, or null when it is on another host than the local server.</summary>
    public static string? LocalPath(string url, string origin)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority) == origin ? uri.AbsolutePath : null;
    }

    /// <summary>The part of a path after its language folder: <c>/repo/en/articles/x/</c> gives <c>articles/x/</c>.</summary>
    public static string? AfterLanguage(string path, string lang)
    {
        var marker = $"/{lang}/";
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : path[(at + marker.Length)..];
    }

    /// <summary>The other UI language.</summary>
    public static string Other(string lang) => lang == "zh" ? "en" : "zh";
}
