using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace SiteGen.Tests.Cli;

/// <summary>README's "Start your own archive": init, import seeds + corpus + mirror, build — no file written by hand.</summary>
[Trait("Needs", "shared")]
public class FromNothingTests(ITestOutputHelper output)
{
    [Fact]
    public void Init_import_and_build_from_nothing_import_the_mirror_and_list_only_outlets_with_articles()
    {
        var root = TestPaths.NewTempDir();
        var archive = Path.Combine(root, "a");
        var content = Path.Combine(archive, "content");
        var report = Path.Combine(root, "report.json");
        var mirror = Path.Combine(TestPaths.Shared, "mirror");

        Assert.Equal(0, CliRunner.Run("init", archive).ExitCode);
        var import = CliRunner.Run("import", TestPaths.Seeds, TestPaths.Corpus, mirror, "--content", content, "--report", report);
        Assert.True(import.ExitCode == 0, import.Stderr);
        output.WriteLine(import.Stdout);
        Assert.Matches(@"\d+ imported, \d+ duplicates, \d+ unchanged, \d+ rejected \(\d+ files in [\d.]+ s, \d+ files/s\)", import.Stdout);
        Assert.Contains("rejected by reason: ", import.Stdout, StringComparison.Ordinal);

        // The mirror holds hundreds of pages under two channels: their shared note is counted, not repeated.
        var notes = import.Stderr.Split('\n').Where(l => l.StartsWith("note: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(notes, l => Regex.IsMatch(l, @"^note: \d{3} more files: the same file was given twice \(each is in the report\)$"));
        Assert.True(notes.Count < 100, $"{notes.Count} note lines");

        // The mirror's articles are its pages/**.md (its README: indexes/ lists them, pages/ holds them).
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var pages = json.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("path").GetString()!.Replace('\\', '/').Contains("/mirror/bigcaibao__banned-news/pages/", StringComparison.Ordinal))
            .ToList();
        var onDisk = Directory.GetFiles(Path.Combine(mirror, "bigcaibao__banned-news", "pages"), "*.md", SearchOption.AllDirectories).Length;
        Assert.Equal(onDisk, pages.Count);
        var kept = pages.Count(e => e.GetProperty("status").GetString() != "rejected");
        var share = kept * 100.0 / pages.Count;
        output.WriteLine($"mirror pages imported (imported, duplicate or unchanged): {kept} of {pages.Count} = {share:F2} %");
        Assert.True(share >= 99, $"{share:F2} % of the mirror's pages imported");

        var site = Path.Combine(root, "public");
        var build = CliRunner.Run("build", "--content", content, "--out", site);
        Assert.True(build.ExitCode == 0, build.Stderr);
        output.WriteLine(build.Stdout);

        // Shipped outlets the inputs never mention have no page, feed or sitemap entry.
        var sitemaps = string.Concat(Directory.GetFiles(site, "sitemap*.xml").Select(File.ReadAllText));
        foreach (var id in new[] { "voachinese", "epochtimes", "reuters" })
        {
            Assert.True(Directory.Exists(Path.Combine(site, "zh", "outlets", id)), id);
        }

        foreach (var id in new[] { "bbc", "initium", "zaobao" })
        {
            Assert.False(Directory.Exists(Path.Combine(site, "zh", "outlets", id)), id);
            Assert.False(Directory.Exists(Path.Combine(site, "en", "outlets", id)), id);
            Assert.DoesNotContain($"/outlets/{id}/", sitemaps, StringComparison.Ordinal);
        }
    }
}
