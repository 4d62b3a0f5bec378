using System.Diagnostics;
using SiteGen.Content;
using SiteGen.Tests.Cli;
using Xunit.Abstractions;

namespace SiteGen.Tests.Import;

/// <summary>
/// "Nothing lost" on the import side: <c>sitegen import</c> of the whole shared mirror, killed with
/// SIGKILL at 20 points spread over the run, leaves every article whole and a folder <c>check</c>
/// finds whole or names what a re-run finishes; the re-run leaves exactly the bytes of an
/// uninterrupted import.
/// </summary>
[Trait("Needs", "shared")]
public class ImportCrashTests(ITestOutputHelper output)
{
    private const int KillPoints = 20;

    /// <summary>Points keyed to the reading progress lines (a tenth each); the others are timed into the write phase.</summary>
    private static readonly int[] ReadingTenths = [0, 3, 6, 9, 10];

    private static string Mirror => Path.Combine(TestPaths.Shared, "mirror");

    [Fact]
    public void An_import_killed_at_20_points_is_finished_by_a_rerun_with_the_bytes_of_an_uninterrupted_one()
    {
        var root = TestPaths.NewTempDir();
        var expectedDir = FreshContent(Path.Combine(root, "expected"));
        var initial = FileTrees.Hashes(expectedDir);
        var (baseline, writePhase) = TimedImport(expectedDir);
        Assert.True(baseline.ExitCode == 0, baseline.Stderr);
        var expected = FileTrees.Hashes(expectedDir);
        Assert.True(expected.Keys.Count(k => k.StartsWith("articles/", StringComparison.Ordinal)) > 1000, "the mirror should give over 1,000 articles");
        Assert.Empty(ArchiveChecker.Check(expectedDir));

        var random = new Random(21);
        var outcomes = new List<string>();
        var timed = KillPoints - ReadingTenths.Length;
        for (var i = 0; i < KillPoints; i++)
        {
            var content = FreshContent(Path.Combine(root, $"killed-{i}"));
            var (tenth, delay) = i < ReadingTenths.Length
                ? (ReadingTenths[i], TimeSpan.Zero)
                : (10, writePhase * 1.1 * ((i - ReadingTenths.Length) + random.NextDouble()) / timed);
            var (exited, last) = StartAndKill(content, $"({tenth * 10}%)", delay);

            var left = FileTrees.Hashes(content);
            AssertEveryArticleParses(content);
            var problems = ArchiveChecker.Check(content);
            AssertOnlyWhatARerunFinishes(problems, i);
            var when = $"{tenth * 10}% read + {delay.TotalMilliseconds:F0} ms";
            if (Same(left, initial))
            {
                // Nothing written: a re-run is the uninterrupted import itself.
                outcomes.Add($"{when}: {(exited ? "finished first" : "killed")} after '{last}', nothing written");
                continue;
            }

            var rerun = CliRunner.Run("import", Mirror, "--content", content);
            Assert.True(rerun.ExitCode == 0, rerun.Stderr);
            var after = FileTrees.Hashes(content);
            Assert.True(Same(after, expected), $"kill {i} ({when}): the re-run differs from an uninterrupted import: {Difference(expected, after)}");
            outcomes.Add($"{when}: {(exited ? "finished first" : "killed")} after '{last}', {left.Count - initial.Count} files and {problems.Count} named problem(s) left, re-run identical");
        }

        output.WriteLine($"import of the mirror: {baseline.Stdout.Trim()}; write phase {writePhase.TotalMilliseconds:F0} ms\n" + string.Join("\n", outcomes));
        Assert.Contains(outcomes, o => o.Contains("killed", StringComparison.Ordinal) && o.Contains("re-run identical", StringComparison.Ordinal) && !o.Contains(" 0 named", StringComparison.Ordinal));
    }

