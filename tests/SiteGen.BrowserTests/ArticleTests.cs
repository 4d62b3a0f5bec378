using System.Text.Json;
using System.Text.RegularExpressions;
using PuppeteerSharp;
using SiteGen.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SiteGen.BrowserTests;

/// <summary>The article page: its links to outlet, events and tags and back, its CJK font, and its reading order.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ArticleTests(SiteFixture site, ITestOutputHelper output)
{
    private const int MaxListPages = 60;

    [Theory]
    [MemberData(nameof(Cases.LanguageAndSize), MemberType = typeof(Cases))]
    public async Task Article_links_to_its_outlet_events_and_tags_and_they_link_back(string lang, string size)
    {
        await using var tab = await site.OpenAsync(Viewport.Named(size));
        var articlePath = site.Catalog.PathOf(PageKind.Article, lang);
        await tab.GoAsync(articlePath);
        var links = (await tab.EvalAsync<string[]>("() => Array.from(document.querySelectorAll('main a[href]')).map(a => a.href)"))
            .Select(h => SitePaths.LocalPath(h, site.Origin)).OfType<string>().Distinct().ToList();

        // The zh article is chosen for having all three. The en UI's article pages are the English articles'
        // only, which may have no event or tag page: there, those the page has a section for.
        var sections = await tab.EvalAsync<string[]>("() => Array.from(document.querySelectorAll('main section[class]')).map(s => s.className)");
        var targets = new List<string>();
        foreach (var (what, pattern) in new[] { ("outlet", "outlets"), ("event", "events"), ("tag", "tags") })
        {
            if (lang == "en" && what != "outlet" && !sections.Any(c => c.Split(' ').Contains(pattern)))
            {
                output.WriteLine($"{articlePath}: no {what} section on this English article");
                continue;
            }

            var target = links.FirstOrDefault(l => Regex.IsMatch(l, $"^/{lang}/{pattern}/[^/]+/$"));
            if (lang == "en" && what == "tag" && target is null)
            {
                // Every tag of this article names it alone: no tag page, each link is a search for the tag.
                var tagLinks = await tab.EvalAsync<string[]>("() => Array.from(document.querySelectorAll('main .tags a')).map(a => a.getAttribute('href'))");
                Assert.All(tagLinks, h => Assert.StartsWith($"/{lang}/search/?q=", h, StringComparison.Ordinal));
                continue;
            }

            Assert.True(target is not null, $"{articlePath}: no link to its {what} (/{lang}/{pattern}/…/)");
            targets.Add(target!);
        }

        foreach (var target in targets)
        {
            if (!SitePaths.Same(tab.CurrentPath, articlePath))
            {
                await tab.GoAsync(articlePath);
            }

            var response = await tab.ClickAndWaitAsync(await FindLinkAsync(tab, target));
            Assert.True(response is not null && (int)response.Status == 200, $"{articlePath}: the link to {target} answered {response?.Status}");
            Assert.True(SitePaths.Same(tab.CurrentPath, target), $"{articlePath}: the link to {target} led to {tab.CurrentPath}");

            // The list page (or one of its next pages) links back to the article, and that link works.
            var pages = 1;
            while (!await HasLinkAsync(tab, articlePath))
            {
                var next = await tab.EvalAsync<string?>("() => { const n = document.querySelector('a[rel~=next]'); return n ? n.href : null; }");
                Assert.True(next is not null && pages < MaxListPages, $"{target}: no link back to {articlePath} on {pages} page(s)");
                await tab.ClickAndWaitAsync(await FindLinkAsync(tab, SitePaths.LocalPath(next!, site.Origin)!));
                pages++;
            }

            var back = await tab.ClickAndWaitAsync(await FindLinkAsync(tab, articlePath));
            Assert.True(back is not null && (int)back.Status == 200 && SitePaths.Same(tab.CurrentPath, articlePath), $"{target}: the link back to {articlePath} led to {tab.CurrentPath} ({back?.Status})");
            output.WriteLine($"{articlePath} → {target} → back (list page {pages})");
        }

        await tab.AssertCleanAsync();
    }

    /// <summary>
    /// The Chinese title (or, when the UI shows another title, the first Chinese paragraph) is drawn with a
    /// font that covers Chinese. Chromium reports the platform fonts it used for an element's text
    /// (DevTools <c>CSS.getPlatformFontsForNode</c>, with a glyph count per font): the glyphs drawn by a
    /// CJK family must cover every Han character. A layout check backs it: each Han character's box is
    /// about 1em wide (a missing-glyph box is narrower), and the element is not blank.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases.LanguageAndSize), MemberType = typeof(Cases))]
    public async Task Chinese_text_renders_with_a_CJK_font(string lang, string size)
    {
        Assert.True(site.Catalog.ArticleHasChineseTitle, $"the site has no article with a Chinese title near the top of its lists (article used: {site.Catalog.ArticleId})");
        await using var tab = await site.OpenAsync(Viewport.Named(size));
        await tab.GoAsync(site.Catalog.PathOf(PageKind.Article, "zh")); // a Chinese article's one page is in the zh UI
        await tab.EvalAsync<bool>("async () => { await document.fonts.ready; return true; }");

        var probes = new List<string> { "main h1, main p" };
        if (lang == "zh")
        {
            probes.Add("nav a");
        }

        foreach (var selector in probes)
        {
            var probe = await tab.EvalAsync<JsonElement>(@"(selector) => {
                const han = /\p{Script=Han}/u;
                const e = Array.from(document.querySelectorAll(selector)).find(e => han.test(e.textContent));
                if (!e) return null;
                e.setAttribute('data-cjk-probe', '');
                const size = parseFloat(getComputedStyle(e).fontSize);
                const widths = [];
                const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    for (let i = 0; i < n.data.length; i++) {
                        if (!han.test(n.data[i])) continue;
                        const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
                        widths.push(r.getBoundingClientRect().width / size);
                    }
                }
                const box = e.getBoundingClientRect();
                return { text: e.textContent.trim(), han: widths.length, widths, width: box.width, height: box.height, family: getComputedStyle(e).fontFamily };
            }", selector);
            Assert.True(probe.ValueKind != JsonValueKind.Null, $"{tab.CurrentPath}: no Chinese text in {selector}");
            var text = probe.GetProperty("text").GetString()!;
            var han = probe.GetProperty("han").GetInt32();
            Assert.True(probe.GetProperty("width").GetDouble() > 0 && probe.GetProperty("height").GetDouble() > 0, $"{tab.CurrentPath}: \"{text}\" has no size (blank)");

            var fonts = await PlatformFontsAsync(tab.Page);
            var cjkGlyphs = fonts.Where(f => site.CjkFamilies.Contains(f.Family)).Sum(f => f.Glyphs);
            var used = string.Join(", ", fonts.Select(f => $"{f.Family} ({f.Glyphs} glyphs)"));
            output.WriteLine($"{tab.CurrentPath} {selector}: \"{text[..Math.Min(text.Length, 30)]}\" ({han} Han characters) drawn with {used}; CSS font-family: {probe.GetProperty("family").GetString()}");
            Assert.True(cjkGlyphs >= han, $"{tab.CurrentPath}: \"{text}\" has {han} Han characters but only {cjkGlyphs} glyphs came from a CJK font; fonts used: {used}");

            var widths = probe.GetProperty("widths").EnumerateArray().Select(w => w.GetDouble()).Order().ToList();
            var median = widths[widths.Count / 2];
            Assert.True(median is > 0.85 and < 1.25, $"{tab.CurrentPath}: Han characters of \"{text}\" are {median:F2}em wide (a CJK glyph is about 1em)");
            await tab.EvalAsync<bool>("() => { document.querySelector('[data-cjk-probe]').removeAttribute('data-cjk-probe'); return true; }");
        }

        await tab.AssertCleanAsync();
    }

    [Theory]
    [MemberData(nameof(Cases.LanguageAndSize), MemberType = typeof(Cases))]
    public async Task Article_body_reads_in_the_order_of_its_Markdown(string lang, string size)
    {
        var file = site.Content.PathOf(site.Catalog.ArticleIdOf(lang));
        Assert.True(file is not null, $"no Markdown file for article {site.Catalog.ArticleIdOf(lang)} under {site.Content.ContentDir}");
        var keys = ArticleBody.MarkdownKeys(ArticleBody.Load(file!).Body);
        Assert.NotEmpty(keys);

        await using var tab = await site.OpenAsync(Viewport.Named(size));
        await tab.GoAsync(site.Catalog.PathOf(PageKind.Article, lang));
        var blocks = ArticleBody.DomBlocks(await tab.EvalAsync<JsonElement>(ArticleBody.DomBlocksScript));

        var position = 0;
        var problems = new List<string>();
        foreach (var key in keys)
        {
            var found = blocks.Skip(position).Select((b, i) => (b.Text, Index: i + position)).FirstOrDefault(b => b.Text.Contains(key, StringComparison.Ordinal));
            if (found.Text is not null)
            {
                position = found.Index;
                continue;
            }

            problems.Add(blocks.Any(b => b.Text.Contains(key, StringComparison.Ordinal)) ? $"out of order: {key}" : $"missing: {key}");
        }

        output.WriteLine($"{tab.CurrentPath}: {keys.Count} Markdown blocks, {blocks.Count} page blocks");
        Assert.True(problems.Count == 0, $"{tab.CurrentPath} does not read like {file}:\n{string.Join("\n", problems)}");
        await tab.AssertCleanAsync();
    }

    private static async Task<IElementHandle> FindLinkAsync(BrowserPage tab, string path)
    {
        var handle = await tab.Page.EvaluateFunctionHandleAsync(@"(path) => {
            const links = Array.from(document.querySelectorAll('a[href]')).filter(a => decodeURI(new URL(a.href).pathname) === decodeURI(path));
            return links.find(a => a.closest('main') && (a.offsetWidth || a.offsetHeight)) || links.find(a => a.offsetWidth || a.offsetHeight) || null;
        }", path);
        return handle as IElementHandle ?? throw new Xunit.Sdk.XunitException($"{tab.CurrentPath}: no visible link to {path}");
    }

    private static Task<bool> HasLinkAsync(BrowserPage tab, string path) =>
        tab.EvalAsync<bool>("(path) => Array.from(document.querySelectorAll('main a[href]')).some(a => decodeURI(new URL(a.href).pathname) === decodeURI(path))", path);

    /// <summary>The platform fonts Chromium used for the text of the element marked <c>data-cjk-probe</c>.</summary>
    private static async Task<List<(string Family, int Glyphs)>> PlatformFontsAsync(IPage page)
    {
        var cdp = await page.CreateCDPSessionAsync();
        try
        {
            await cdp.SendAsync("DOM.enable");
            await cdp.SendAsync("CSS.enable");
            var document = await cdp.SendAsync<JsonElement>("DOM.getDocument", new { depth = 0 });
            var node = await cdp.SendAsync<JsonElement>("DOM.querySelector", new { nodeId = document.GetProperty("root").GetProperty("nodeId").GetInt32(), selector = "[data-cjk-probe]" });
            var fonts = await cdp.SendAsync<JsonElement>("CSS.getPlatformFontsForNode", new { nodeId = node.GetProperty("nodeId").GetInt32() });
            return [.. fonts.GetProperty("fonts").EnumerateArray().Select(f => (f.GetProperty("familyName").GetString()!, (int)f.GetProperty("glyphCount").GetDouble()))];
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }
}
