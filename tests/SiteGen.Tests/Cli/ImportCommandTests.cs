using System.Text.Json;
using SiteGen.Content;
using SiteGen.Model;

namespace SiteGen.Tests.Cli;

public class ImportCommandTests
{
    [Fact]
    public void Import_writes_a_json_report_with_one_entry_per_file_and_prints_the_summary()
    {
        var root = TestPaths.NewTempDir();
        var inbox = Directory.CreateDirectory(Path.Combine(root, "inbox")).FullName;
        var content = Path.Combine(root, "content");
        Directory.CreateDirectory(Path.Combine(content, "outlets"));
        File.Copy(Path.Combine(TestPaths.Content, "outlets", "dw.yml"), Path.Combine(content, "outlets", "dw.yml"));
        File.WriteAllText(Path.Combine(inbox, "good.md"), ArticleFile.Write(new Article
        {
            Id = "dw-70111745",
            Title = "普京：我家里有小孩能说流利的中文",
            Lang = "zh-Hans",
            Outlet = "dw",
            Published = PublishedDate.FromInstant(new DateTimeOffset(2024, 9, 8, 7, 19, 16, TimeSpan.Zero)),
            Body = "正文。",
        }));
        File.WriteAllBytes(Path.Combine(inbox, "empty.md"), []);
        var report = Path.Combine(root, "report.json");

        var (code, stdout, stderr) = CliRunner.Run("import", inbox, "--content", content, "--report", report);

        Assert.Equal(0, code);
        Assert.Contains("1 imported, 0 duplicates, 0 unchanged, 1 rejected", stdout, StringComparison.Ordinal);
        Assert.Contains("empty.md", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        var rejected = entries.Single(e => e.GetProperty("status").GetString() == "rejected");
        Assert.EndsWith("empty.md", rejected.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Contains("empty", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var imported = entries.Single(e => e.GetProperty("status").GetString() == "imported");
        Assert.Equal("dw-70111745", imported.GetProperty("id").GetString());
        Assert.Equal("articles/dw/2024/70111745.md", imported.GetProperty("article").GetString());
    }

    [Fact]
    public void A_missing_input_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("import", Path.Combine(TestPaths.NewTempDir(), "nope"));
        Assert.Equal(2, code);
        Assert.Contains("no such file or folder", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("check")]
    public void Every_command_has_help(string command)
    {
        var (code, stdout, _) = CliRunner.Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        Assert.Contains("--content", stdout, StringComparison.Ordinal);
    }
}
