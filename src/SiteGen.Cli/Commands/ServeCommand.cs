using System.CommandLine;
using System.Net.Sockets;
using SiteGen.Publishing;

namespace SiteGen.Cli.Commands;

/// <summary><c>sitegen serve [--content DIR] [--port 5000] [--host 127.0.0.1] [--out DIR]</c>: build, then preview.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var output = BuildCommand.Out();
        var port = new Option<int>("--port") { Description = "The port to listen on.", DefaultValueFactory = _ => 5000 };
        var host = new Option<string>("--host") { Description = "The address to listen on (0.0.0.0 to let other devices on the network see it).", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", "Build the site for this address, then serve the output folder for preview (with the site's 404 page). Ctrl+C stops.")
        {
            content, port, host, output,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var hostName = parse.GetValue(host)!;
            var portNumber = parse.GetValue(port);
            if (portNumber is < 1 or > 65535)
            {
                Console.Error.WriteLine($"error: --port must be between 1 and 65535, not {portNumber}");
                return ExitCodes.Usage;
            }

            var urlHost = hostName is "0.0.0.0" or "::" or "*" ? "localhost" : hostName.Contains(':', StringComparison.Ordinal) ? $"[{hostName}]" : hostName;
            var baseUrl = $"http://{urlHost}:{portNumber}/";
            var outDir = parse.GetValue(output)!;
            var code = BuildCommand.Run(new BuildOptions(parse.GetValue(content)!, outDir) { BaseUrl = baseUrl, Cancel = cancel });
            if (code != ExitCodes.Ok)
            {
                return code;
            }

            try
            {
                await using var server = await StaticSiteServer.StartAsync(outDir, hostName, portNumber).ConfigureAwait(false);
                Console.WriteLine($"serving {outDir} at {baseUrl} (Ctrl+C stops)");
                // Ctrl+C or SIGTERM: either the host's lifetime or System.CommandLine sees it first.
                await Task.WhenAny(server.Stopping, Task.Delay(Timeout.Infinite, cancel)).ConfigureAwait(false);
                Console.WriteLine("stopped");
                return ExitCodes.Ok;
            }
            catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"error: cannot listen on {hostName}:{portNumber}: the port is in use (try --port {portNumber + 1})");
                return ExitCodes.PortInUse;
            }
        });
        return command;
    }


}
