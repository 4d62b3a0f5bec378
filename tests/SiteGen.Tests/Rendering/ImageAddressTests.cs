using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

/// <summary>Pages load images over https only (GitHub Pages is HTTPS; the CSP's img-src is https:).</summary>
public class ImageAddressTests
{
    [Theory]
    [InlineData("http://i.ntdtv.com/a.jpg", "https://i.ntdtv.com/a.jpg")]
    [InlineData("HTTP://Example.org/b.png", "https://Example.org/b.png")]
    [InlineData("https://example.org/c.png", "https://example.org/c.png")]
    [InlineData("/assets/d.png", "/assets/d.png")]
    [InlineData("httpx://e", "httpx://e")]
    public void Upgrades_only_plain_http(string url, string expected) => Assert.Equal(expected, ImageAddress.Upgrade(url));

    [Fact]
    public void Body_images_are_loaded_over_https_and_lazily()
    {
        var html = MarkdownRenderer.ToHtml("![x](http://example.org/p.jpg)");
        Assert.Contains("src=\"https://example.org/p.jpg\"", html);
        Assert.Contains("loading=\"lazy\"", html);
        Assert.DoesNotContain("http://", html);
    }
}
