using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using SiteGen.Publishing;
using SiteGen.Serving;
using Xunit.Abstractions;

namespace SiteGen.Tests.Serving;

/// <summary>A live preview of a temporary copy of the fixture site (and theme) on a real Kestrel, on a free loopback port.</summary>
public sealed class LivePreview : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Name, JsonElement Data)> _events = Channel.CreateUnbounded<(string, JsonElement)>();
    private Stream? _stream;

    private LivePreview(string content, string themes, LiveSite site, PreviewServer server)
    {
        Content = content;
        Themes = themes;
        Site = site;
        Server = server;
        Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Content { get; }

    public string Themes { get; }

    public LiveSite Site { get; }

    public PreviewServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<LivePreview> StartAsync()
    {
        var content = SiteFixture.CopyContent();
        var themes = Path.Combine(Path.GetDirectoryName(content)!, "themes");
        foreach (var file in Directory.EnumerateFiles(SiteFixture.ThemesDir, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(themes, Path.GetRelativePath(SiteFixture.ThemesDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var site = new LiveSite(new BuildOptions(content, Path.Combine(Path.GetDirectoryName(content)!, "unused")) { ThemesDir = themes });
        var server = await PreviewServer.StartAsync(site, "127.0.0.1", 0);
        site.BaseUrl = server.Address.GetLeftPart(UriPartial.Authority) + "/";
        Assert.True(site.Rebuild().Result.Succeeded);
        site.StartWatching();
        var preview = new LivePreview(content, themes, site, server);
        await preview.ListenAsync();
        return preview;
    }

    public string File_(string relative) => Path.Combine(Content, relative);

    /// <summary>The next event of that name (others are skipped), within a generous time.</summary>
    public Task<JsonElement> NextAsync(string name, int seconds = 30) => NextOfAsync([name], seconds);

    /// <summary>
    /// The next event with one of these names (others are skipped), within a generous time. One reader for
    /// all the names: two readers of the one channel would each skip, and so lose, the other's event.
    /// </summary>
    public async Task<JsonElement> NextOfAsync(string[] names, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            var (n, data) = await _events.Reader.ReadAsync(timeout.Token);
            if (names.Contains(n))
            {
                return data;
            }
        }
    }

    /// <summary>True when no event arrives within the time.</summary>
    public async Task<bool> QuietAsync(int milliseconds)
    {
        using var timeout = new CancellationTokenSource(milliseconds);
        try
        {
            await _events.Reader.ReadAsync(timeout.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public async Task<string> TextAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>Sends a request line exactly as written (HttpClient would normalize dot segments) and returns the status code.</summary>
    public async Task<int> RawStatusAsync(string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Server.Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync() ?? "";
        return int.Parse(status.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Http.Dispose();
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        await Server.DisposeAsync();
        Site.Dispose();
        _stop.Dispose();
    }

    private async Task ListenAsync()
    {
        var client = new HttpClient { BaseAddress = Server.Address, Timeout = Timeout.InfiniteTimeSpan };
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("__sitegen/events", UriKind.Relative));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        _stream = await response.Content.ReadAsStreamAsync(_stop.Token);
        var reader = new StreamReader(_stream, Encoding.UTF8);
        _ = Task.Run(async () =>
        {
            string? name = null;
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                    {
                        name = line[7..];
                    }
                    else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
                    {
                        _events.Writer.TryWrite((name, JsonDocument.Parse(line[6..]).RootElement.Clone()));
                        name = null;
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
            }
            finally
            {
                client.Dispose();
            }
        });
        await NextAsync("hello");
    }
}

public class PreviewServerTests(ITestOutputHelper output)
{
    private const string Article = "articles/epochtimes/2022/n13900001.md";
    private const string ArticlePage = "zh/articles/epochtimes-n13900001/";

    [Fact]
    public async Task Before_the_first_build_a_page_says_it_is_building_not_that_the_build_failed()
    {
        // `sitegen serve` listens before its first build (a busy port is reported at once); a browser
        // opened early must not be told the site failed to build.
        using var site = new LiveSite(new BuildOptions(SiteFixture.ContentDir, Path.Combine(TestPaths.NewTempDir(), "unused")) { ThemesDir = SiteFixture.ThemesDir });
        await using var server = await PreviewServer.StartAsync(site, "127.0.0.1", 0);
        using var http = new HttpClient { BaseAddress = server.Address };
        var early = await http.GetAsync(new Uri("/zh/", UriKind.Relative));
        Assert.Equal(503, (int)early.StatusCode);
        var text = await early.Content.ReadAsStringAsync();
        Assert.Contains("Building the site", text, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be built", text, StringComparison.Ordinal);
        Assert.Contains("__sitegen/reload.js", text, StringComparison.Ordinal);
        site.BaseUrl = server.Address.GetLeftPart(UriPartial.Authority) + "/";
        Assert.True(site.Rebuild().Result.Succeeded);
        Assert.Equal(200, (int)(await http.GetAsync(new Uri("/zh/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_edited_article_sends_a_reload_and_the_new_text_is_served()
    {
        await using var preview = await LivePreview.StartAsync();
        Assert.DoesNotContain("新加的一句话", await preview.TextAsync(ArticlePage), StringComparison.Ordinal);

        File.AppendAllText(preview.File_(Article), "\n新加的一句话。\n");
        var reload = await preview.NextAsync("reload");

        Assert.Contains(reload.GetProperty("changed").EnumerateArray(), c => c.GetString() == ArticlePage + "index.html");
        Assert.Contains("新加的一句话", await preview.TextAsync(ArticlePage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reload_comes_before_the_search_files_which_follow_without_another_reload_and_the_served_site_equals_a_clean_build()
    {
        await using var preview = await LivePreview.StartAsync();
        await preview.Site.WhenSearchCurrent();
        File.AppendAllText(preview.File_(Article), "\nSearchableprobeword 新加的一句话。\n");
        var reload = await preview.NextAsync("reload");
        Assert.Contains("新加的一句话", await preview.TextAsync(ArticlePage), StringComparison.Ordinal);
        Assert.DoesNotContain(reload.GetProperty("changed").EnumerateArray(), c => c.GetString()!.StartsWith("search/", StringComparison.Ordinal));

        await preview.Site.WhenSearchCurrent();
        Assert.True(await preview.QuietAsync(300)); // the search files came without a reload
        var served = preview.Site.Site!;
        Assert.Equal(reload.GetProperty("version").GetInt32(), served.Version);
        var clean = new SiteGen.Publishing.Incremental.IncrementalSite().Build(preview.Site.Options with { BaseUrl = preview.Site.BaseUrl });
        Assert.True(clean.Result.Succeeded);
        Assert.Equal(clean.Site!.Files.Keys, served.Files.Keys);
        Assert.All(clean.Site.Files, kv => Assert.True(kv.Value.Bytes.AsSpan().SequenceEqual(served.Files[kv.Key].Bytes), kv.Key + " differs from a clean build"));
        Assert.Contains(served.Files.Keys, p => p.StartsWith("search/", StringComparison.Ordinal));
        foreach (var path in served.Files.Keys.Where(p => p.StartsWith("search/", StringComparison.Ordinal)).Take(5))
        {
            using var response = await preview.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(served.Files[path].Bytes, await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_deleted_article_404s_and_the_lists_drop_it()
    {
        await using var preview = await LivePreview.StartAsync();
        Assert.Equal(HttpStatusCode.OK, await preview.StatusAsync(ArticlePage));
        Assert.Contains("epochtimes-n13900001", await preview.TextAsync("zh/outlets/epochtimes/"), StringComparison.Ordinal);

        File.Delete(preview.File_(Article));
        var reload = await preview.NextAsync("reload");

        Assert.Contains(reload.GetProperty("removed").EnumerateArray(), c => c.GetString() == ArticlePage + "index.html");
        Assert.Equal(HttpStatusCode.NotFound, await preview.StatusAsync(ArticlePage));
        Assert.DoesNotContain("epochtimes-n13900001", await preview.TextAsync("zh/outlets/epochtimes/"), StringComparison.Ordinal);
        Assert.DoesNotContain("epochtimes-n13900001", await preview.TextAsync("zh/"), StringComparison.Ordinal);
        Assert.DoesNotContain("epochtimes-n13900001", await preview.TextAsync("zh/feed.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("epochtimes-n13900001", await preview.TextAsync("sitemap-1.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_front_matter_shows_an_overlay_with_file_and_line_keeps_the_last_site_and_recovers()
    {
        await using var preview = await LivePreview.StartAsync();
        var good = File.ReadAllText(preview.File_(Article));

        File.WriteAllText(preview.File_(Article), good.Replace("lang: zh-Hans", "lang: [zh-Hans", StringComparison.Ordinal));
        var failure = await preview.NextAsync("build-error");

        var error = failure.GetProperty("errors")[0];
        output.WriteLine(failure.ToString());
        Assert.Equal(Article, error.GetProperty("file").GetString());
        Assert.True(error.GetProperty("line").GetInt32() >= 4, failure.ToString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.OK, await preview.StatusAsync(ArticlePage)); // the last good site
        Assert.NotNull(preview.Site.Errors);

        File.WriteAllText(preview.File_(Article), good.Replace("会晤。", "会晤（已修正）。", StringComparison.Ordinal));
        await preview.NextAsync("reload");
        Assert.Null(preview.Site.Errors);
        Assert.Contains("已修正", await preview.TextAsync(ArticlePage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_error_names_the_template_file_and_line_and_a_new_connection_sees_it_at_once()
    {
        await using var preview = await LivePreview.StartAsync();
        var template = Path.Combine(preview.Themes, "default", "layouts", "article.scriban");
        var good = File.ReadAllText(template);
        File.WriteAllText(template, good + "\n{{ if }}\n");
        var failure = await preview.NextAsync("build-error");
        var error = failure.GetProperty("errors")[0];
        output.WriteLine(failure.ToString());
        Assert.EndsWith("layouts/article.scriban", error.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.True(error.GetProperty("line").GetInt32() > 1);

        // A page opened now gets the error as soon as it connects.
        var events = new List<string>();
        using (var subscription = preview.Site.Subscribe(e => events.Add(e.Name)))
        {
            Assert.Equal(["hello", "build-error"], events);
        }

        File.WriteAllText(template, good);
        await preview.NextOfAsync(["ok", "reload"]);
        Assert.Null(preview.Site.Errors);
    }

    [Theory]
    [InlineData("/../../../etc/passwd")]
    [InlineData("/zh/../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/zh/%2E%2E/%2E%2E/etc/passwd")]
    [InlineData("/zh%2f..%2f..%2fetc%2fpasswd")]
    [InlineData("/zh%5c..%5c..%5cetc%5cpasswd")]
    [InlineData("/zh/%252e%252e/%252e%252e/etc/passwd")]
    [InlineData("//etc/passwd")]
    [InlineData("/..%00/etc/passwd")]
    [InlineData("/zh\\..\\..\\etc\\passwd")]
    [InlineData("/C:/Windows/win.ini")]
    [InlineData("http://localhost/../../etc/passwd")]
    public async Task Requests_that_try_to_leave_the_site_get_404(string target)
    {
        await using var preview = await LivePreview.StartAsync();
        var status = await preview.RawStatusAsync(target);
        Assert.True(status is 404 or 400, $"{target} → {status}");
    }

    [Fact]
    public async Task ETag_gives_304_HEAD_has_no_body_and_types_carry_utf8()
    {
        await using var preview = await LivePreview.StartAsync();
        using var first = await preview.Http.GetAsync(new Uri("zh/", UriKind.Relative));
        Assert.Equal("text/html; charset=utf-8", first.Content.Headers.ContentType!.ToString());
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("zh/", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await preview.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var head = await preview.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("zh/", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(first.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        foreach (var (path, type) in new[] { ("zh/feed.xml", "application/atom+xml; charset=utf-8"), ("sitemap.xml", "application/xml; charset=utf-8"), ("robots.txt", "text/plain; charset=utf-8"), ("__sitegen/reload.js", "text/javascript; charset=utf-8") })
        {
            using var response = await preview.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.ToString());
        }

        var css = (await preview.TextAsync("zh/")).Split("href=\"/assets/site.css")[1].Split('"')[0];
        using var style = await preview.Http.GetAsync(new Uri("assets/site.css" + css, UriKind.Relative));
        Assert.Equal("text/css; charset=utf-8", style.Content.Headers.ContentType!.ToString());

        using var missing = await preview.Http.GetAsync(new Uri("zh/no/such/page/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var redirect = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = preview.Server.Address }.GetAsync(new Uri("zh", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/zh/", redirect.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_reload_script_is_served_pages_only_and_the_site_policy_allows_it_while_build_output_has_none()
    {
        await using var preview = await LivePreview.StartAsync();
        var served = await preview.TextAsync("zh/");
        Assert.Contains("<script src=\"/__sitegen/reload.js?v=", served, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", served, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", served, StringComparison.Ordinal);
        Assert.DoesNotContain("__sitegen", await preview.TextAsync("zh/feed.xml"), StringComparison.Ordinal);
        var script = await preview.TextAsync("__sitegen/reload.js");
        Assert.Contains("textContent", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);

        var outDir = Path.Combine(TestPaths.NewTempDir(), "public");
        Assert.True(SiteBuilder.Build(new BuildOptions(preview.Content, outDir) { ThemesDir = preview.Themes }).Succeeded);
        Assert.All(Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories), f => Assert.DoesNotContain("__sitegen", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("default-src 'self'; script-src 'none'; connect-src https://x.org", "default-src 'self'; script-src 'self'; connect-src https://x.org 'self'")]
    [InlineData("default-src 'none'; style-src 'self'", "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'")]
    [InlineData("default-src 'self'", "default-src 'self'")]
    public void Only_served_pages_get_a_policy_that_lets_the_reload_script_run(string policy, string served) =>
        Assert.Equal(served, PreviewServer.AllowSelf(policy));

    [Fact]
    public async Task Editor_save_patterns_rebuild_once_and_temporary_files_are_ignored()
    {
        await using var preview = await LivePreview.StartAsync();
        var dir = Path.GetDirectoryName(preview.File_(Article))!;

        // Temporary, swap and backup files alone never rebuild.
        File.WriteAllText(Path.Combine(dir, ".n13900001.md.swp"), "swap");
        File.WriteAllText(Path.Combine(dir, "n13900001.md~"), "backup");
        File.WriteAllText(Path.Combine(dir, ".#n13900001.md"), "lock");
        File.WriteAllText(Path.Combine(dir, "n13900001.md.tmp"), "temp");
        File.WriteAllText(Path.Combine(dir, "4913"), "vim probe");
        Assert.True(await preview.QuietAsync(600));

        // Atomic save: write a temporary file, rename it over the article. Several writes in a row: one rebuild.
        var text = File.ReadAllText(preview.File_(Article));
        var temp = Path.Combine(dir, ".n13900001.md.tmp123");
        File.WriteAllText(temp, text.Replace("会晤。", "会晤（原子保存）。", StringComparison.Ordinal));
        File.Move(temp, preview.File_(Article), overwrite: true);
        await preview.NextAsync("reload");
        Assert.Contains("原子保存", await preview.TextAsync(ArticlePage), StringComparison.Ordinal);

        using (var stream = new FileStream(preview.File_(Article), FileMode.Create))
        {
            foreach (var part in new[] { text[..40], text[40..], "\n多次写入。\n" })
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(part));
                await stream.FlushAsync();
                await Task.Delay(5);
            }
        }

        await preview.NextAsync("reload");
        Assert.True(await preview.QuietAsync(600), "one save, one reload");
        Assert.Contains("多次写入", await preview.TextAsync(ArticlePage), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b.md", false)]
    [InlineData("articles/x/.x.md.swp", true)]
    [InlineData("articles/x/x.md~", true)]
    [InlineData("articles/x/.#x.md", true)]
    [InlineData("articles/x/x.tmp", true)]
    [InlineData("articles/x/#x.md#", true)]
    [InlineData("sources/ab/cd.html", true)]
    [InlineData("layouts/partials/footer.scriban", false)]
    [InlineData("site.yml", false)]
    public void Temporary_files_are_recognised(string path, bool ignored) => Assert.Equal(ignored, LiveSite.IsIgnored(path));

    [Theory]
    [InlineData("/zh/", "zh/")]
    [InlineData("/en/tags/%E6%99%AE%E4%BA%AC/?x=1", "en/tags/普京/")]
    [InlineData("/", "")]
    [InlineData("/a/../b", null)]
    [InlineData("/a/./b", null)]
    [InlineData("/%2e%2e/x", null)]
    [InlineData("/a%2fb", null)]
    [InlineData("/a%5cb", null)]
    [InlineData("/a\\b", null)]
    [InlineData("//x", null)]
    [InlineData("/%252e%252e/x", null)]
    [InlineData("/...", null)]
    [InlineData("/%zz", "%zz")]
    [InlineData("x", null)]
    public void Site_paths_refuse_anything_that_could_leave_the_site(string raw, string? expected) =>
        Assert.Equal(expected, PreviewServer.SitePath(raw));
}
