using System.Diagnostics;
using System.Security.Cryptography;
using SiteGen.Content;
using SiteGen.Import;
using SiteGen.Tests.Cli;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Nothing lost: `import` never reads past its size limit, never follows links out of the input or
/// into places outside the content folder, never overwrites a kept source or a hand edit without
/// --force, fails cleanly (exit 3, nothing half-written) on a content folder it cannot write, and
/// leaves an archive that `sitegen check` finds whole after a hostile run.
/// </summary>
public class HostileNothingLostTests
{
    [Fact]
    public void A_50_MB_file_is_rejected_by_its_size_without_being_read()
    {
        var (content, inbox) = HostileKit.NewWorkspace();
        var big = Path.Combine(inbox, "big-50mb.txt");
        using (var stream = File.Create(big))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<SiteGen.Sources.SourceRejectedException>(() => Importer.ReadBounded(big));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1024 * 1024, "the file was read to find its size");
        Assert.Contains("file too large (52,428,800 bytes; the limit is 16,777,216)", e.Message, StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        var entry = Assert.Single(HostileKit.Import(content, inbox).Entries);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        Assert.Equal(ImportStatus.Rejected, entry.Status);
        Assert.Equal(big, entry.Path);
        Assert.StartsWith("file too large", entry.Reason, StringComparison.Ordinal);
        HostileKit.AssertCheckClean(content);
    }

