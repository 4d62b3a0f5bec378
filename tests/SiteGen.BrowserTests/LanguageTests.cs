using System.Text.Json;
using SiteGen.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SiteGen.BrowserTests;

/// <summary><c>&lt;html lang&gt;</c>, <c>hreflang</c> alternates, <c>&lt;title&gt;</c>, the article's own <c>lang</c>, and the language switcher.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LanguageTests(SiteFixture site, ITestOutputHelper output)
{
    private static readonly string[] TitleSeparators = [" · ", " | ", " - ", " — ", " – ", " ｜ "];

    [Theory]
    [MemberData(nameof(Cases.EveryPage), MemberType = typeof(Cases))]
    public async Task Page_has_the_right_lang_hreflang_and_title_and_its_switcher_keeps_the_reader_on_the_same_page(PageKind kind, string lang, string size)
    {
        await using var tab = await site.OpenAsync(Viewport.Named(size));
        await tab.GoAsync(kind, lang);
        var ui = PageCatalog.LandingLanguage(kind, lang);
        var other = SitePaths.Other(ui);
        var here = tab.CurrentPath;
        var suffix = kind == PageKind.NotFound ? null : SitePaths.AfterLanguage(here, ui);

        var page = await tab.EvalAsync<JsonElement>(@"() => ({
            lang: document.documentElement.lang,
            title: document.title,
            h1: (document.querySelector('main h1') || document.querySelector('h1') || {}).textContent || '',
            main: (document.querySelector('main') || document.body).innerText,
            alternates: Array.from(document.querySelectorAll('head link[rel~=alternate][hreflang]')).map(l => [l.hreflang, l.href]),
            links: Array.from(document.querySelectorAll('body a[href]')).map(a => a.href),
        })");

        var htmlLang = page.GetProperty("lang").GetString()!;
        Assert.True(htmlLang.StartsWith(ui, StringComparison.OrdinalIgnoreCase), $"{here}: <html lang=\"{htmlLang}\"> on a {ui} page");

        var title = page.GetProperty("title").GetString()!.Trim();
        Assert.False(string.IsNullOrWhiteSpace(title), $"{here}: empty <title>");
        var head = title.Split(TitleSeparators, StringSplitOptions.TrimEntries)[0];
        var h1 = Normalize(page.GetProperty("h1").GetString()!);
        if (kind is not (PageKind.Home or PageKind.Root or PageKind.NotFound))
        {
            // The title names the page: its first part is the page's heading (or shown in the page).
            Assert.True(Normalize(page.GetProperty("main").GetString()!).Contains(Normalize(head), StringComparison.Ordinal) || (h1.Length > 0 && Normalize(title).Contains(h1, StringComparison.Ordinal)),
                $"{here}: <title>{title}</title> does not name the page (heading: {h1})");
        }

        if (kind == PageKind.Article)
        {
            // An article's one page is in the UI of its language: no alternates to claim a copy elsewhere.
            Assert.True(page.GetProperty("alternates").GetArrayLength() == 0, $"{here}: hreflang alternates on an article page");
        }
        else if (kind != PageKind.NotFound)
        {
            // hreflang alternates: both languages at the same path, and x-default.
            var alternates = page.GetProperty("alternates").EnumerateArray().Select(a => (Lang: a[0].GetString()!, Href: a[1].GetString()!)).ToList();
            foreach (var (code, folder) in new[] { ("zh", "zh"), ("en", "en") })
            {
                var match = alternates.Where(a => a.Lang.StartsWith(code, StringComparison.OrdinalIgnoreCase)).ToList();
                Assert.True(match.Count > 0, $"{here}: no <link rel=alternate hreflang={code}…>");
                Assert.True(match.Any(a => SitePaths.Same(SitePaths.AfterLanguage(new Uri(a.Href).AbsolutePath, folder), suffix)),
                    $"{here}: hreflang {code} points to {string.Join(", ", match.Select(a => a.Href))}, not to /{folder}/{suffix}");
            }

            Assert.Contains(alternates, a => a.Lang == "x-default");
        }

        if (kind == PageKind.Article)
        {
            await AssertArticleLangAsync(tab);
        }

        // The switcher: a link to the same page in the other language (both homes on the 404 page), and it works.
        var links = page.GetProperty("links").EnumerateArray().Select(l => SitePaths.LocalPath(l.GetString()!, site.Origin)).OfType<string>().ToList();
        // An article page's switch leads to its translation or to its outlet in the other UI.
        var target = kind == PageKind.NotFound ? $"/{other}/" : kind == PageKind.Article ? site.Catalog.SwitchPathOf(kind, ui) : $"/{other}/{suffix}";
        if (kind == PageKind.NotFound)
        {
            Assert.Contains(links, l => SitePaths.Same(l, $"/{ui}/"));
        }

        Assert.True(links.Any(l => SitePaths.Same(l, target)), $"{here}: no language switcher link to {target}");
        var handle = await tab.Page.EvaluateFunctionHandleAsync(@"(path) => Array.from(document.querySelectorAll('body a[href]'))
            .find(a => decodeURI(new URL(a.href).pathname) === decodeURI(path) && (a.offsetWidth || a.offsetHeight))", target);
        Assert.True(handle is PuppeteerSharp.IElementHandle, $"{here}: the switcher link to {target} is not visible");
        var response = await tab.ClickAndWaitAsync((PuppeteerSharp.IElementHandle)handle);
        Assert.True(response is not null && (int)response.Status == 200, $"{here}: the switcher to {target} answered {response?.Status}");
        Assert.True(SitePaths.Same(tab.CurrentPath, target), $"{here}: the switcher led to {tab.CurrentPath}, not {target}");
        var switchedLang = await tab.EvalAsync<string>("() => document.documentElement.lang");
        Assert.True(switchedLang.StartsWith(other, StringComparison.OrdinalIgnoreCase), $"{tab.CurrentPath}: <html lang=\"{switchedLang}\"> after switching to {other}");
        output.WriteLine($"{here}: lang {htmlLang}, title \"{title}\", switcher → {tab.CurrentPath} (lang {switchedLang})");
        await tab.AssertCleanAsync();
    }

    /// <summary>The article's paragraphs carry its own language (from its Markdown front matter), whatever the UI's.</summary>
    private async Task AssertArticleLangAsync(BrowserPage tab)
    {
        var id = site.Catalog.ArticleIdOf(tab.CurrentPath.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]);
        var file = site.Content.PathOf(id);
        Assert.True(file is not null, $"no Markdown file for article {id} under {site.Content.ContentDir}");
        var article = ArticleBody.Load(file!);
        var blocks = ArticleBody.DomBlocks(await tab.EvalAsync<JsonElement>(ArticleBody.DomBlocksScript));
        var body = ArticleBody.MarkdownKeys(article.Body)
            .Select(key => blocks.FirstOrDefault(b => b.Text.Contains(key, StringComparison.Ordinal)))
            .Where(b => b.Text is not null)
            .ToList();
        Assert.True(body.Count > 0, $"{tab.CurrentPath}: none of the article's paragraphs is on the page");
        foreach (var (text, lang) in body)
        {
            Assert.True(string.Equals(lang, article.Lang, StringComparison.OrdinalIgnoreCase),
                $"{tab.CurrentPath}: article text marked lang=\"{lang}\", but the article is {article.Lang}: {text[..Math.Min(30, text.Length)]}");
        }
    }

    private static string Normalize(string text) => string.Concat(text.Where(char.IsLetterOrDigit));
}
