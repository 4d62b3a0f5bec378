namespace SiteGen.Tests.Cli;

public class BuildCommandTests
{
    [Theory]
    [InlineData("build", "--content", "--out", "--base-url", "--strict", "--timings", "--minify", "--no-search")]
    [InlineData("serve", "--content", "--port", "--host", "--base-url", "--open")]
    public void Help_describes_every_option(string command, params string[] options)
    {
        var (code, stdout, _) = CliRunner.RunIn(TestPaths.RepoRoot, command, "--help");
        Assert.Equal(0, code);
        foreach (var option in options)
        {
            var line = stdout.Split('\n').Single(l => l.TrimStart().StartsWith(option, StringComparison.Ordinal));
            Assert.True(line.Trim().Length > option.Length + 20, $"{option} has no description: {line}");
        }
    }

    [Fact]
    public void Build_prints_the_summary_and_uses_the_theme_shipped_with_the_program()
    {
        var content = SiteFixture.CopyContent(); // no themes/ folder beside this copy
        var outDir = Path.Combine(Path.GetDirectoryName(content)!, "site-out");
        var (code, stdout, stderr) = CliRunner.RunIn(Path.GetDirectoryName(content)!, "build", "--content", content, "--out", outDir, "--base-url", "https://user.github.io/repo/");
        Assert.True(code == 0, stderr);
        Assert.Matches(@"built 53 pages \(7 articles, \d+ files, [\d.]+ MB\)", stdout);
        Assert.Matches(@"size: [\d.]+ MB in \d+ files, [\d.]+ KB per article \(7 articles\) → [\d.]+ GB projected at 50,000 articles", stdout);
        Assert.Contains("rendering 53/53 (100%)", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "zh", "articles", "epochtimes-n13555352", "index.html")));
    }

    [Fact]
    public void No_search_leaves_the_index_out_and_minify_shrinks_every_page()
    {
        var root = TestPaths.NewTempDir();
        var plain = Path.Combine(root, "plain");
        var small = Path.Combine(root, "small");
        var (code, _, stderr) = CliRunner.RunIn(root, "build", "--content", SiteFixture.ContentDir, "--out", plain, "--no-search");
        Assert.True(code == 0, stderr);
        Assert.False(Directory.Exists(Path.Combine(plain, "search")));
        Assert.True(File.Exists(Path.Combine(plain, "zh", "search", "index.html")));
        (code, _, stderr) = CliRunner.RunIn(root, "build", "--content", SiteFixture.ContentDir, "--out", small, "--minify");
        Assert.True(code == 0, stderr);
        Assert.True(File.Exists(Path.Combine(small, "search", "index.json")));
        foreach (var page in Directory.EnumerateFiles(plain, "*.html", SearchOption.AllDirectories))
        {
            Assert.True(new FileInfo(page).Length > new FileInfo(Path.Combine(small, Path.GetRelativePath(plain, page))).Length, page);
        }
    }

    [Fact]
    public void A_broken_link_exits_with_content_errors_naming_page_and_link()
    {
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts"));
        File.WriteAllText(Path.Combine(content, "layouts", "search.scriban"), "<a href=\"{{ url 'en/nowhere/' }}\">x</a>");
        var outDir = Path.Combine(Path.GetDirectoryName(content)!, "site-out");
        var (code, _, stderr) = CliRunner.RunIn(Path.GetDirectoryName(content)!, "build", "--content", content, "--out", outDir);
        Assert.Equal(1, code);
        Assert.Contains("error: /zh/search/index.html: broken link: /en/nowhere/", stderr, StringComparison.Ordinal);
        Assert.Contains("was not changed", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void A_missing_content_folder_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.RunIn(TestPaths.RepoRoot, "build", "--content", "no/such/folder", "--out", Path.Combine(TestPaths.NewTempDir(), "o"));
        Assert.Equal(2, code);
        Assert.Contains("no such content folder", stderr, StringComparison.Ordinal);
    }
}
