using System.Text.Json;
using SiteGen.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SiteGen.BrowserTests;

/// <summary>Tab reaches the language switcher, the navigation and the search field, and focus is always visible.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class KeyboardTests(SiteFixture site, ITestOutputHelper output)
{
    private const int MaxTabs = 120;

    // Runs after each Tab: describes the focused element and its computed look, and the look of the
    // element focused before, now that it has lost focus. A focus indicator is visible when an
    // element looks different focused than unfocused (outline, box-shadow, background, border or
    // underline) and, when that difference is the outline, the outline is not transparent or zero.
    private const string StepScript = @"() => {
        const look = e => {
            const s = getComputedStyle(e);
            return { outline: [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' '), outlineShown: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)',
                     shadow: s.boxShadow, background: s.backgroundColor, border: [s.borderTopColor, s.borderBottomColor, s.borderBottomWidth, s.borderBottomStyle].join(' '),
                     underline: [s.textDecorationLine, s.textDecorationThickness, s.textDecorationColor].join(' ') };
        };
        const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '') + (e.name ? '[name=' + e.name + ']' : '');
        const result = {};
        const prev = window.__tabPrev;
        if (prev) {
            const now = look(prev.el);
            const f = prev.focused;
            const changed = [];
            if (now.outline !== f.outline && f.outlineShown) changed.push('outline ' + f.outline);
            if (now.shadow !== f.shadow && f.shadow !== 'none') changed.push('box-shadow ' + f.shadow);
            if (now.background !== f.background) changed.push('background ' + f.background);
            if (now.border !== f.border) changed.push('border ' + f.border);
            if (now.underline !== f.underline) changed.push('underline ' + f.underline);
            result.previous = { what: prev.what, indicator: changed.join('; ') };
        }
        const e = document.activeElement;
        if (!e || e === document.body || e === document.documentElement) { window.__tabPrev = null; result.current = null; return result; }
        if (e.hasAttribute('data-tab-seen')) { window.__tabPrev = null; result.current = { seen: true }; return result; }
        e.setAttribute('data-tab-seen', '');
        const r = e.getBoundingClientRect();
        window.__tabPrev = { el: e, focused: look(e), what: describe(e) };
        result.current = { what: describe(e), href: e.href || null, inNav: !!e.closest('nav'), search: e.matches('input[type=search], input[name=q]'),
                           shown: r.width > 0 && r.height > 0 };
        return result;
    }";

    [Theory]
    [MemberData(nameof(Cases.EveryPage), MemberType = typeof(Cases))]
    public async Task Tab_reaches_the_switcher_the_navigation_and_the_search_field_with_visible_focus(PageKind kind, string lang, string size)
    {
        await using var tab = await site.OpenAsync(Viewport.Named(size));
        await tab.GoAsync(kind, lang);
        var here = tab.CurrentPath;
        var ui = PageCatalog.LandingLanguage(kind, lang);
        var other = SitePaths.Other(ui);
        var suffix = kind == PageKind.NotFound ? "" : SitePaths.AfterLanguage(here, ui);
        var switchTargets = kind == PageKind.NotFound ? new[] { "/zh/", "/en/" } : [kind == PageKind.Article ? site.Catalog.SwitchPathOf(kind, lang) : $"/{other}/{suffix}"];
        var hasSearch = await tab.EvalAsync<bool>("() => !!document.querySelector('input[type=search], input[name=q]')");
        if (kind == PageKind.Search)
        {
            Assert.True(hasSearch, $"{here}: the search page has no search field");
        }

        var reached = new List<string>();
        var noIndicator = new List<string>();
        var switchersReached = new HashSet<string>(StringComparer.Ordinal);
        bool nav = false, search = false;
        for (var i = 0; i < MaxTabs; i++)
        {
            await tab.Page.Keyboard.PressAsync("Tab");
            var step = await tab.EvalAsync<JsonElement>(StepScript);
            CheckPrevious(step, noIndicator);
            if (step.GetProperty("current").ValueKind == JsonValueKind.Null)
            {
                if (reached.Count > 0)
                {
                    break;
                }

                continue;
            }

            var current = step.GetProperty("current");
            if (current.TryGetProperty("seen", out _))
            {
                // Round the page once: back at an element already focused.
                break;
            }

            var what = current.GetProperty("what").GetString()!;
            reached.Add(what);
            var href = current.GetProperty("href").GetString();
            var path = href is null ? null : SitePaths.LocalPath(href, site.Origin);
            switchersReached.UnionWith(switchTargets.Where(t => SitePaths.Same(path, t)));
            nav |= current.GetProperty("inNav").GetBoolean();
            search |= current.GetProperty("search").GetBoolean();
            Assert.True(current.GetProperty("shown").GetBoolean(), $"{here}: Tab focused {what}, which has no size on screen");
        }

        // The last element loses focus too, so its indicator is checked like the others.
        await tab.EvalAsync<bool>("() => { document.activeElement && document.activeElement.blur(); return true; }");
        CheckPrevious(await tab.EvalAsync<JsonElement>(StepScript), noIndicator);

        output.WriteLine($"{here}: Tab order ({reached.Count}): {string.Join(" → ", reached)}");
        var missed = switchTargets.Where(t => !switchersReached.Contains(t)).ToList();
        Assert.True(missed.Count == 0, $"{here}: Tab never reaches the language switcher link to {string.Join(" and ", missed)}");
        Assert.True(nav || kind == PageKind.NotFound, $"{here}: Tab never reaches the navigation");
        Assert.True(search || !hasSearch, $"{here}: Tab never reaches the search field");
        Assert.True(noIndicator.Count == 0, $"{here}: no visible focus indicator on {string.Join(", ", noIndicator)}");
        await tab.AssertCleanAsync();
    }

    private static void CheckPrevious(JsonElement step, List<string> noIndicator)
    {
        if (step.TryGetProperty("previous", out var previous) && previous.GetProperty("indicator").GetString() is "")
        {
            noIndicator.Add(previous.GetProperty("what").GetString()!);
        }
    }
}
