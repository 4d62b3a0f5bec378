using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SiteGen.Tests.Cli;

public class ServeCommandTests
{
    [Fact]
    public async Task Serve_builds_then_serves_pages_and_the_site_404()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var content = SiteFixture.CopyContent();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(content)! };
        foreach (var arg in new[] { SitegenProcess.Dll, "serve", "--content", content, "--out", Path.Combine(Path.GetDirectoryName(content)!, "preview"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            var serving = "";
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!serving.StartsWith("serving", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                serving = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException(await process.StandardError.ReadToEndAsync());
            }

            Assert.Contains($"http://127.0.0.1:{port}/", serving, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var home = await http.GetAsync(new Uri("zh/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("测试新闻档案", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var tag = await http.GetAsync(new Uri("en/tags/%E6%99%AE%E4%BA%AC/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, tag.StatusCode);
            var missing = await http.GetAsync(new Uri("zh/no/such/page/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
