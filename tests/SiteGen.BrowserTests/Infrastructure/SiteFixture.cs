using System.Diagnostics;
using System.Reflection;
using Deque.AxeCore.Commons;
using PuppeteerSharp;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SiteGen.BrowserTests.Infrastructure;

/// <summary>All browser tests share one site, one server and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<SiteFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// Builds (or finds) the site once, serves it on a free loopback port and starts one headless
/// Chromium for the whole run. Where the site comes from:
/// <list type="bullet">
/// <item><c>SITEGEN_SITE_DIR</c>: an already built site (its articles' Markdown in <c>SITEGEN_CONTENT_DIR</c>,
/// else the test archive);</item>
/// <item>else <c>sitegen build</c> of the test archive into a temporary folder.</item>
/// </list>
/// The test archive is <c>tests/fixtures/archive/</c>, a committed copy of the shipped <c>content/</c>
/// (scripts/refresh-test-archive.sh), so that a fork with its own <c>content/</c> passes the suite.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IMessageSink _sink;
    private readonly List<string> _tempDirs = [];
    private StaticSiteServer? _server;
    private IBrowser? _browser;
    private string? _axeScript;

    public SiteFixture(IMessageSink sink)
    {
        _sink = sink;
        RepoRoot = FindRepoRoot();
        ScreenshotDir = Environment.GetEnvironmentVariable("SITEGEN_SCREENSHOTS_DIR") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
    }

    public string RepoRoot { get; }

    /// <summary>The archive the site is built from: tests/fixtures/archive/, not the repository's content/.</summary>
    public string ArchiveDir => Path.Combine(RepoRoot, "tests", "fixtures", "archive");

    public string SiteDir { get; private set; } = "";

    /// <summary>Where the site came from: build or SITEGEN_SITE_DIR.</summary>
    public string SiteSource { get; private set; } = "";

    public ContentArticles Content { get; private set; } = null!;

    public string Origin => Server.Origin;

    public StaticSiteServer Server => _server ?? throw new InvalidOperationException("the fixture is not initialized");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the fixture is not initialized");

    public PageCatalog Catalog { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string ScreenshotDir { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<int>> _statuses = new(StringComparer.Ordinal);

    /// <summary>The HTTP status of a local path (fetched once per run; redirects followed).</summary>
    public Task<int> StatusOfAsync(string path) => _statuses.GetOrAdd(path, async p =>
    {
        using var response = await Http.GetAsync(new Uri(p, UriKind.Relative));
        return (int)response.StatusCode;
    });

    /// <summary>Font families installed with Chinese coverage (<c>fc-list :lang=zh</c>) plus well-known CJK names.</summary>
    public IReadOnlySet<string> CjkFamilies { get; private set; } = new HashSet<string>();

    /// <summary>axe-core's script, bundled in Deque.AxeCore.Commons.</summary>
    public string AxeScript => _axeScript ??= new BundledAxeScriptProvider().GetScript();

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        var siteDir = Environment.GetEnvironmentVariable("SITEGEN_SITE_DIR");
        if (siteDir is { Length: > 0 })
        {
            SiteSource = "SITEGEN_SITE_DIR";
            SiteDir = Path.GetFullPath(siteDir);
            Content = new ContentArticles(Environment.GetEnvironmentVariable("SITEGEN_CONTENT_DIR") is { Length: > 0 } c ? Path.GetFullPath(c) : ArchiveDir);
            _server = new StaticSiteServer(SiteDir);
        }
        else
        {
            SiteSource = "build";
            SiteDir = NewTempDir("sitegen-browser-site-");
            Content = new ContentArticles(ArchiveDir);
            // The port is known before the build, so canonical and hreflang addresses point at the server.
            _server = new StaticSiteServer(SiteDir);
            await BuildSiteAsync(SiteDir, $"{_server.Origin}/");
        }

        Http = new HttpClient { BaseAddress = new Uri(_server.Origin), Timeout = TimeSpan.FromSeconds(60) };
        Catalog = await PageCatalog.DiscoverAsync(Http, Content.PathOf);
        CjkFamilies = await FindCjkFamiliesAsync();
        Directory.CreateDirectory(ScreenshotDir);

        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"no Chromium at {executable}: install Debian's chromium (apt-get install chromium fonts-wqy-microhei) or set CHROMIUM_PATH");
        }

        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumArgs,
            UserDataDir = NewTempDir("sitegen-chromium-"),
            DefaultViewport = null,
            Timeout = 120_000,
            ProtocolTimeout = 180_000,
        });

        Log($"browser tests: site from {SiteSource} ({SiteDir}) served at {_server.Origin}; {await _browser.GetVersionAsync()}; ready in {clock.Elapsed.TotalSeconds:F1} s");
        Log($"browser tests: pages {Catalog}; article {Catalog.ArticleId}");
        Log($"browser tests: screenshots in {ScreenshotDir}");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser.Dispose();
        }

        Http?.Dispose();
        _server?.Dispose();
        foreach (var dir in _tempDirs)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be writing its profile; the folder is in the temp area anyway.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>A new tab with the window size, JavaScript on or off, and request checks in place.</summary>
    public Task<BrowserPage> OpenAsync(Viewport viewport, bool javaScript = true) => BrowserPage.CreateAsync(this, viewport, javaScript);

    public void Log(string message) => _sink.OnMessage(new DiagnosticMessage(message));

    private string NewTempDir(string prefix)
    {
        var dir = Directory.CreateTempSubdirectory(prefix).FullName;
        _tempDirs.Add(dir);
        return dir;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SiteGen.sln not found above " + AppContext.BaseDirectory);
    }

    private string CliPath()
    {
        var configuration = typeof(SiteFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";
        return Path.Combine(RepoRoot, "src", "SiteGen.Cli", "bin", configuration, "net10.0", "sitegen.dll");
    }

    private async Task BuildSiteAsync(string outDir, string baseUrl)
    {
        var clock = Stopwatch.StartNew();
        var (code, output) = await RunAsync("dotnet", [CliPath(), "build", "--content", ArchiveDir, "--out", outDir, "--base-url", baseUrl], TimeSpan.FromMinutes(6));
        if (code != 0)
        {
            throw new InvalidOperationException($"sitegen build failed with exit code {code}:\n{output}");
        }

        Log($"browser tests: built the site in {clock.Elapsed.TotalSeconds:F1} s: {output.Trim().Split('\n')[^1]}");
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["CI"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<IReadOnlySet<string>> FindCjkFamiliesAsync()
    {
        var families = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Serif CJK SC", "Noto Sans SC",
            "Source Han Sans SC", "Droid Sans Fallback", "AR PL UMing CN", "AR PL UKai CN", "PingFang SC",
            "Hiragino Sans GB", "Microsoft YaHei", "SimSun", "SimHei",
        };
        try
        {
            var (code, output) = await RunAsync("fc-list", [":lang=zh", "family"], TimeSpan.FromSeconds(30));
            if (code == 0)
            {
                foreach (var name in output.Split('\n').SelectMany(l => l.Split(',')).Select(n => n.Trim()).Where(n => n.Length > 0))
                {
                    families.Add(name);
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No fontconfig tools: the well-known names remain.
        }

        return families;
    }
}
