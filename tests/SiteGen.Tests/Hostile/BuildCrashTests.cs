using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SiteGen.Publishing;
using SiteGen.Tests.Cli;
using Xunit.Abstractions;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// "Nothing lost" on the build side: a build killed with SIGKILL anywhere, a read-only output parent
/// and a full disk all leave the previous site exactly as it was, and the next build succeeds.
/// </summary>
public class BuildCrashTests(ITestOutputHelper output)
{
    public const int KillPoints = 20;

    [Fact]
    public void A_build_killed_at_20_random_points_leaves_the_previous_site_whole()
    {
        var root = TestPaths.NewTempDir();
        var content = GeneratedContent(Path.Combine(root, "content"), 300);
        var outDir = Path.Combine(root, "public");

        var first = CliRunner.Run("build", "--content", content, "--out", outDir);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var oldSite = FileTrees.Hashes(outDir);
        var oldCopy = Path.Combine(root, "old-copy");
        CopyDir(outDir, oldCopy);

        // The killed builds build a changed archive, so "whole" means: exactly the old site or exactly the new one.
        WriteArticle(content, 300, "a changed archive");
        var expectedDir = Path.Combine(root, "expected");
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, CliRunner.Run("build", "--content", content, "--out", expectedDir).ExitCode);
        var buildTime = clock.Elapsed;
        var newSite = FileTrees.Hashes(expectedDir);
        Assert.NotEqual(Fingerprint(oldSite), Fingerprint(newSite));

        var random = new Random(10);
        var outcomes = new List<string>();
        for (var i = 0; i < KillPoints; i++)
        {
            // Spread over the whole run (startup, loading, rendering, checking, swap), a bit past it.
            var delay = TimeSpan.FromMilliseconds(buildTime.TotalMilliseconds * 1.1 * (i + random.NextDouble()) / KillPoints);
            // The last point is not a time but the first rendering progress line: timed points alone may all
            // miss a phase that is short on a fast or a loaded machine.
            var (exited, phase) = i == KillPoints - 1
                ? StartAndKill(["build", "--content", content, "--out", outDir], TimeSpan.FromMinutes(2), killOn: "rendering")
                : StartAndKill(["build", "--content", content, "--out", outDir], delay);
            var now = FileTrees.Hashes(outDir);
            var state = Fingerprint(now) == Fingerprint(oldSite) ? "old" : Fingerprint(now) == Fingerprint(newSite) ? "new" : null;
            Assert.True(state is not null, $"kill {i} after {delay.TotalMilliseconds:F0} ms left a site that is neither the previous nor the new one ({now.Count} files)");
            var when = i == KillPoints - 1 ? "at the first rendering line" : $"{delay.TotalMilliseconds:F0} ms";
            outcomes.Add($"{when} ({phase}): {(exited ? "finished first" : "killed")}, {state}");
            if (state == "new")
            {
                // Start the next kill from the previous site again.
                Directory.Delete(outDir, true);
                CopyDir(oldCopy, outDir);
            }
        }

        var last = CliRunner.Run("build", "--content", content, "--out", outDir);
        Assert.True(last.ExitCode == 0, last.Stderr);
        Assert.Equal(Fingerprint(newSite), Fingerprint(FileTrees.Hashes(outDir)));
        Assert.Empty(Directory.GetDirectories(root, ".public.*", new EnumerationOptions { AttributesToSkip = 0 }));

        output.WriteLine($"build of 301 articles: {buildTime.TotalSeconds:F1} s; {KillPoints} kills:\n" + string.Join("\n", outcomes));
        Assert.Contains(outcomes, o => o.Contains("killed, old", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Contains("(rendering", StringComparison.Ordinal));
    }

