using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SiteGen.Publishing.Incremental;

namespace SiteGen.Serving;

/// <summary>
/// The preview web server (Kestrel on the generic host): serves the <see cref="LiveSite"/>'s last good
/// build from memory, as GitHub Pages would (<c>dir/</c> → <c>dir/index.html</c>, <c>dir</c> →
/// redirect, the site's <c>404.html</c> with status 404), with content types and charset, strong
/// <c>ETag</c>s and <c>304</c>, <c>HEAD</c>. Only when serving, HTML responses get a
/// <c>&lt;script src="/__sitegen/reload.js"&gt;</c> (an external file, allowed by the site's own
/// <c>script-src 'self'</c>) that listens on <c>/__sitegen/events</c>. Paths are resolved only
/// against the in-memory site, and any path with dot segments, encoded slashes or backslashes,
/// NUL or an absolute form is refused with 404 before that.
/// </summary>
public sealed partial class PreviewServer : IAsyncDisposable
{
    public const string Prefix = "/__sitegen/";
    private static readonly FileExtensionContentTypeProvider Types = new();
    private static readonly UTF8Encoding Utf8NoBom = new(false);
    private readonly WebApplication _app;
    private readonly LiveSite _site;

    private PreviewServer(WebApplication app, LiveSite site, Uri address)
    {
        _app = app;
        _site = site;
        Address = address;
    }

    /// <summary>The address the server listens on (with the port it got, when asked for port 0).</summary>
    public Uri Address { get; }

    /// <summary>Completes when the host begins to stop (Ctrl+C, SIGTERM, or <see cref="DisposeAsync"/>).</summary>
    public Task Stopping
    {
        get
        {
            var stopping = new TaskCompletionSource();
            _app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
            return stopping.Task;
        }
    }

