namespace SiteGen.Tests.Cli;

/// <summary>README's exit codes: 2 for every usage error of every command; import's 1 when nothing could be imported, and with --strict.</summary>
public class ExitCodeTests
{
    [Theory]
    [InlineData("build --bogus")]
    [InlineData("check --bogus")]
    [InlineData("check --content")]
    [InlineData("serve --port")]
    [InlineData("import")]
    [InlineData("import --bogus")]
    [InlineData("init --bogus")]
    [InlineData("init one two")]
    [InlineData("events --bogus")]
    [InlineData("events suggest --bogus")]
    [InlineData("bogus")]
    public void A_usage_error_exits_2_naming_the_mistake(string args)
    {
        var dir = TestPaths.NewTempDir();
        var (code, _, stderr) = CliRunner.RunIn(dir, args.Split(' '));

        Assert.True(code == 2, $"{args}: exit {code}: {stderr}");
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir)); // init --bogus makes no folder named --bogus
    }

    private static (string Content, string Inbox) Workspace()
    {
        var root = TestPaths.NewTempDir();
        var inbox = Directory.CreateDirectory(Path.Combine(root, "inbox")).FullName;
        return (Path.Combine(root, "content"), inbox);
    }

    /// <summary>A Hexo post without a date: its reader takes it and rejects it.</summary>
    private const string Undated = "---\ntitle: x\nauthor: Example News\n---\n<p>正文。</p>\n";

    [Fact]
    public void Import_exits_1_when_every_file_was_rejected()
    {
        var (content, inbox) = Workspace();
        File.WriteAllText(Path.Combine(inbox, "undated.md"), Undated);
        File.WriteAllBytes(Path.Combine(inbox, "empty.md"), []);

        var (code, stdout, stderr) = CliRunner.Run("import", inbox, "--content", content);

        Assert.True(code == 1, stderr);
        Assert.Contains("0 imported, 0 duplicates, 0 unchanged, 2 rejected", stdout, StringComparison.Ordinal);
        Assert.Contains("nothing imported", stderr, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Needs", "shared")]
    public void Import_with_strict_exits_1_when_any_file_was_rejected_and_0_without()
    {
        var (content, inbox) = Workspace();
        File.Copy(TestPaths.Seed("001"), Path.Combine(inbox, "voa.txt"));
        File.WriteAllText(Path.Combine(inbox, "undated.md"), Undated);

        var strict = CliRunner.Run("import", inbox, "--content", content, "--strict");
        Assert.True(strict.ExitCode == 1, strict.Stderr);
        Assert.Contains("1 imported", strict.Stdout, StringComparison.Ordinal);

        var lenient = CliRunner.Run("import", inbox, "--content", content);
        Assert.True(lenient.ExitCode == 0, lenient.Stderr);
    }
}
