using SiteGen.Content;

namespace SiteGen.Tests.Events;

/// <summary>A draft of <c>events suggest --write</c> moved into content/events/ with its placeholders left in is never published silently.</summary>
public class EventPlaceholdersTests
{
    private static string ContentWithPlaceholders()
    {
        var content = SiteFixture.CopyContent();
        var path = Path.Combine(content, "events", "xi-putin-video-2022.yml");
        var yaml = File.ReadAllLines(path).Select(l => l.StartsWith("title_en:", StringComparison.Ordinal) ? "title_en: \"TODO: English title\"" : l.StartsWith("title_zh:", StringComparison.Ordinal) ? "title_zh: 待填：中文标题" : l);
        File.WriteAllLines(path, yaml);
        return content;
    }

    private static int LineOf(string content, string field) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(content, "events", "xi-putin-video-2022.yml")), l => l.StartsWith(field, StringComparison.Ordinal)) + 1;

    [Fact]
    public void The_build_warns_naming_the_file_line_and_field()
    {
        var content = ContentWithPlaceholders();
        var result = SiteFixture.Build(Path.Combine(Path.GetDirectoryName(content)!, "public"), content);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains($"events/xi-putin-video-2022.yml:{LineOf(content, "title_en:")}: title_en is still the placeholder 'TODO: English title' that events suggest --write left: write it before publishing", result.Warnings);
        Assert.Contains(result.Warnings, w => w.StartsWith($"events/xi-putin-video-2022.yml:{LineOf(content, "title_zh:")}: title_zh is still the placeholder '待填：中文标题'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_strict_build_and_check_refuse_it()
    {
        var content = ContentWithPlaceholders();
        var strict = SiteFixture.Build(Path.Combine(Path.GetDirectoryName(content)!, "public"), content, strict: true);

        Assert.False(strict.Succeeded);
        Assert.Equal(2, strict.Errors.Count(e => e.Contains("placeholder", StringComparison.Ordinal)));
        Assert.Equal(2, ArchiveChecker.Check(content).Count(p => p.Message.Contains("placeholder", StringComparison.Ordinal)));
        Assert.DoesNotContain(ArchiveChecker.Check(SiteFixture.CopyContent()), p => p.Message.Contains("placeholder", StringComparison.Ordinal));
    }
}
