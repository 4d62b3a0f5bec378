using System.CommandLine;
using System.Diagnostics;
using System.Net.Sockets;
using SiteGen.Publishing;
using SiteGen.Serving;

namespace SiteGen.Cli.Commands;

/// <summary>
/// <c>sitegen serve [--content DIR] [--port 5000] [--host 127.0.0.1] [--base-url URL] [--open]</c>:
/// build into memory, serve, watch, rebuild incrementally and reload open pages (docs/serve.md).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var port = new Option<int>("--port") { Description = "The port to listen on; 0 picks a free one (the address is printed).", DefaultValueFactory = _ => 5000 };
        var host = new Option<string>("--host") { Description = "The address to listen on: loopback by default; 0.0.0.0 lets other devices on the network see the preview.", DefaultValueFactory = _ => "127.0.0.1" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Build for this address (e.g. https://user.github.io/repo/) and serve the site under its path, to preview a project site; by default the server's own address." };
        var open = new Option<bool>("--open") { Description = "Open the site in the default browser once it is served." };
        var command = new Command("serve", "Build the site into memory and serve it for preview; watch content/, the theme and site.yml, rebuild what changed and reload open pages. Ctrl+C stops.")
        {
            content, port, host, baseUrl, open,
        };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(content)!, parse.GetValue(host)!, parse.GetValue(port), parse.GetValue(baseUrl), parse.GetValue(open), cancel));
        return command;
    }

    private static async Task<int> RunAsync(string contentDir, string hostName, int portNumber, string? baseUrl, bool open, CancellationToken cancel)
    {
        if (portNumber is < 0 or > 65535)
        {
            Console.Error.WriteLine($"error: --port must be between 0 and 65535, not {portNumber}");
            return ExitCodes.Usage;
        }

        if (!Directory.Exists(contentDir))
        {
            Console.Error.WriteLine($"error: no such content folder: {contentDir}");
            return ExitCodes.Usage;
        }

        if (baseUrl is not null && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
        {
            Console.Error.WriteLine($"error: --base-url must be an absolute http(s) URL, not '{baseUrl}'");
            return ExitCodes.Usage;
        }

        using var site = new LiveSite(new BuildOptions(contentDir, Path.Combine(Path.GetTempPath(), "sitegen-serve-unused")), Log);
        PreviewServer server;
        try
        {
            server = await PreviewServer.StartAsync(site, hostName, portNumber, handleSignals: true).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"error: cannot listen on {hostName}:{portNumber}: the port is in use (try --port {(portNumber == 65535 ? 0 : portNumber + 1)}, or --port 0 for any free port)");
            return ExitCodes.PortInUse;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: cannot listen on {hostName}:{portNumber}: {e.Message}");
            return ExitCodes.Failure;
        }

        await using (server.ConfigureAwait(false))
        {
            var origin = server.Address.GetLeftPart(UriPartial.Authority);
            var path = baseUrl is null ? "/" : new Uri(baseUrl).AbsolutePath;
            site.BaseUrl = baseUrl ?? origin + "/";
            var first = site.Rebuild();
            foreach (var warning in first.Result.Warnings)
            {
                Console.Error.WriteLine($"warning: {warning}");
            }

            if (first.Result.Succeeded)
            {
                Console.WriteLine($"built {first.Result.Pages} pages ({first.Result.Articles} articles, {first.Result.Files} files) in memory in {first.Result.Elapsed.TotalSeconds:F2} s");
            }

            site.StartWatching();
            _ = Task.Run(() => site.WarmUp(), CancellationToken.None);
            var url = origin + (path.EndsWith('/') ? path : path + "/");
            Console.WriteLine($"serving {contentDir} at {url} (watching {string.Join(" and ", site.Watched.Select(Shorten))}; Ctrl+C stops)");
            if (open)
            {
                OpenBrowser(url);
            }

            // Ctrl+C or SIGTERM: either the host's lifetime or System.CommandLine sees it first.
            await Task.WhenAny(server.Stopping, Task.Delay(Timeout.Infinite, cancel)).ConfigureAwait(false);
        }

        Console.WriteLine("stopped");
        return ExitCodes.Ok;
    }

    private static void Log(string line)
    {
        if (line.StartsWith("build failed", StringComparison.Ordinal) || line.StartsWith("  error:", StringComparison.Ordinal) || line.StartsWith("error:", StringComparison.Ordinal))
        {
            Console.Error.WriteLine(line);
        }
        else
        {
            Console.WriteLine(line);
        }
    }

    private static string Shorten(string dir)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, dir);
        return relative.StartsWith("..", StringComparison.Ordinal) ? dir : relative;
    }

    private static void OpenBrowser(string url)
    {
        try
        {
            using var browser = Process.Start(new ProcessStartInfo(url) { UseShellExecute = true });
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            Console.Error.WriteLine($"warning: could not open a browser ({e.Message}); open {url} yourself");
        }
    }
}
