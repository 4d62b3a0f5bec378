namespace SiteGen.Rendering;

/// <summary>
/// Image addresses as pages load them: <c>http:</c> becomes <c>https:</c>, because GitHub Pages serves
/// the site over HTTPS, where a browser blocks or upgrades mixed content and the pages' own
/// Content-Security-Policy (<c>img-src 'self' https: data:</c>) refuses plain http. News sites serve
/// their images over both.
/// </summary>
public static class ImageAddress
{
    public static string Upgrade(string url) =>
        url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) ? "https:" + url["http:".Length..] : url;
}
