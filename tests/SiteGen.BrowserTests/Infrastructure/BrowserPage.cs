using System.Collections.Concurrent;
using System.Text;
using PuppeteerSharp;

namespace SiteGen.BrowserTests.Infrastructure;

/// <summary>
/// One browser tab on the test site. Every request whose host is not the local server is blocked
/// (aborted before it leaves) and recorded: images are counted and must be article images, anything
/// else is a third-party request and fails <see cref="AssertCleanAsync"/>, as do console errors, page
/// errors and failed local requests.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly SiteFixture _site;
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _failedRequests = new();
    private readonly ConcurrentQueue<string> _thirdParty = new();
    private readonly ConcurrentQueue<string> _blockedImages = new();
    private readonly HashSet<string> _articleImages = new(StringComparer.Ordinal);
    private string? _expectedMissing;

    private BrowserPage(SiteFixture site, IPage page, Viewport viewport, bool javaScript)
    {
        _site = site;
        Page = page;
        Viewport = viewport;
        JavaScript = javaScript;
    }

    public IPage Page { get; }

    public Viewport Viewport { get; }

    public bool JavaScript { get; }

    /// <summary>Blocked third-party image requests (article images), over the tab's life.</summary>
    public IReadOnlyCollection<string> BlockedImages => _blockedImages;

    /// <summary>The current address's path (percent-encoded), e.g. <c>/zh/tags/%E6%99%AE%E4%BA%AC/</c>.</summary>
    public string CurrentPath => new Uri(Page.Url).AbsolutePath;

    public static async Task<BrowserPage> CreateAsync(SiteFixture site, Viewport viewport, bool javaScript)
    {
        var page = await site.Browser.NewPageAsync();
        page.DefaultNavigationTimeout = 90_000;
        page.DefaultTimeout = 90_000;
        var tab = new BrowserPage(site, page, viewport, javaScript);
        await page.SetViewportAsync(new ViewPortOptions
        {
            Width = viewport.Width,
            Height = viewport.Height,
            DeviceScaleFactor = 1,
            IsMobile = viewport.Mobile,
            HasTouch = viewport.Mobile,
        });
        await page.SetJavaScriptEnabledAsync(javaScript);
        await page.SetRequestInterceptionAsync(true);
        page.Request += tab.OnRequest;
        page.RequestFailed += tab.OnRequestFailed;
        page.Response += tab.OnResponse;
        page.Console += tab.OnConsole;
        page.PageError += (_, e) => tab._consoleErrors.Enqueue("page error: " + e.Message);
        return tab;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Page.CloseAsync();
        }
        catch (PuppeteerException)
        {
            // The tab is gone already.
        }

        Page.Dispose();
    }

    /// <summary>
    /// Opens a site path and waits for the load event. <paramref name="expectMissing"/> marks a path that
    /// must answer 404, so its own 404 is not counted as a failed request.
    /// </summary>
    public async Task<IResponse> GoAsync(string path, bool expectMissing = false)
    {
        await NoteArticleImagesAsync();
        var url = _site.Origin + path;
        _expectedMissing = expectMissing ? url : null;
        var response = await Page.GoToAsync(url, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        return response ?? throw new InvalidOperationException($"no response for {path}");
    }

    /// <summary>Opens a page kind; the root follows its meta refresh to /zh/ (with or without JavaScript).</summary>
    public async Task<IResponse> GoAsync(PageKind kind, string lang)
    {
        var response = await GoAsync(_site.Catalog.PathOf(kind, lang), kind == PageKind.NotFound);
        if (kind == PageKind.Root && CurrentPath != "/zh/")
        {
            var next = await Page.WaitForNavigationAsync(new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 30_000 });
            response = next ?? response;
        }

        return response;
    }

    /// <summary>Clicks an element that navigates and waits for the new page's load event.</summary>
    public async Task<IResponse?> ClickAndWaitAsync(IElementHandle element)
    {
        await NoteArticleImagesAsync();
        var navigation = Page.WaitForNavigationAsync(new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        await element.EvaluateFunctionAsync("e => e.scrollIntoView({block: 'center'})");
        await element.ClickAsync();
        return await navigation;
    }

    public Task<T> EvalAsync<T>(string function, params object[] args) => Page.EvaluateFunctionAsync<T>(function, args);

    /// <summary>Fails with every console error, failed local request and third-party request seen.</summary>
    public async Task AssertCleanAsync()
    {
        var problems = new StringBuilder();
        foreach (var e in _consoleErrors)
        {
            problems.AppendLine("console error: " + e);
        }

        foreach (var f in _failedRequests)
        {
            problems.AppendLine("failed request: " + f);
        }

        foreach (var t in _thirdParty)
        {
            problems.AppendLine("third-party request: " + t);
        }

        if (!_blockedImages.IsEmpty)
        {
            // Blocked images must be the article's own (its lead image or body images), not trackers.
            await NoteArticleImagesAsync();
            foreach (var image in _blockedImages.Distinct(StringComparer.Ordinal).Where(i => !_articleImages.Contains(i)))
            {
                problems.AppendLine("third-party image that is not an article image: " + image);
            }
        }

        Assert.True(problems.Length == 0, $"{CurrentPath} ({Viewport.Name}, JavaScript {(JavaScript ? "on" : "off")}):\n{problems}");
    }

    /// <summary>Remembers the images of the current page's article (main content), before the page goes away.</summary>
    private async Task NoteArticleImagesAsync()
    {
        if (!Page.Url.StartsWith(_site.Origin, StringComparison.Ordinal))
        {
            return;
        }

        var images = await EvalAsync<string[]>(@"() => Array.from(document.querySelectorAll('main img, article img, main source'))
            .flatMap(i => [i.currentSrc, i.src, ...(i.srcset || '').split(',').map(s => s.trim().split(/\s+/)[0]).filter(s => s).map(s => new URL(s, location.href).href)])
            .filter(s => s)");
        _articleImages.UnionWith(images);
    }

    private bool IsLocal(string url) => url.StartsWith(_site.Origin + "/", StringComparison.Ordinal) || url == _site.Origin;

    private async void OnRequest(object? sender, RequestEventArgs e)
    {
        var request = e.Request;
        try
        {
            if (IsLocal(request.Url) || request.Url.StartsWith("data:", StringComparison.Ordinal) || request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                await request.ContinueAsync();
                return;
            }

            if (request.ResourceType is ResourceType.Image or ResourceType.Img or ResourceType.ImageSet)
            {
                _blockedImages.Enqueue(request.Url);
            }
            else
            {
                _thirdParty.Enqueue($"{request.ResourceType} {request.Url}");
            }

            await request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
        }
        catch (PuppeteerException)
        {
            // The tab closed or navigated while the request was pending.
        }
    }

    private void OnRequestFailed(object? sender, RequestEventArgs e)
    {
        if (IsLocal(e.Request.Url))
        {
            _failedRequests.Enqueue($"{e.Request.Url} {e.Request.FailureText}");
        }
    }

    private void OnResponse(object? sender, ResponseCreatedEventArgs e)
    {
        var response = e.Response;
        if (IsLocal(response.Url) && (int)response.Status >= 400 && response.Url != _expectedMissing)
        {
            _failedRequests.Enqueue($"{response.Url} status {(int)response.Status}");
        }
    }

    private void OnConsole(object? sender, ConsoleEventArgs e)
    {
        if (e.Message.Type != ConsoleType.Error)
        {
            return;
        }

        // The 404 page's own status shows as "Failed to load resource" for its address, and every request
        // the test blocks as one for the blocked address: both expected.
        var source = e.Message.Location?.URL;
        if ((_expectedMissing is not null && source == _expectedMissing) || (source is not null && !IsLocal(source) && e.Message.Text.Contains("ERR_BLOCKED_BY_CLIENT", StringComparison.Ordinal)))
        {
            return;
        }

        _consoleErrors.Enqueue($"{e.Message.Text} ({e.Message.Location?.URL}:{e.Message.Location?.LineNumber})");
    }
}
