using System.Diagnostics;
using SiteGen.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SiteGen.BrowserTests;

/// <summary>
/// The Nu Html Checker (npm's vnu-jar, run with Debian's Java; both installed by scripts/test.sh) finds
/// no error on any page of the site the browser tests serve: every page kind, both UIs, the 404 pages.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class HtmlValidityTests(SiteFixture site, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_page_of_the_site_passes_the_Nu_Html_Checker()
    {
        var jar = Environment.GetEnvironmentVariable("SITEGEN_VNU_JAR") is { Length: > 0 } set ? set : Path.Combine(site.RepoRoot, ".tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"no vnu.jar at {jar}: scripts/test.sh installs it (npm vnu-jar), or set SITEGEN_VNU_JAR");
        var pages = Directory.GetFiles(site.SiteDir, "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length > 50, $"only {pages.Length} pages in {site.SiteDir}");

        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-jar", jar, "--errors-only", "--skip-non-html", site.SiteDir })
        {
            start.ArgumentList.Add(arg);
        }

        using var vnu = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stdout = vnu.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = await vnu.StandardError.ReadToEndAsync(timeout.Token);
        await vnu.WaitForExitAsync(timeout.Token);
        output.WriteLine($"Nu Html Checker on {pages.Length} pages: exit {vnu.ExitCode}{await stdout}");
        Assert.True(vnu.ExitCode == 0 && errors.Trim().Length == 0, errors.Replace(site.SiteDir, "", StringComparison.Ordinal));
    }
}