    [Fact]
    public void Links_inside_the_input_folder_are_not_followed()
    {
        var (content, inbox) = HostileKit.NewWorkspace();
        var outside = Path.Combine(Path.GetDirectoryName(inbox)!, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.md"), HostileInputs.Normalized());
        File.WriteAllText(Path.Combine(inbox, "real.txt"), HostileInputs.Rss(HostileInputs.Paragraph));
        File.CreateSymbolicLink(Path.Combine(inbox, "link-to-file.md"), Path.Combine(outside, "secret.md"));
        Directory.CreateSymbolicLink(Path.Combine(inbox, "link-to-folder"), outside);
        File.CreateSymbolicLink(Path.Combine(inbox, "link-to-passwd.txt"), "/etc/passwd");

        var result = HostileKit.Import(content, inbox);

        var entry = Assert.Single(result.Entries);
        Assert.EndsWith("real.txt", entry.Path, StringComparison.Ordinal);
        HostileKit.AssertCheckClean(content);
    }

    [Fact]
    public void A_link_inside_the_content_folder_does_not_carry_writes_out_of_it()
    {
        var (content, inbox) = HostileKit.NewWorkspace();
        var outside = Path.Combine(Path.GetDirectoryName(inbox)!, "outside");
        Directory.CreateDirectory(outside);
        Directory.CreateDirectory(Path.Combine(content, "articles"));
        Directory.CreateSymbolicLink(Path.Combine(content, "articles", "voachinese"), outside);
        File.WriteAllText(Path.Combine(inbox, "a.txt"), HostileInputs.Rss(HostileInputs.Paragraph));

        var (code, stdout, stderr) = CliRunner.Run("import", inbox, "--content", content);

        Assert.Equal(3, code);
        Assert.Contains("symbolic link", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(outside, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_read_only_content_folder_gives_a_clear_error_exit_3_and_nothing_half_written()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes; CI runs on Linux.
        }

        var (content, inbox) = HostileKit.NewWorkspace();
        File.WriteAllText(Path.Combine(inbox, "a.txt"), HostileInputs.Rss(HostileInputs.Paragraph));
        File.WriteAllText(Path.Combine(inbox, "b.md"), HostileInputs.Normalized().Replace("6426608", "6426609", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(content, "sources"));
        Directory.CreateDirectory(Path.Combine(content, "articles"));
        var root = Path.GetDirectoryName(content)!;
        var before = FileTrees.Hashes(content);
        foreach (var dir in Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Append(root))
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        try
        {
            // Root ignores file modes: then the CLI runs as an unprivileged user, as an archivist would.
            var (code, stdout, stderr) = Environment.UserName == "root" && File.Exists("/usr/bin/setpriv")
                ? RunUnprivileged("import", inbox, "--content", content)
                : CliRunner.Run("import", inbox, "--content", content);

            Assert.Equal(3, code);
            Assert.Contains("error: cannot write to the content folder", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
            Assert.Equal(before, FileTrees.Hashes(content));
        }
        finally
        {
            foreach (var dir in Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Append(root))
            {
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    [Fact]
    public void A_kept_source_with_other_bytes_under_the_same_name_is_never_overwritten()
    {
        var (content, inbox) = HostileKit.NewWorkspace();
        var raw = Path.Combine(inbox, "a.txt");
        File.WriteAllText(raw, HostileInputs.Rss(HostileInputs.Paragraph));
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(raw)));
        var kept = Path.Combine(content, "sources", sha + ".txt");
        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        File.WriteAllText(kept, "someone else's bytes under this name");

        HostileKit.Import(content, raw);
        HostileKit.Import(content, raw);
        new Importer(SiteGen.Sources.SourceReaders.Default, HostileKit.Outlets).Import([raw], new ImportOptions(content, Force: true));

        Assert.Equal("someone else's bytes under this name", File.ReadAllText(kept));
        // `sitegen check` reports the mismatch, from both sides.
        var problems = string.Join("\n", ArchiveChecker.Check(content).Select(p => p.Message));
        Assert.Contains("does not have the recorded SHA-256", problems, StringComparison.Ordinal);
        Assert.Contains("not the one in its name", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_edit_that_no_longer_parses_is_kept_unless_forced()
    {
        var (content, inbox) = HostileKit.NewWorkspace();
        var raw = Path.Combine(inbox, "a.txt");
        File.WriteAllText(raw, HostileInputs.Rss(HostileInputs.Paragraph));
        var article = Path.Combine(content, HostileKit.Import(content, raw).Entries[0].Article!);
        var edited = File.ReadAllText(article).Replace("lang: zh-Hans", "lang: [zh-Hans   # half-finished edit", StringComparison.Ordinal);
        File.WriteAllText(article, edited);

        var again = Assert.Single(HostileKit.Import(content, raw).Entries);

        Assert.Equal(ImportStatus.Unchanged, again.Status);
        Assert.Contains("--force", again.Note, StringComparison.Ordinal);
        Assert.Equal(edited, File.ReadAllText(article));

        new Importer(SiteGen.Sources.SourceReaders.Default, HostileKit.Outlets).Import([raw], new ImportOptions(content, Force: true));
        Assert.Contains("lang: zh-Hans\n", File.ReadAllText(article), StringComparison.Ordinal);
        HostileKit.AssertCheckClean(content);
    }

    [Fact]
    public void The_whole_hostile_set_imports_in_one_run_check_is_clean_and_a_second_run_changes_nothing()
    {
        var (content, inbox) = HostileKit.NewWorkspace();
        foreach (var file in Directory.GetFiles(HostileKit.Dir))
        {
            File.Copy(file, Path.Combine(inbox, Path.GetFileName(file)));
        }

        var first = HostileKit.Import(content, inbox);

        Assert.Equal(Directory.GetFiles(HostileKit.Dir).Length, first.Entries.Count);
        Assert.All(first.Entries.Where(e => e.Status == ImportStatus.Rejected), e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        Assert.All(first.Entries, e => Assert.DoesNotContain("internal error", e.Reason ?? "", StringComparison.Ordinal));
        HostileKit.AssertCheckClean(content);
        foreach (var stored in ArticleStore.Open(content).Articles)
        {
            HostileKit.AssertSafe(stored.Article, content);
        }

        var before = FileTrees.Hashes(content);
        HostileKit.Import(content, inbox);
        Assert.Equal(before, FileTrees.Hashes(content));
        Assert.All(Directory.GetFiles(inbox), f => Assert.True(File.Exists(f)));
    }

    private static (int ExitCode, string Stdout, string Stderr) RunUnprivileged(params string[] args) =>
        CliRunner.Run(args, ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
}
