using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace SiteGen.Tests.Cli;

/// <summary>
/// The sitegen tool as it is released (docs/publishing.md): <c>dotnet pack src/SiteGen.Cli</c> makes a
/// package with its readme, license and a version from MinVer, and without the benchmark or its browser
/// driver; an archive made by <c>sitegen init</c> restores exactly that package.
/// </summary>
public partial class CliPackageTests(ITestOutputHelper output)
{
    // SemVer 2 without build metadata: what NuGet and a tool manifest accept (MinVer: 1.2.0, 0.0.0-alpha.0.12).
    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex PackageVersion();

    [Fact]
    public void Pack_makes_a_tool_package_with_readme_license_and_version_and_without_the_benchmark_that_init_pins_and_tool_restore_installs()
    {
        var dir = TestPaths.NewTempDir();
        var packages = Path.Combine(dir, "packages");
        var nupkg = PackTool(packages);
        output.WriteLine($"package: {Path.GetFileName(nupkg)}, {new FileInfo(nupkg).Length:N0} bytes ({new FileInfo(nupkg).Length / 1024.0 / 1024.0:F1} MiB)");

        using var zip = ZipFile.OpenRead(nupkg);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("SiteGen.Cli", Field("id"));
        var version = Field("version")!;
        Assert.Matches(PackageVersion(), version);
        Assert.Equal("README.md", Field("readme"));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        Assert.False(string.IsNullOrWhiteSpace(Field("authors")));
        Assert.Contains("static-site-generator", Field("tags") ?? "", StringComparison.Ordinal);

        Assert.Contains("README.md", names);
        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")), new StreamReader(zip.GetEntry("README.md")!.Open()).ReadToEnd());
        Assert.Contains(names, n => n.EndsWith("/sitegen.dll", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("/SiteGen.Core.dll", StringComparison.Ordinal));
        foreach (var banned in new[] { "PuppeteerSharp", "WebDriverBiDi", "SiteGen.Bench" })
        {
            Assert.DoesNotContain(names, n => n.Contains(banned, StringComparison.OrdinalIgnoreCase));
        }

        // `sitegen init` pins the running tool's version; built from the same commit, it is the package's
        // (a pre-release without a tag), and `dotnet tool restore` installs it from a feed holding it.
        var archive = Path.Combine(dir, "archive");
        var (initCode, _, initErr) = CliRunner.Run("init", archive);
        Assert.True(initCode == 0, initErr);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(archive, ".config", "dotnet-tools.json")));
        var pinned = manifest.RootElement.GetProperty("tools").GetProperty("sitegen.cli").GetProperty("version").GetString()!;
        Assert.DoesNotContain("+", pinned, StringComparison.Ordinal);
        Assert.Equal(version, pinned);

        // The archive's nuget.config names only its own package folder: the package committed there restores.
        File.Copy(nupkg, Path.Combine(archive, ".sitegen", "packages", Path.GetFileName(nupkg)));
        var (code, log) = Dotnet(archive, TimeSpan.FromMinutes(3), "tool", "restore");
        Assert.True(code == 0, log);
        (code, log) = Dotnet(archive, TimeSpan.FromMinutes(1), "tool", "run", "sitegen", "--", "--version");
        Assert.True(code == 0, log);
        Assert.StartsWith(version, log.Trim(), StringComparison.Ordinal);
        output.WriteLine($"init pinned {pinned}; dotnet tool restore installed it; sitegen --version: {log.Trim()}");
    }

    /// <summary>
    /// Packs the build the tests run (--no-build) into <paramref name="packages"/>: nothing the other tests
    /// run at the same time is rewritten, and the same commit gives MinVer the same version as the built
    /// sitegen.dll. Returns the package's path.
    /// </summary>
    internal static string PackTool(string packages)
    {
        var (code, log) = Dotnet(TestPaths.RepoRoot, TimeSpan.FromMinutes(6), "pack", Path.Combine(TestPaths.RepoRoot, "src", "SiteGen.Cli"), "-c", "Release", "--no-build", "-o", packages);
        Assert.True(code == 0, log);
        return Assert.Single(Directory.GetFiles(packages, "*.nupkg"));
    }

    internal static (int Code, string Output) Dotnet(string workingDir, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (args[0] == "tool")
        {
            // The tool is installed into a NuGet folder of this test, not the machine's.
            info.Environment["NUGET_PACKAGES"] = Path.Combine(workingDir, ".nuget-packages");
        }

        var (exit, stdout, stderr) = CliRunner.Finish(info, timeout, $"dotnet {string.Join(' ', args)}");
        return (exit, stdout + stderr);
    }
}
