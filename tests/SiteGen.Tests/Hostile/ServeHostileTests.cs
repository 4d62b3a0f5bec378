using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;
using SiteGen.Tests.Cli;
using Xunit.Abstractions;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// The preview server holds: <c>sitegen serve</c> on the shipped content under 200 concurrent loopback
/// clients, with slow and half-open connections open meanwhile; no path leaves the site; loopback only.
/// The load runs 5 s by default and as long as <c>SITEGEN_LOAD_SECONDS</c> says (30 for the full run).
/// </summary>
public sealed class ServeHostileTests(ITestOutputHelper output)
{
    public const int Clients = 200;

    [Fact]
    public async Task Serve_holds_200_concurrent_clients_with_slow_and_half_open_connections()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_LOAD_SECONDS"), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 5;
        await using var server = await ServeProcess.StartAsync(TestPaths.Content);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(60) };

        var sitemap = XDocument.Parse(await http.GetStringAsync(new Uri("sitemap-1.xml", UriKind.Relative)));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = sitemap.Descendants(ns + "loc").Select(l => new Uri(l.Value).PathAndQuery)
            .Concat(["/", "/404.html", "/assets/site.css", "/zh/feed.xml", "/sitemap.xml", "/no/such/page/"]).ToArray();
        Assert.True(urls.Length > 150, $"{urls.Length} URLs in the sitemap");

        // Hostile neighbours for the whole run: 20 clients sending headers a byte a second, 100 that never send.
        using var stop = new CancellationTokenSource();
        var halfOpen = new List<TcpClient>();
        for (var i = 0; i < 100; i++)
        {
            var idle = new TcpClient();
            await idle.ConnectAsync(IPAddress.Loopback, server.Port);
            halfOpen.Add(idle);
        }

        var slowSent = 0;
        var slow = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, server.Port);
            var stream = client.GetStream();
            var request = Encoding.ASCII.GetBytes("GET /zh/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + new string('a', 200) + "\r\n\r\n");
            try
            {
                foreach (var b in request)
                {
                    await stream.WriteAsync(new[] { b }, stop.Token);
                    Interlocked.Increment(ref slowSent);
                    await Task.Delay(1000, stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
            }
        })).ToArray();

        // The load: 200 clients, each a loop of GETs to random pages, bodies read whole.
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var deadline = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Clients).Select(i => Task.Run(async () =>
        {
            var random = new Random(i);
            while (deadline.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var path = urls[random.Next(urls.Length)];
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var expected = path == "/no/such/page/" ? HttpStatusCode.NotFound : HttpStatusCode.OK;
                    if (response.StatusCode != expected || body.Length == 0)
                    {
                        errors.Add($"{path}: {(int)response.StatusCode}, {body.Length} bytes");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    errors.Add($"{path}: {e.GetType().Name}: {e.Message}");
                }

                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = deadline.Elapsed;

        // The slow and idle clients did not stall anyone, and the server still answers at once.
        var after = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/en/", UriKind.Relative))).StatusCode);
        var afterMs = after.Elapsed.TotalMilliseconds;
        await stop.CancelAsync();
        await Task.WhenAll(slow);
        halfOpen.ForEach(c => c.Dispose());

        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var summary = $"{Clients} clients, {elapsed.TotalSeconds:F1} s: {sorted.Length} requests ({sorted.Length / elapsed.TotalSeconds:F0}/s), {errors.Count} errors; " +
            $"latency p50 {Percentile(0.50):F1} ms, p99 {Percentile(0.99):F1} ms, max {sorted[^1]:F0} ms; 100 half-open and 20 slow clients (sent {slowSent} bytes) open meanwhile; a request after: {afterMs:F0} ms";
        output.WriteLine(summary);
        Console.WriteLine("serve load: " + summary);
        Assert.True(errors.IsEmpty, $"{errors.Count} errors, e.g.\n" + string.Join("\n", errors.Take(10)));
        Assert.True(sorted.Length > Clients * seconds, summary);
        Assert.True(Percentile(0.99) < 5000, summary);
    }

    public static readonly TheoryData<string> Traversals = new()
    {
        "/../secret.txt", "/../../../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd", "/..%2fsecret.txt",
        "/..%2Fsecret.txt", "/..%5csecret.txt", "/..%5Csecret.txt", "/..\\secret.txt", "/\\..\\secret.txt", "//etc/passwd",
        "/zh/../../secret.txt", "/zh/%2e%2e/%2e%2e/secret.txt", "/%252e%252e/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
        "/%c0%ae%c0%ae/secret.txt", "/..;/secret.txt", "/etc/passwd", "/%2fetc%2fpasswd", "/C:%5cWindows%5cwin.ini", "/C:/Windows/win.ini",
        "/zh/..%00/secret.txt", "/%u002e%u002e/secret.txt", "/..%c0%afsecret.txt", "/．．/secret.txt", "/%EF%BC%8E%EF%BC%8E/secret.txt",
        "/proc/self/environ", "/file:///etc/passwd", "http://127.0.0.1/../secret.txt", "../secret.txt", "*",
    };

    [Fact]
    public async Task No_request_reads_outside_the_site_and_the_server_listens_on_loopback_only()
    {
        var root = TestPaths.NewTempDir();
        var content = SiteFixture.CopyContent();
        await File.WriteAllTextAsync(Path.Combine(root, "secret.txt"), "SECRET-OUTSIDE-THE-SITE");
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(content)!, "secret.txt"), "SECRET-OUTSIDE-THE-SITE");
        await using var server = await ServeProcess.StartAsync(content);
        Assert.Contains($"http://127.0.0.1:{server.Port}/", server.ServingLine, StringComparison.Ordinal);

        var answers = new List<string>();
        foreach (var target in Traversals)
        {
            var (status, body) = await RawGet(server.Port, target);
            answers.Add($"{target} → {status}");
            Assert.DoesNotContain("SECRET-OUTSIDE", body, StringComparison.Ordinal);
            Assert.DoesNotContain("root:x:0", body, StringComparison.Ordinal);
            Assert.DoesNotContain("[fonts]", body, StringComparison.Ordinal);

            // Not found, or refused as a malformed request (NUL, a target that is not a path: 400; GET * : 405); never a file.
            Assert.True(status is 404 or 400 or 405, $"{target} → {status}");
        }

        output.WriteLine(string.Join("\n", answers));

        // Loopback only: no other address of this machine accepts a connection on the port.
        foreach (var address in NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily is AddressFamily.InterNetwork && !a.IsIPv6LinkLocal))
        {
            using var probe = new TcpClient();
            var connected = false;
            try
            {
                await probe.ConnectAsync(address, server.Port).WaitAsync(TimeSpan.FromSeconds(3));
                connected = true;
            }
            catch (Exception e) when (e is SocketException or TimeoutException)
            {
            }

            Assert.False(connected, $"the server accepted a connection on {address}");
            output.WriteLine($"{address}:{server.Port} refused");
        }
    }

    /// <summary>A request written byte for byte (no client normalizes the target): status and body.</summary>
    private static async Task<(int Status, string Body)> RawGet(int port, string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var status = response.Split(' ', 3) is [_, var code, ..] && int.TryParse(code, CultureInfo.InvariantCulture, out var n) ? n : -1;
        return (status, response);
    }

    /// <summary><c>sitegen serve</c> on a free loopback port, stopped (SIGKILL) on dispose.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private ServeProcess(Process process, int port, string serving)
        {
            _process = process;
            Port = port;
            ServingLine = serving;
        }

        public int Port { get; }

        public string ServingLine { get; }

        public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

        public static async Task<ServeProcess> StartAsync(string content)
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            foreach (var arg in new[] { CliRunner.CliPath, "serve", "--content", content, "--port", port.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["CI"] = "true";
            var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            var serving = "";
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!serving.StartsWith("serving", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
                if (line is null)
                {
                    process.Dispose();
                    throw new InvalidOperationException("sitegen serve stopped: " + await stderr);
                }

                serving = line;
            }

            _ = process.StandardOutput.ReadToEndAsync();
            return new ServeProcess(process, port, serving);
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
