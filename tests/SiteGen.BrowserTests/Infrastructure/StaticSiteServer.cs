using System.Net;
using System.Net.Sockets;

namespace SiteGen.BrowserTests.Infrastructure;

/// <summary>
/// A tiny static file server on a free loopback port, serving a built site the way GitHub Pages does:
/// <c>dir/</c> serves <c>dir/index.html</c>, <c>dir</c> redirects to <c>dir/</c>, percent-encoded
/// paths (Chinese tags) are decoded, and a missing path gets the site's <c>/404.html</c> with status 404.
/// </summary>
public sealed class StaticSiteServer : IDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".atom"] = "application/atom+xml; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".webmanifest"] = "application/manifest+json",
    };

    private readonly HttpListener _listener;
    private readonly string _root;
    private readonly Task _loop;

    public StaticSiteServer(string root)
    {
        _root = Path.GetFullPath(root);
        Exception? last = null;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                _listener = listener;
                Port = port;
                Origin = $"http://127.0.0.1:{port}";
                _loop = Task.Run(ServeAsync);
                return;
            }
            catch (HttpListenerException e)
            {
                // Another process took the port between probing and binding: try another one.
                last = e;
                listener.Close();
            }
        }

        throw new InvalidOperationException("could not bind a loopback port for the test site server", last);
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:port</c>, no trailing slash.</summary>
    public string Origin { get; }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by the listener's disposal.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var raw = context.Request.RawUrl ?? "/";
            var query = raw.IndexOfAny(['?', '#']);
            var urlPath = Uri.UnescapeDataString(query < 0 ? raw : raw[..query]);
            var file = Resolve(urlPath, out var redirect);
            if (redirect is not null)
            {
                response.StatusCode = 301;
                response.RedirectLocation = redirect;
                return;
            }

            var status = 200;
            if (file is null)
            {
                status = 404;
                file = Path.Combine(_root, "404.html");
            }

            response.StatusCode = status;
            response.Headers["Cache-Control"] = "no-cache";
            if (!File.Exists(file))
            {
                response.ContentType = "text/plain; charset=utf-8";
                Write(context, "404 page not found (the site has no /404.html)"u8.ToArray());
                return;
            }

            response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            Write(context, File.ReadAllBytes(file));
        }
        catch (Exception e) when (e is IOException or HttpListenerException or UnauthorizedAccessException or ObjectDisposedException)
        {
            try
            {
                response.StatusCode = 500;
            }
            catch (InvalidOperationException)
            {
                // Headers were already sent.
            }
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The browser went away.
            }
        }
    }

    private static void Write(HttpListenerContext context, byte[] body)
    {
        context.Response.ContentLength64 = body.Length;
        if (context.Request.HttpMethod != "HEAD")
        {
            context.Response.OutputStream.Write(body);
        }
    }

    /// <summary>The file for a decoded URL path, or null; sets <paramref name="redirect"/> for a folder without its slash.</summary>
    private string? Resolve(string urlPath, out string? redirect)
    {
        redirect = null;
        if (urlPath.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_root, urlPath.TrimStart('/')));
        if (full != _root && !full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        if (Directory.Exists(full))
        {
            if (!urlPath.EndsWith('/'))
            {
                redirect = Uri.EscapeDataString(urlPath).Replace("%2F", "/", StringComparison.Ordinal) + "/";
                return null;
            }

            var index = Path.Combine(full, "index.html");
            return File.Exists(index) ? index : null;
        }

        return File.Exists(full) ? full : null;
    }
}
