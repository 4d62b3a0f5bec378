using System.Text.Json;
using SiteGen.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SiteGen.BrowserTests;

/// <summary>With JavaScript off, every page shows its content and its navigation leads somewhere real.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class NoScriptTests(SiteFixture site, ITestOutputHelper output)
{
    // What a page of each kind must show: links of this shape in main (or, for the article, paragraphs).
    private static string? ExpectedLinks(PageKind kind, string lang) => kind switch
    {
        PageKind.Home or PageKind.Outlet or PageKind.Event or PageKind.Tag or PageKind.YearArchive or PageKind.MonthArchive or PageKind.Root
            => "^/(zh|en)/articles/[^/]+/$", // an article's one page, in the UI of its language
        PageKind.OutletsIndex => $"^/{lang}/outlets/[^/]+/$",
        PageKind.EventsIndex => $"^/{lang}/events/[^/]+/$",
        PageKind.TagsIndex => $"^/{lang}/tags/[^/]+/$",
        _ => null,
    };

    [Theory]
    [MemberData(nameof(Cases.EveryPage), MemberType = typeof(Cases))]
    public async Task Page_shows_its_content_and_its_navigation_works_without_JavaScript(PageKind kind, string lang, string size)
    {
        await using var tab = await site.OpenAsync(Viewport.Named(size), javaScript: false);
        var response = await tab.GoAsync(kind, lang);
        Assert.Equal(kind == PageKind.NotFound ? 404 : 200, (int)response.Status);
        Assert.Equal(site.Catalog.LandingPathOf(kind, lang), tab.CurrentPath);

        // The scripts of the page are off; the test's own probes still run through the DevTools protocol.
        var page = await tab.EvalAsync<JsonElement>(@"() => {
            const shown = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length) && getComputedStyle(e).visibility !== 'hidden';
            const main = document.querySelector('main') || document.body;
            // In-page anchors (the skip link) stay on this page: they are not navigation to check.
            const links = sel => Array.from(document.querySelectorAll(sel)).filter(shown)
                .filter(a => !a.getAttribute('href').startsWith('#')).map(a => a.href);
            return {
                mainShown: shown(main),
                text: main.innerText.trim(),
                mainLinks: links('main a[href]'),
                navLinks: links('nav a[href], header a[href]'),
                allLinks: links('a[href]'),
                hasNav: !!document.querySelector('nav'),
                paragraphs: Array.from(main.querySelectorAll('p')).filter(p => shown(p) && p.innerText.trim().length > 0).length,
                searchFields: Array.from(document.querySelectorAll('input[type=search], input[name=q]')).filter(shown).length,
            };
        }");
        Assert.True(page.GetProperty("mainShown").GetBoolean(), $"{tab.CurrentPath}: the main content is hidden without JavaScript");
        Assert.True(page.GetProperty("text").GetString()!.Length >= 10, $"{tab.CurrentPath}: the main content is (nearly) empty without JavaScript");

        var mainLinks = Paths(page.GetProperty("mainLinks"));
        if (ExpectedLinks(kind, lang) is { } pattern)
        {
            Assert.True(mainLinks.Any(p => System.Text.RegularExpressions.Regex.IsMatch(p, pattern)), $"{tab.CurrentPath}: no visible link matching {pattern} without JavaScript");
        }

        if (kind == PageKind.Article)
        {
            Assert.True(page.GetProperty("paragraphs").GetInt32() > 0, $"{tab.CurrentPath}: the article body shows no paragraph without JavaScript");
        }

        if (kind == PageKind.Search)
        {
            Assert.True(page.GetProperty("searchFields").GetInt32() > 0, $"{tab.CurrentPath}: no visible search field without JavaScript");
        }

        // Navigation: every link of the header and nav resolves; the 404 page offers both languages.
        var navLinks = Paths(page.GetProperty("navLinks"));
        if (kind == PageKind.NotFound)
        {
            var all = Paths(page.GetProperty("allLinks"));
            Assert.Contains(all, p => SitePaths.Same(p, "/zh/"));
            Assert.Contains(all, p => SitePaths.Same(p, "/en/"));
            navLinks = [.. navLinks.Concat(all).Distinct()];
        }
        else
        {
            Assert.True(page.GetProperty("hasNav").GetBoolean(), $"{tab.CurrentPath}: no <nav>");
            Assert.NotEmpty(navLinks);
        }

        foreach (var link in navLinks.Distinct(StringComparer.Ordinal))
        {
            Assert.True(await site.StatusOfAsync(link) == 200, $"{tab.CurrentPath}: navigation link {link} does not resolve (status {await site.StatusOfAsync(link)})");
        }

        // And the browser follows one of them with a click, JavaScript still off.
        var target = navLinks.FirstOrDefault(p => !SitePaths.Same(p, tab.CurrentPath)) ?? navLinks[0];
        var from = tab.CurrentPath;
        var handle = await tab.Page.EvaluateFunctionHandleAsync(@"(path) => Array.from(document.querySelectorAll('nav a[href], header a[href], a[href]'))
            .find(a => new URL(a.href).pathname === path && (a.offsetWidth || a.offsetHeight))", target);
        var element = handle as PuppeteerSharp.IElementHandle;
        Assert.True(element is not null, $"{from}: the link to {target} cannot be clicked");
        var next = await tab.ClickAndWaitAsync(element!);
        Assert.True(next is not null && (int)next.Status == 200, $"{from}: clicking {target} without JavaScript gave {next?.Status}");
        Assert.True(SitePaths.Same(tab.CurrentPath, target), $"{from}: clicking {target} without JavaScript led to {tab.CurrentPath}");
        output.WriteLine($"{from}: {navLinks.Count} navigation links resolve; clicked {target}");
        await tab.AssertCleanAsync();
    }

    private List<string> Paths(JsonElement urls) =>
        [.. urls.EnumerateArray().Select(u => SitePaths.LocalPath(u.GetString()!, site.Origin)).OfType<string>()];
}
