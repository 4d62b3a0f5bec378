using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SiteGen.Tests.Cli;

public class ServeCommandTests
{
    private static Process Start(string content, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(content)! };
        foreach (var arg in new[] { CliRunner.CliPath, "serve", "--content", content }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CI"] = "true";
        return Process.Start(start)!;
    }

    private static async Task<string> ServingLineAsync(Process process)
    {
        var line = "";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!line.StartsWith("serving", StringComparison.Ordinal))
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException(await process.StandardError.ReadToEndAsync());
        }

        return line;
    }

    [Fact]
    public async Task Serve_builds_then_serves_pages_and_the_site_404_on_the_port_it_picked()
    {
        var content = SiteFixture.CopyContent();
        using var process = Start(content, "--port", "0");
        try
        {
            var serving = await ServingLineAsync(process);
            var url = System.Text.RegularExpressions.Regex.Match(serving, @"http://127\.0\.0\.1:(\d+)/").Value;
            Assert.NotEqual("", url);
            Assert.DoesNotContain(":0/", url, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = new Uri(url) };
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

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_code_4()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var content = SiteFixture.CopyContent();
        using var process = Start(content, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(4, process.ExitCode);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"error: cannot listen on 127.0.0.1:{port}: the port is in use (try --port {port + 1}, or --port 0 for any free port)", Assert.Single(lines).TrimEnd('\r'));
        Assert.Equal("", await stdout);
    }

    [Fact]
    public async Task SIGTERM_stops_cleanly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var content = SiteFixture.CopyContent();
        using var process = Start(content, "--port", "0");
        await ServingLineAsync(process);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("stopped", await process.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);
    }
}
