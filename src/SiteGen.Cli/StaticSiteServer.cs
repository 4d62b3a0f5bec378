using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace SiteGen.Cli;

/// <summary>
/// Serves a built site folder as static files with Kestrel, as GitHub Pages would: <c>dir/</c> serves
/// <c>dir/index.html</c>, <c>dir</c> redirects to <c>dir/</c>, a missing path gets the site's
/// <c>404.html</c> with status 404. Kept small and separate: the watch/live-reload issue extends it.
/// </summary>
internal sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app) => _app = app;

    /// <summary>Completes when the server begins to stop (the host handles Ctrl+C and SIGTERM itself).</summary>
    public Task Stopping
    {
        get
        {
            var stopping = new TaskCompletionSource();
            _app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
            return stopping.Task;
        }
    }

    public static async Task<StaticSiteServer> StartAsync(string siteDir, string host, int port)
    {
        var root = Path.GetFullPath(siteDir);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root, WebRootPath = root });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}");
        var app = builder.Build();
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ServeUnknownFileTypes = true,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = Path.Combine(root, "404.html");
            if (File.Exists(notFound))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(notFound).ConfigureAwait(false);
            }
        });
        await app.StartAsync().ConfigureAwait(false);
        return new StaticSiteServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
