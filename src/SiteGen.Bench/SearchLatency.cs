using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using PuppeteerSharp;
using SiteGen.Search;

namespace SiteGen.Bench;

/// <summary>
/// The search figures issue 7 asks for, on a built N-article site: the index's size and shard count,
/// what a first query transfers (modelled with <see cref="SearchIndexReader"/>: manifest, keys.bin, norms.bin, the
/// fold table for a non-ASCII query, the query's shards and the doc chunks of the first 10 results),
/// and — in headless Chromium, the site served from a loopback port — how long after the last keystroke
/// the first result is in the page, for a first (cold) query and for later (warm) ones.
/// </summary>
public static class SearchLatency
{
    /// <summary>Typical first queries on the generated archive: two Chinese words, and an English word.</summary>
    public static readonly string[] TransferQueries = ["俄罗斯 峰会", "中国 经济", "summit"];

    /// <summary>Cold: one per fresh page (cache off); warm: typed one after another in the same page.</summary>
    public static readonly string[] ColdQueries = ["俄罗斯 峰会", "summit", "中国 经济"];

    public static readonly string[] WarmQueries = ["乌克兰 谈判", "election", "北京 会谈", "trade", "美国 制裁", "energy"];

    /// <summary>Index size, shards and first-query transfer (no browser).</summary>
    public static string IndexFigures(string siteDir)
    {
        var dir = Path.Combine(siteDir, "search");
        if (!File.Exists(Path.Combine(dir, "index.json")))
        {
            return "search: no index in the built site";
        }

        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
        var first = SearchIndexReader.Open(dir);
        var fold = new FileInfo(Path.Combine(dir, "fold.json")).Length;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"search index: {files.Sum() / 1048576.0:F1} MB in {files.Count:N0} files, {first.ShardCount:N0} shards, {first.Documents:N0} documents; first-query transfer (manifest + keys + norms + fold table if non-ASCII + shards + doc chunks of the first 10 results):");
        foreach (var q in TransferQueries)
        {
            var reader = SearchIndexReader.Open(dir);
            var hits = reader.Search(q);
            foreach (var hit in hits.Take(10))
            {
                reader.Doc(hit.Doc);
            }

            var ascii = q.All(char.IsAscii);
            sb.Append(CultureInfo.InvariantCulture, $" '{q}' {(reader.BytesRead + (ascii ? 0 : fold)) / 1024.0:F0} KB ({reader.FilesRead.Count + (ascii ? 0 : 1)} files, {hits.Count:N0} hits);");
        }

        return sb.ToString().TrimEnd(';');
    }

    /// <summary>Results-after-typing in headless Chromium; a line saying why when it cannot run.</summary>
    public static async Task<string> BrowserFiguresAsync(string siteDir, TextWriter log)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            return $"search in the browser: skipped, no Chromium at {chromium} (apt-get install chromium, or set CHROMIUM_PATH)";
        }

        await using var server = await StaticServer.StartAsync(siteDir);
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            UserDataDir = Directory.CreateTempSubdirectory("sitegen-bench-chromium-").FullName,
            Timeout = 120_000,
            ProtocolTimeout = 180_000,
        });
        try
        {
            var cold = new List<double>();
            var warm = new List<double>();
            var transfers = new List<string>();
            foreach (var query in ColdQueries)
            {
                await using var page = await browser.NewPageAsync();
                await page.SetCacheEnabledAsync(false);
                await OpenAsync(page, server.Origin);
                cold.Add(await TypeAsync(page, query));
                var bytes = await page.EvaluateFunctionAsync<double>("() => performance.getEntriesByType('resource').filter(r => new URL(r.name).pathname.startsWith('/search/')).reduce((s, r) => s + r.transferSize, 0)");
                transfers.Add($"'{query}' {bytes / 1024:F0} KB");
                if (query == ColdQueries[0])
                {
                    foreach (var next in WarmQueries)
                    {
                        await ClearAsync(page);
                        warm.Add(await TypeAsync(page, next));
                    }
                }
            }

            log.WriteLine($"  search in Chromium: cold {string.Join(", ", cold.Select(Ms))}; warm {string.Join(", ", warm.Select(Ms))}");
            return $"search in the browser ({await browser.GetVersionAsync()}, /zh/search/, last keystroke → first result in the list; search.js waits 40 ms after a Latin letter, not after Chinese): "
                + $"first query (cold, cache off) median {Ms(Median(cold))} of {cold.Count}, later queries (warm) median {Ms(Median(warm))} of {warm.Count}; "
                + $"bytes under /search/ on the wire for page + first query: {string.Join(", ", transfers)}";
        }
        finally
        {
            await browser.CloseAsync();
        }
    }

    private static string Ms(double ms) => $"{ms:F0} ms";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task OpenAsync(IPage page, string origin)
    {
        await page.GoToAsync($"{origin}/zh/search/", new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 60_000 });

        // The filters appear once the manifest, keys.bin and norms.bin are read: the index is ready for typing.
        await page.WaitForSelectorAsync("[data-search-filters]:not([hidden]) select", new WaitForSelectorOptions { Timeout = 60_000 });
        await page.EvaluateFunctionAsync<bool>(@"() => {
            const list = document.querySelector('[data-search-results]');
            window.__lat = { input: 0, want: null, dom: 0 };
            document.addEventListener('input', () => { __lat.input = performance.now(); __lat.dom = 0; }, true);
            new MutationObserver(() => {
                const q = new URLSearchParams(location.search).get('q');
                if (__lat.dom || !__lat.want || q !== __lat.want || !list.querySelector('li')) return;
                __lat.dom = performance.now();
            }).observe(list, { childList: true });
            return true;
        }");
    }

    /// <summary>Types a query (Chinese as one committed string, as an input method sends it) and returns ms from the last input event to the first result.</summary>
    private static async Task<double> TypeAsync(IPage page, string query)
    {
        await page.EvaluateFunctionAsync<bool>("(q) => { __lat.want = q; __lat.dom = 0; return true; }", query);
        await page.FocusAsync("input[name=q]");
        if (query.All(char.IsAscii))
        {
            await page.Keyboard.TypeAsync(query);
        }
        else
        {
            await page.Keyboard.SendCharacterAsync(query);
        }

        await page.WaitForFunctionAsync("() => __lat.dom > 0", new WaitForFunctionOptions { Timeout = 30_000 });
        return await page.EvaluateFunctionAsync<double>("() => __lat.dom - __lat.input");
    }

    private static async Task ClearAsync(IPage page)
    {
        await page.FocusAsync("input[name=q]");
        await page.Keyboard.DownAsync("Control");
        await page.Keyboard.PressAsync("a");
        await page.Keyboard.UpAsync("Control");
        await page.Keyboard.PressAsync("Backspace");
        await page.WaitForFunctionAsync("() => !document.querySelector('[data-search-results] li')", new WaitForFunctionOptions { Timeout = 30_000 });
    }

    /// <summary>The built site as static files on a free loopback port (Kestrel, as the preview server uses).</summary>
    private sealed class StaticServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private StaticServer(WebApplication app, string origin)
        {
            _app = app;
            Origin = origin;
        }

        public string Origin { get; }

        public static async Task<StaticServer> StartAsync(string root)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetFullPath(root) });
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var files = new PhysicalFileProvider(Path.GetFullPath(root));
            var types = new FileExtensionContentTypeProvider();
            types.Mappings[".bin"] = "application/octet-stream";
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new StaticServer(app, address.TrimEnd('/'));
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
