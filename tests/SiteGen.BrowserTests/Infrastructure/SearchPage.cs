using System.Text.Json;
using System.Text.RegularExpressions;
using PuppeteerSharp;

namespace SiteGen.BrowserTests.Infrastructure;

/// <summary>One result as the search page shows it.</summary>
public sealed record SearchResultView(string Id, string Path, string Title, string Outlet, string Date, int TitleMarks, int SnippetMarks, string Snippet, IReadOnlyList<string> EventPaths, int EventMarks);

/// <summary>The state of the search page: its status line, the results shown, the query in the address.</summary>
public sealed record SearchView(string Status, int? Count, IReadOnlyList<SearchResultView> Results, string? Query, int Page, bool HasNext, string Url)
{
    public IEnumerable<string> Ids => Results.Select(r => r.Id);
}

/// <summary>
/// Drives <c>/{lang}/search/</c> (partials/search.scriban + assets/search.js) through its semantics: the
/// form field <c>q</c>, the status line (<c>[data-search-status]</c>), the result list
/// (<c>[data-search-results]</c>), the pager and the filter selects.
/// </summary>
public static partial class SearchPage
{
    /// <summary>"No results" as search.js says it, per UI language.</summary>
    public static readonly IReadOnlyDictionary<string, Regex> NoResults = new Dictionary<string, Regex>
    {
        ["zh"] = new("^没有找到与“.*”相关的文章。$"),
        ["en"] = new("^No articles found for “.*”\\.$"),
    };

    private const string ReadScript = @"() => {
        const root = document.getElementById('search');
        const status = root.querySelector('[data-search-status]').textContent.trim();
        const results = Array.from(root.querySelectorAll('[data-search-results] > li')).map(li => {
            const a = li.querySelector('.search-result-title a') || li.querySelector('a');
            const path = a ? new URL(a.href).pathname : '';
            const snippet = li.querySelector('.search-result-snippet');
            const time = li.querySelector('time');
            return {
                path, title: a ? a.textContent : '',
                outlet: (li.querySelector('.search-result-outlet') || { textContent: '' }).textContent.trim(),
                date: time ? (time.getAttribute('datetime') || time.textContent) : '',
                titleMarks: a ? a.querySelectorAll('mark').length : 0,
                snippetMarks: snippet ? snippet.querySelectorAll('mark').length : 0,
                snippet: snippet ? snippet.textContent : '',
                events: Array.from(li.querySelectorAll('.search-result-event')).map(e => new URL(e.href).pathname),
                eventMarks: li.querySelectorAll('.search-result-event mark').length,
            };
        });
        const buttons = root.querySelectorAll('[data-search-pager] button');
        const next = buttons.length ? buttons[buttons.length - 1] : null;
        const p = new URLSearchParams(location.search);
        return { status, results, q: p.get('q'), page: parseInt(p.get('page') || '1', 10), hasNext: !!next && !next.disabled, url: location.pathname + location.search };
    }";

    // Settled: the address holds the query (and page), and the page shows results, "no results" or a failure.
    private const string SettledScript = @"(q, page, none, failed) => {
        const root = document.getElementById('search');
        if (!root) return false;
        const p = new URLSearchParams(location.search);
        if ((p.get('q') || '') !== q || parseInt(p.get('page') || '1', 10) !== page) return false;
        const status = root.querySelector('[data-search-status]').textContent.trim();
        return root.querySelectorAll('[data-search-results] > li').length > 0 || new RegExp(none).test(status) || status === failed;
    }";

    private static readonly Dictionary<string, string> Failed = new Dictionary<string, string>
    {
        ["zh"] = "无法加载搜索索引。",
        ["en"] = "The search index could not be loaded.",
    };

    public static string PathOf(string lang, string query, params (string Key, string Value)[] more)
    {
        var parts = new List<string> { "q=" + Uri.EscapeDataString(query) };
        parts.AddRange(more.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return $"/{lang}/search/?{string.Join('&', parts)}";
    }

    /// <summary>Opens the search page for a query (as a shared link would) and waits for its answer.</summary>
    public static async Task<SearchView> OpenAsync(BrowserPage tab, string lang, string query, params (string Key, string Value)[] more)
    {
        var response = await tab.GoAsync(PathOf(lang, query, more));
        Assert.Equal(200, (int)response.Status);
        return await SettleAsync(tab, lang, query);
    }

    /// <summary>Waits until the page answers <paramref name="query"/> (page <paramref name="page"/>) and reads it.</summary>
    public static async Task<SearchView> SettleAsync(BrowserPage tab, string lang, string query, int page = 1)
    {
        try
        {
            await tab.Page.WaitForFunctionAsync(SettledScript, new WaitForFunctionOptions { Timeout = 30_000, PollingInterval = 10 }, query, page, NoResults[lang].ToString(), Failed[lang]);
        }
        catch (WaitTaskTimeoutException)
        {
            var now = await ReadAsync(tab);
            Assert.Fail($"{now.Url}: no answer to “{query}” (page {page}) within 30 s; status “{now.Status}”, {now.Results.Count} results shown");
        }

        var view = await ReadAsync(tab);
        Assert.True(view.Status != Failed[lang], $"{view.Url}: {view.Status}");
        return view;
    }

    public static async Task<SearchView> ReadAsync(BrowserPage tab)
    {
        var raw = await tab.EvalAsync<JsonElement>(ReadScript);
        var status = raw.GetProperty("status").GetString()!;
        var results = raw.GetProperty("results").EnumerateArray().Select(r =>
        {
            var path = r.GetProperty("path").GetString()!;
            return new SearchResultView(
                ArticleId(path), path, r.GetProperty("title").GetString()!, r.GetProperty("outlet").GetString()!, r.GetProperty("date").GetString()!,
                r.GetProperty("titleMarks").GetInt32(), r.GetProperty("snippetMarks").GetInt32(), r.GetProperty("snippet").GetString()!,
                [.. r.GetProperty("events").EnumerateArray().Select(e => e.GetString()!)], r.GetProperty("eventMarks").GetInt32());
        }).ToList();
        var count = Count().Match(status) is { Success: true } m ? int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        return new SearchView(status, results.Count > 0 ? count : null, results, raw.GetProperty("q").GetString(), raw.GetProperty("page").GetInt32(),
            raw.GetProperty("hasNext").GetBoolean(), raw.GetProperty("url").GetString()!);
    }

    /// <summary>Every result of the current query, page after page (clicking the pager's next button).</summary>
    public static async Task<List<SearchResultView>> AllResultsAsync(BrowserPage tab, string lang, SearchView first)
    {
        var all = new List<SearchResultView>(first.Results);
        var view = first;
        for (var guard = 0; view.HasNext && guard < 100; guard++)
        {
            var next = await tab.Page.QuerySelectorAllAsync("[data-search-pager] button");
            await next[^1].ClickAsync();
            view = await SettleAsync(tab, lang, first.Query ?? "", view.Page + 1);
            all.AddRange(view.Results);
        }

        return all;
    }

    /// <summary>The article id of a result link: <c>/zh/articles/voachinese-6426608/</c> → <c>voachinese-6426608</c>.</summary>
    public static string ArticleId(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts[^2] == "articles" ? Uri.UnescapeDataString(parts[^1]) : path;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Count();
}
