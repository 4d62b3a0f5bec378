namespace SiteGen.Tests.Cli;

public class InitCommandTests
{
    [Fact]
    public void An_initialized_archive_builds_strictly_and_passes_check()
    {
        var dir = Path.Combine(TestPaths.NewTempDir(), "archive");

        var (code, stdout, stderr) = CliRunner.Run("init", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("init: wrote 9 files", stdout, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(dir, "content", "outlets")));
        Assert.True(Directory.Exists(Path.Combine(dir, "content", "events")));

        (code, _, stderr) = CliRunner.RunIn(dir, "build", "--strict", "--base-url", "https://user.github.io/archive/");
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(dir, "public", "zh", "index.html")));
        Assert.Contains("<title>新闻档案", File.ReadAllText(Path.Combine(dir, "public", "zh", "index.html")), StringComparison.Ordinal);
        (code, stdout, stderr) = CliRunner.RunIn(dir, "check");
        Assert.True(code == 0, stderr);
        Assert.Contains("the archive is whole", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_unless_forced_and_forcing_keeps_existing_files()
    {
        var dir = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(dir, "README.md"), "my notes\n");

        var (code, _, stderr) = CliRunner.Run("init", dir);
        Assert.Equal(2, code);
        Assert.Contains("is not empty; use --force", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "content")));

        (code, var stdout, stderr) = CliRunner.Run("init", dir, "--force");
        Assert.True(code == 0, stderr);
        Assert.Contains("kept README.md (it exists; not overwritten)", stdout, StringComparison.Ordinal);
        Assert.Equal("my notes\n", File.ReadAllText(Path.Combine(dir, "README.md")));
        Assert.True(File.Exists(Path.Combine(dir, "content", "site.yml")));
    }

    [Fact]
    public void Help_describes_the_folder_and_every_option()
    {
        var (code, stdout, _) = CliRunner.Run("init", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--theme", "--force" })
        {
            var line = stdout.Split('\n').Single(l => l.TrimStart().StartsWith(option, StringComparison.Ordinal));
            Assert.True(line.Trim().Length > option.Length + 20, $"{option} has no description: {line}");
        }

        Assert.Contains("<dir>", stdout, StringComparison.Ordinal);
    }
}