    [Fact]
    public void After_a_kill_between_the_two_renames_the_next_build_puts_the_previous_site_back()
    {
        // Where the atomic exchange is missing (not Linux, or a file system without it), the swap is two
        // renames; a kill between them leaves only .<out>.old-*: the next build moves it back first.
        var root = TestPaths.NewTempDir();
        var outDir = Path.Combine(root, "public");
        Assert.True(SiteFixture.Build(outDir).Succeeded);
        var before = FileTrees.Hashes(outDir);
        Directory.Move(outDir, Path.Combine(root, ".public.old-0123456789abcdef"));
        Directory.CreateDirectory(Path.Combine(root, ".public.staging-dead"));

        using (new StagingFolder(outDir))
        {
            Assert.Equal(Fingerprint(before), Fingerprint(FileTrees.Hashes(outDir)));
        }

        Assert.Empty(Directory.GetDirectories(root, ".public.*", new EnumerationOptions { AttributesToSkip = 0 }));
        Assert.True(SiteFixture.Build(outDir).Succeeded);
    }

    [Fact]
    public void A_read_only_output_parent_gives_one_line_and_exit_3_and_the_old_site_stays()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes; CI runs on Linux.
        }

        var root = TestPaths.NewTempDir();
        var parent = Path.Combine(root, "site");
        var outDir = Path.Combine(parent, "public");
        Assert.True(SiteFixture.Build(outDir).Succeeded);
        var before = FileTrees.Hashes(outDir);
        var content = SiteFixture.CopyContent();
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.GetDirectoryName(content)!, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(parent, (UnixFileMode)0b101_101_101);
        try
        {
            // Root ignores file modes: run the CLI as an unprivileged user then, as a reader of the archive would.
            var (code, stdout, stderr) = Environment.UserName == "root" && File.Exists("/usr/bin/setpriv")
                ? CliRunner.Run(["build", "--content", content, "--out", outDir], ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"])
                : CliRunner.Run("build", "--content", content, "--out", outDir);
            AssertOneLineFailure(code, stdout, stderr, "denied");
            Assert.Equal(Fingerprint(before), Fingerprint(FileTrees.Hashes(outDir)));
        }
        finally
        {
            File.SetUnixFileMode(parent, (UnixFileMode)0b111_101_101);
        }

        Assert.Empty(Directory.GetDirectories(parent, ".public.*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public void A_full_disk_gives_one_line_and_exit_3_and_the_old_site_stays()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // tmpfs or ulimit; CI runs on Linux.
        }

        var root = TestPaths.NewTempDir();
        var disk = Path.Combine(root, "disk");
        Directory.CreateDirectory(disk);
        var mounted = SmallDisk.Mount(disk, "2m");
        try
        {
            var outDir = Path.Combine(disk, "public");
            var content = SiteFixture.CopyContent();
            var ok = CliRunner.Run("build", "--content", content, "--out", outDir);
            Assert.True(ok.ExitCode == 0, ok.Stderr);
            var before = FileTrees.Hashes(outDir);
            (int ExitCode, string Stdout, string Stderr) full;
            if (mounted)
            {
                // Leave 64 KB free on the 2 MB file system: the staging copy of the 0.4 MB site cannot fit.
                var size = Directory.GetFiles(outDir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                var filler = SmallDisk.Fill(disk, 64 << 10);
                full = CliRunner.Run("build", "--content", content, "--out", outDir);
                File.Delete(filler);
                output.WriteLine($"tmpfs of 2 MB mounted ({size} bytes used by the site)");
            }
            else
            {
                // No mount (not root, or no capability): a file-size limit gives the same ENOSPC-like failure (EFBIG).
                full = CliRunner.Run(["build", "--content", content, "--out", outDir], SmallDisk.FileSizeLimit(16));
                output.WriteLine("could not mount a tmpfs; simulated with ulimit -f 16 (16 KB per file)");
            }

            AssertOneLineFailure(full.ExitCode, full.Stdout, full.Stderr, mounted ? "No space left" : "too large");
            Assert.Equal(Fingerprint(before), Fingerprint(FileTrees.Hashes(outDir)));
            Assert.Empty(Directory.GetDirectories(disk, ".public.*", new EnumerationOptions { AttributesToSkip = 0 }));

            var again = CliRunner.Run("build", "--content", content, "--out", outDir);
            Assert.True(again.ExitCode == 0, again.Stderr);
        }
        finally
        {
            if (mounted)
            {
                SmallDisk.Unmount(disk);
            }
        }
    }

    private static void AssertOneLineFailure(int code, string stdout, string stderr, string reason)
    {
        Assert.True(code == 3, $"exit {code}\n{stderr}");
        var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("rendering", StringComparison.Ordinal)).ToArray();
        Assert.True(errors.Length == 1, stderr);
        Assert.StartsWith("error: cannot write the site: ", errors[0], StringComparison.Ordinal);
        Assert.Contains(reason, errors[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("the previous output was left as it was", errors[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    /// <summary>Starts a build and kills it (SIGKILL) after <paramref name="delay"/>: whether it had already exited, and its last progress line.</summary>
    private static (bool Exited, string Phase) StartAndKill(string[] args, TimeSpan delay, string? killOn = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        info.ArgumentList.Add(CliRunner.CliPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CI"] = "true";
        var last = "starting";
        using var trigger = new ManualResetEventSlim();
        using var process = new Process { StartInfo = info };
        void Seen(string? data)
        {
            if (data is not { Length: > 0 } line || trigger.IsSet)
            {
                return;
            }

            last = line;
            if (killOn is not null && line.StartsWith(killOn, StringComparison.Ordinal))
            {
                trigger.Set();
            }
        }

        process.ErrorDataReceived += (_, e) => Seen(e.Data);
        process.OutputDataReceived += (_, e) => Seen(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var exited = killOn is null ? process.WaitForExit(delay) : FileTrees.WaitForLineOrExit(process, trigger, delay);
        var phase = last;
        if (!exited)
        {
            process.Kill(); // SIGKILL on Unix
        }

        process.WaitForExit();
        return (exited, phase.Split(" (", StringSplitOptions.None)[0]);
    }


    /// <summary>A normalized archive of <paramref name="count"/> articles over the shipped outlets, tags and months.</summary>
    internal static string GeneratedContent(string content, int count)
    {
        Directory.CreateDirectory(Path.Combine(content, "outlets"));
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Content, "outlets"), "*.yml"))
        {
            File.Copy(file, Path.Combine(content, "outlets", Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(content, "site.yml"), "title_zh: 生成的档案\ntitle_en: Generated archive\nbase_url: https://example.org/\npage_size: 20\n");
        for (var i = 0; i < count; i++)
        {
            WriteArticle(content, i, null);
        }

        return content;
    }

    private static readonly string[] GeneratedOutlets = ["voachinese", "rfa", "dw", "epochtimes", "ntdtv"];

    internal static void WriteArticle(string content, int i, string? extra)
    {
        var outlet = GeneratedOutlets[i % GeneratedOutlets.Length];
        var date = new DateTime(2020, 1, 1).AddDays(i * 3.7).AddHours(i % 24);
        var body = new StringBuilder();
        for (var p = 0; p < 12; p++)
        {
            body.Append(CultureInfo.InvariantCulture, $"第{p + 1}段：中俄关系与第{i}篇报道。普京与习近平会晤，讨论能源、贸易和安全问题。Paragraph {p} of article {i}: energy, trade and security.\n\n");
        }

        var dir = Path.Combine(content, "articles", outlet, date.Year.ToString("D4", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, $"gen-{i}.md"), $"""
            ---
            id: {outlet}-gen-{i}
            title: 第{i}篇：中俄会晤报道{extra}
            title_en: Article {i} on the summit
            lang: zh-Hans
            outlet: {outlet}
            published: {date:yyyy-MM-ddTHH:mm:ss}+08:00
            url: https://news.example/{outlet}/{i}.html
            authors: [记者{i % 17}]
            tags: [普京, 习近平, 标签{i % 40}, Tag{i % 13}]
            summary: 第{i}篇文章的摘要。
            ---

            {body}
            """);
    }

    private static string Fingerprint(SortedDictionary<string, string> hashes) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", hashes.Select(kv => kv.Key + " " + kv.Value)))));

    private static void CopyDir(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
