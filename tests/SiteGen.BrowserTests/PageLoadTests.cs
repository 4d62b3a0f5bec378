using SiteGen.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SiteGen.BrowserTests;

/// <summary>Every page kind loads with the right status, no errors, no third-party requests, no sideways scrolling.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PageLoadTests(SiteFixture site, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Cases.EveryPage), MemberType = typeof(Cases))]
    public async Task Page_loads_with_its_status_no_errors_no_third_party_requests_and_no_sideways_scrolling(PageKind kind, string lang, string size)
    {
        var viewport = Viewport.Named(size);
        await using var tab = await site.OpenAsync(viewport);
        var response = await tab.GoAsync(kind, lang);

        Assert.Equal(kind == PageKind.NotFound ? 404 : 200, (int)response.Status);
        Assert.Equal(site.Catalog.LandingPathOf(kind, lang), tab.CurrentPath);
        var text = await tab.EvalAsync<string>("() => (document.querySelector('main') || document.body).innerText.trim()");
        Assert.True(text.Length >= 2, $"{tab.CurrentPath} shows no text");

        var widths = await tab.EvalAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{tab.CurrentPath} scrolls sideways at {viewport.Name} size: the page is {widths[0]} px wide in a {widths[1]} px window");

        var file = Path.Combine(site.ScreenshotDir, $"{lang}-{viewport.Name}-{kind}.png");
        await tab.Page.ScreenshotAsync(file, new PuppeteerSharp.ScreenshotOptions { FullPage = true });
        output.WriteLine($"screenshot: {file}");
        if (tab.BlockedImages.Count > 0)
        {
            output.WriteLine($"blocked article images: {tab.BlockedImages.Count} ({string.Join(", ", tab.BlockedImages.Distinct())})");
        }

        await tab.AssertCleanAsync();
    }
}