    [Fact]
    public void An_import_onto_a_full_disk_stops_with_one_line_and_exit_3_and_a_rerun_with_room_finishes_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // tmpfs or ulimit; CI runs on Linux.
        }

        var root = TestPaths.NewTempDir();
        var expectedDir = FreshContent(Path.Combine(root, "expected"));
        var baseline = CliRunner.Run("import", TestPaths.Corpus, "--content", expectedDir);
        Assert.True(baseline.ExitCode == 0, baseline.Stderr);
        var expected = FileTrees.Hashes(expectedDir);

        var disk = Path.Combine(root, "disk");
        Directory.CreateDirectory(disk);
        var mounted = SmallDisk.Mount(disk, "4m");
        try
        {
            var content = FreshContent(disk);
            var initial = FileTrees.Hashes(content);
            (int ExitCode, string Stdout, string Stderr) full;
            string? filler = null;
            if (mounted)
            {
                // 256 KB free: the corpus's sources and articles (about 1 MB) run out of room part way.
                filler = SmallDisk.Fill(disk, 256 << 10);
                full = CliRunner.Run("import", TestPaths.Corpus, "--content", content);
            }
            else
            {
                full = CliRunner.Run(["import", TestPaths.Corpus, "--content", content], SmallDisk.FileSizeLimit(32));
            }

            output.WriteLine(mounted ? "tmpfs of 4 MB, 256 KB free" : "no tmpfs (not root): ulimit -f 32");
            output.WriteLine(full.Stderr);
            Assert.True(full.ExitCode == 3, $"exit {full.ExitCode}\n{full.Stderr}");
            var errors = full.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
            var error = Assert.Single(errors);
            Assert.StartsWith("error: cannot write to the content folder", error, StringComparison.Ordinal);
            Assert.Contains(mounted ? "No space left" : "too large", error, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", full.Stdout + full.Stderr, StringComparison.Ordinal);

            // Nothing half-written: every article whole, no temporary file left, and check names only what a re-run finishes.
            AssertEveryArticleParses(content);
            Assert.Empty(AtomicFile.Leftovers(content, true));
            AssertOnlyWhatARerunFinishes(ArchiveChecker.Check(content), -1);
            Assert.False(Same(FileTrees.Hashes(content), initial) && mounted, "the import wrote nothing before the disk was full: the test's disk is too small");

            if (filler is not null)
            {
                File.Delete(filler);
            }

            var rerun = CliRunner.Run("import", TestPaths.Corpus, "--content", content);
            Assert.True(rerun.ExitCode == 0, rerun.Stderr);
            var after = FileTrees.Hashes(content);
            Assert.True(Same(after, expected), $"the re-run differs from an uninterrupted import: {Difference(expected, after)}");
        }
        finally
        {
            if (mounted)
            {
                SmallDisk.Unmount(disk);
            }
        }
    }

    /// <summary>A content folder with the repository's outlets, as a user's would be before a first import.</summary>
    private static string FreshContent(string dir)
    {
        var content = Path.Combine(dir, "content");
        Directory.CreateDirectory(Path.Combine(content, "outlets"));
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoContent, "outlets"), "*.yml"))
        {
            File.Copy(file, Path.Combine(content, "outlets", Path.GetFileName(file)));
        }

        return content;
    }

    /// <summary>An uninterrupted import, and how long it ran after its last reading line (the write phase, mostly).</summary>
    private static ((int ExitCode, string Stdout, string Stderr) Result, TimeSpan WritePhase) TimedImport(string content)
    {
        var clock = new Stopwatch();
        using var process = Start(content);
        var stderr = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                if (line.Contains("(100%)", StringComparison.Ordinal))
                {
                    clock.Start();
                }

                lock (stderr)
                {
                    stderr.Add(line);
                }
            }
        };
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.BeginErrorReadLine();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the import of the mirror took over 2 minutes");
        process.WaitForExit();
        clock.Stop();
        return ((process.ExitCode, stdout.Result, string.Join("\n", stderr)), clock.Elapsed);
    }

    /// <summary>Starts an import and kills it (SIGKILL) <paramref name="delay"/> after a progress line holding <paramref name="mark"/>: whether it had exited first, and its last line.</summary>
    private static (bool Exited, string Last) StartAndKill(string content, string mark, TimeSpan delay)
    {
        using var trigger = new ManualResetEventSlim();
        var last = "starting";
        using var process = Start(content);
        process.ErrorDataReceived += (_, e) => Seen(e.Data);
        process.OutputDataReceived += (_, e) => Seen(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var exited = FileTrees.WaitForLineOrExit(process, trigger, TimeSpan.FromMinutes(2)) || (delay > TimeSpan.Zero && process.WaitForExit(delay));
        if (!exited)
        {
            process.Kill(); // SIGKILL on Unix
        }

        process.WaitForExit();
        return (exited, last);

        void Seen(string? line)
        {
            if (line is { Length: > 0 } && !trigger.IsSet)
            {
                last = line;
                if (line.Contains(mark, StringComparison.Ordinal))
                {
                    trigger.Set();
                }
            }
        }
    }

    private static Process Start(string content)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { CliRunner.CliPath, "import", Mirror, "--content", content })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CI"] = "true"; // progress as plain lines, one per tenth
        var process = Process.Start(info)!;
        process.StandardInput.Close();
        return process;
    }


    private static void AssertEveryArticleParses(string content)
    {
        var articles = Path.Combine(content, "articles");
        if (!Directory.Exists(articles))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories))
        {
            var parsed = ArticleFile.Parse(File.ReadAllText(file)); // throws, naming the line, on half a file
            Assert.False(string.IsNullOrEmpty(parsed.Body), file);
        }
    }

    /// <summary>After a kill, <c>check</c> finds the folder whole, or names only what the next import finishes.</summary>
    private static void AssertOnlyWhatARerunFinishes(IReadOnlyList<ContentException> problems, int kill)
    {
        foreach (var problem in problems)
        {
            var named = (problem.FilePath == "sources/" + SourceManifest.PendingFileName && problem.Reason.Contains("run the same `sitegen import` again", StringComparison.Ordinal))
                || (AtomicFile.IsTemporary(Path.GetFileName(problem.FilePath)) && problem.Reason.Contains("the next `sitegen import` removes it", StringComparison.Ordinal));
            Assert.True(named, $"kill {kill}: check reports a problem a re-run does not finish: {problem.Message}");
        }
    }

    private static bool Same(SortedDictionary<string, string> a, SortedDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.GetValueOrDefault(kv.Key) == kv.Value);

    private static string Difference(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual)
    {
        var missing = expected.Keys.Where(k => !actual.ContainsKey(k)).ToList();
        var extra = actual.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        var changed = expected.Keys.Where(k => actual.TryGetValue(k, out var h) && h != expected[k]).ToList();
        return $"{missing.Count} missing ({string.Join(", ", missing.Take(3))}), {extra.Count} extra ({string.Join(", ", extra.Take(3))}), {changed.Count} changed ({string.Join(", ", changed.Take(3))})";
    }
}
