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

        // A phone browser zooms out to fit a too-wide page (innerWidth grows), so compare with the layout
        // viewport (clientWidth), which must also be the window's own width (a responsive viewport).
        var widths = await tab.EvalAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{tab.CurrentPath} scrolls sideways at {viewport.Name} size: the page is {widths[0]} px wide in a {widths[1]} px window");
        Assert.True(widths[1] <= viewport.Width && widths[2] <= viewport.Width, $"{tab.CurrentPath} is laid out {widths[1]} px wide (shown {widths[2]} px) in a {viewport.Width} px window: no responsive viewport, or content wider than the screen");

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
