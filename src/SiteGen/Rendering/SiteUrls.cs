using SiteGen.Link;

namespace SiteGen.Rendering;

/// <summary>
/// Addresses in the site. Pages link to each other by root-relative paths under the base path
/// (<c>/repo/zh/articles/x/</c>), so the same output works at any depth (the root 404 page too);
/// canonical URLs, Open Graph, feeds and the sitemap use the absolute base URL.
/// </summary>
public sealed class SiteUrls
{
    public SiteUrls(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"the base URL must be an absolute http(s) URL such as https://user.github.io/repo/, not '{baseUrl}'", nameof(baseUrl));
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        BasePath = path;
        Origin = uri.GetLeftPart(UriPartial.Authority);
        BaseUrl = Origin + BasePath;
    }

    /// <summary><c>/</c> or <c>/repo/</c>.</summary>
    public string BasePath { get; }

    /// <summary><c>https://user.github.io</c>.</summary>
    public string Origin { get; }

    /// <summary><c>https://user.github.io/repo/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Root-relative, percent-encoded address of a site path such as <c>zh/tags/普京/</c>.</summary>
    public string Path(string sitePath) => BasePath + Slugs.EncodePath(sitePath);

    /// <summary>Absolute, percent-encoded address of a site path.</summary>
    public string Absolute(string sitePath) => Origin + Path(sitePath);
}