    /// <summary>
    /// Starts listening. Throws <see cref="IOException"/> when the port is in use. With
    /// <paramref name="handleSignals"/>, Ctrl+C and SIGTERM stop the host (the CLI); tests leave it off.
    /// </summary>
    public static async Task<PreviewServer> StartAsync(LiveSite site, string host, int port, bool handleSignals = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        if (!handleSignals)
        {
            builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        }

        builder.WebHost.UseUrls($"http://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}");
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        var app = builder.Build();
        PreviewServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new PreviewServer(app, site, new Uri(bound.Replace("://[::]:", "://localhost:", StringComparison.Ordinal).Replace("://0.0.0.0:", "://localhost:", StringComparison.Ordinal)));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var path = SitePath(raw);
        if (path == "__sitegen/events")
        {
            await EventsAsync(context).ConfigureAwait(false);
            return;
        }

        if (path == "__sitegen/reload.js")
        {
            await SendAsync(context, 200, "text/javascript; charset=utf-8", Utf8NoBom.GetBytes(ReloadScript.Text), "\"reload-" + ReloadScript.Digest + "\"").ConfigureAwait(false);
            return;
        }

        var site = _site.Site;
        if (site is null)
        {
            // No good build yet: either the first one is still running (the server listens before it, to
            // report a busy port at once) or it failed. The page reloads itself when a build succeeds.
            var page = _site.Errors is { Count: > 0 } errors ? FailurePage(errors) : BuildingPage;
            await SendAsync(context, 503, "text/html; charset=utf-8", Utf8NoBom.GetBytes(Inject(page, 0)), null).ConfigureAwait(false);
            return;
        }

        var basePath = site.Urls.BasePath;
        if (path is not null && basePath != "/")
        {
            // The site lives under its base path (a GitHub project site): /repo/… is the site, / leads there.
            var full = "/" + path;
            if (path.Length == 0 || full == basePath.TrimEnd('/'))
            {
                response.StatusCode = StatusCodes.Status302Found;
                response.Headers.Location = basePath;
                return;
            }

            path = full.StartsWith(basePath, StringComparison.Ordinal) ? full[basePath.Length..] : null;
        }

        if (path is not null)
        {
            var key = path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
            if (site.Files.TryGetValue(key, out var file))
            {
                await SendFileAsync(context, file, site.Version, 200).ConfigureAwait(false);
                return;
            }

            if (!path.EndsWith('/') && path.Length > 0 && site.Files.ContainsKey(path + "/index.html"))
            {
                response.StatusCode = StatusCodes.Status301MovedPermanently;
                response.Headers.Location = basePath + Link.Slugs.EncodePath(path) + "/" + request.QueryString;
                return;
            }
        }

        if (site.Files.TryGetValue("404.html", out var notFound))
        {
            await SendFileAsync(context, notFound, site.Version, 404).ConfigureAwait(false);
        }
        else
        {
            response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary>
    /// The site path a request target names (decoded, without the leading slash or the query), or null
    /// when it must not be served: not origin-form, dot segments, encoded slashes or backslashes, NUL or
    /// control characters, bad percent-encoding, an empty segment (<c>//etc</c>).
    /// </summary>
    public static string? SitePath(string rawTarget)
    {
        var cut = rawTarget.IndexOfAny(['?', '#']);
        var raw = cut >= 0 ? rawTarget[..cut] : rawTarget;
        if (!raw.StartsWith('/') || raw.Contains('\\', StringComparison.Ordinal) || EncodedSeparator().IsMatch(raw))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(raw);
        }
        catch (UriFormatException)
        {
            return null;
        }

        if (decoded.Contains('%', StringComparison.Ordinal) && PercentEscape().IsMatch(decoded))
        {
            return null; // encoded twice: nothing in the site is named like that
        }

        if (decoded.Any(c => c < 0x20 || c == 0x7f || c == '\\') || decoded.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var segments = decoded[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s is "." or ".." || (s.Length == 0 && i < segments.Length - 1) || s.Trim('.').Length == 0 && s.Length > 0)
            {
                return null;
            }
        }

        return decoded[1..];
    }

    private static async Task SendFileAsync(HttpContext context, OutputFile file, int version, int status)
    {
        var type = ContentType(file.Path);
        if (type.StartsWith("text/html", StringComparison.Ordinal))
        {
            var html = Utf8NoBom.GetBytes(Inject(Encoding.UTF8.GetString(file.Bytes), version));
            await SendAsync(context, status, type, html, status == 200 ? $"\"{file.Digest}-{version}\"" : null).ConfigureAwait(false);
            return;
        }

        await SendAsync(context, status, type, file.Bytes, status == 200 ? $"\"{file.Digest}\"" : null).ConfigureAwait(false);
    }

    private static async Task SendAsync(HttpContext context, int status, string type, byte[] body, string? etag)
    {
        var response = context.Response;
        if (etag is not null)
        {
            response.Headers.ETag = etag;
            var match = context.Request.Headers.IfNoneMatch.ToString();
            if (match.Length > 0 && (match.Trim() == "*" || match.Split(',').Any(m => m.Trim().TrimStart('W', '/') == etag)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        response.StatusCode = status;
        response.ContentType = type;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The content type of an output file, with <c>charset=utf-8</c> for text.</summary>
    public static string ContentType(string path)
    {
        if (path.EndsWith(".xml", StringComparison.Ordinal))
        {
            return path.EndsWith("feed.xml", StringComparison.Ordinal) ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8";
        }

        if (path.EndsWith(".nojekyll", StringComparison.Ordinal))
        {
            return "text/plain; charset=utf-8";
        }

        var type = Types.TryGetContentType(path, out var found) ? found : "application/octet-stream";
        var text = type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "application/javascript" or "image/svg+xml" or "application/manifest+json" or "application/xml";
        return text ? type + "; charset=utf-8" : type;
    }

    /// <summary>
    /// Adds the reload script to a served HTML page (before <c>&lt;/body&gt;</c>), and makes sure the
    /// page's own Content-Security-Policy lets it run and connect to this server ('self'). Never used
    /// by <c>build</c>.
    /// </summary>
    public static string Inject(string html, int version)
    {
        html = CspMeta().Replace(html, m => m.Groups["pre"].Value + AllowSelf(m.Groups["policy"].Value) + m.Groups["post"].Value);
        var tag = $"<script src=\"{Prefix}reload.js?v={version}\" defer></script>";
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? html.Insert(at, tag) : html + tag;
    }

    /// <summary>A policy in which script-src and connect-src (or default-src for them) include 'self'.</summary>
    internal static string AllowSelf(string policy)
    {
        var directives = policy.Split(';').Select(d => d.Trim()).Where(d => d.Length > 0).ToList();
        foreach (var name in new[] { "script-src", "connect-src" })
        {
            var index = directives.FindIndex(d => d.Split(' ')[0].Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                var fallback = directives.FirstOrDefault(d => d.Split(' ')[0].Equals("default-src", StringComparison.OrdinalIgnoreCase));
                if (fallback is null || fallback.Contains("'self'", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                directives.Add($"{name} 'self'");
                continue;
            }

            var parts = directives[index].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.Equals("'none'", StringComparison.OrdinalIgnoreCase)).ToList();
            if (!parts.Skip(1).Any(p => p.Equals("'self'", StringComparison.OrdinalIgnoreCase)))
            {
                parts.Add("'self'");
            }

            directives[index] = string.Join(' ', parts);
        }

        return string.Join("; ", directives);
    }

    private async Task EventsAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var queue = Channel.CreateUnbounded<LiveEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app.Lifetime.ApplicationStopping);
        using var subscription = _site.Subscribe(e => queue.Writer.TryWrite(e));
        await response.WriteAsync("retry: 500\n\n", stop.Token).ConfigureAwait(false);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var ping = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                ping.CancelAfter(TimeSpan.FromSeconds(15));
                string wire;
                try
                {
                    wire = (await queue.Reader.ReadAsync(ping.Token).ConfigureAwait(false)).Wire;
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    wire = ": ping\n\n";
                }

                await response.WriteAsync(wire, stop.Token).ConfigureAwait(false);
                await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }
    }

    private const string BuildingPage = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Building · sitegen serve</title></head><body><h1>Building the site…</h1><p>This page reloads by itself when the first build is done.</p></body></html>";

    private static string FailurePage(IReadOnlyList<BuildError> errors)
    {
        var items = string.Concat(errors.Select(e => $"<li><pre>{WebUtility.HtmlEncode(e.ToString())}</pre></li>"));
        return $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed · sitegen serve</title></head><body><h1>The site could not be built</h1><p>Fix the file and save: this page reloads by itself.</p><ul>{items}</ul></body></html>";
    }

    [GeneratedRegex(@"%(2f|5c|00)", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedSeparator();

    [GeneratedRegex(@"%[0-9a-f]{2}", RegexOptions.IgnoreCase)]
    private static partial Regex PercentEscape();

    [GeneratedRegex(@"(?<pre><meta\s+http-equiv=""?Content-Security-Policy""?\s+content="")(?<policy>[^""]*)(?<post>"")", RegexOptions.IgnoreCase)]
    private static partial Regex CspMeta();

    /// <summary>A host lifetime that does not take over Ctrl+C (for servers started inside tests or tools).</summary>
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
