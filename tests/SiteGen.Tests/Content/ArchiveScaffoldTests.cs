using System.Text.Json;
using SiteGen.Content;
using SiteGen.Model;

namespace SiteGen.Tests.Content;

public class ArchiveScaffoldTests
{
    [Fact]
    public void The_written_site_yml_parses_strictly_names_every_setting_and_holds_the_defaults()
    {
        var dir = TestPaths.NewTempDir();
        ArchiveScaffold.Write(dir, "1.2.3");

        var text = File.ReadAllText(Path.Combine(dir, "content", "site.yml"));
        var settings = SiteStore.LoadSettings(Path.Combine(dir, "content"));

        Assert.Equivalent(new SiteSettings(), settings, strict: true);
        foreach (var property in typeof(SiteSettings).GetProperties())
        {
            var key = string.Concat(property.Name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
            Assert.Matches($"(?m)^{key}: ", text);
        }
    }

    [Fact]
    public void The_tool_manifest_pins_the_given_version_of_the_sitegen_command()
    {
        var dir = TestPaths.NewTempDir();
        ArchiveScaffold.Write(dir, "1.2.3");

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, ".config", "dotnet-tools.json")));
        var tool = manifest.RootElement.GetProperty("tools").GetProperty("sitegen.cli");
        Assert.Equal("1.2.3", tool.GetProperty("version").GetString());
        Assert.Equal("sitegen", tool.GetProperty("commands")[0].GetString());
    }

    [Fact]
    public void An_existing_file_is_kept_as_the_user_wrote_it_and_reported()
    {
        var dir = TestPaths.NewTempDir();
        Directory.CreateDirectory(Path.Combine(dir, "content"));
        File.WriteAllText(Path.Combine(dir, "content", "site.yml"), "title_en: Mine\n");
        File.WriteAllText(Path.Combine(dir, "README.md"), "my notes\n");

        var outcome = ArchiveScaffold.Write(dir, "1.0.0");

        Assert.Equal(["content/site.yml", "README.md"], outcome.Kept);
        Assert.Equal("title_en: Mine\n", File.ReadAllText(Path.Combine(dir, "content", "site.yml")));
        Assert.Equal("my notes\n", File.ReadAllText(Path.Combine(dir, "README.md")));
        Assert.Contains(".github/workflows/pages.yml", outcome.Written);
        Assert.False(ArchiveScaffold.IsEmptyOrMissing(dir));
    }

    [Fact]
    public void The_theme_is_copied_only_when_asked_to_where_the_build_finds_it()
    {
        var plain = TestPaths.NewTempDir();
        var themed = TestPaths.NewTempDir();
        var theme = Path.Combine(TestPaths.RepoRoot, "themes", "default");

        ArchiveScaffold.Write(plain, "1.0.0");
        var outcome = ArchiveScaffold.Write(themed, "1.0.0", theme);

        Assert.False(Directory.Exists(Path.Combine(plain, "themes")));
        Assert.Equal(Directory.GetFiles(theme, "*", SearchOption.AllDirectories).Length, outcome.Written.Count(f => f.StartsWith("themes/default/", StringComparison.Ordinal)));
        var options = new SiteGen.Publishing.BuildOptions(Path.Combine(themed, "content"), Path.Combine(themed, "public"));
        Assert.Equal(Path.Combine(themed, "themes", "default"), SiteGen.Publishing.SiteBuilder.FindTheme(options, "default"));
    }

    [Fact]
    public void The_workflow_builds_strictly_with_the_pages_base_url_checks_and_deploys_with_pages_permissions()
    {
        var workflow = ArchiveScaffold.Files("1.0.0").Single(f => f.Key == ".github/workflows/pages.yml").Value;

        Assert.Contains("run: dotnet tool restore", workflow, StringComparison.Ordinal);
        Assert.Contains("sitegen build --strict --base-url \"${{ steps.pages.outputs.base_url }}/\"", workflow, StringComparison.Ordinal);
        Assert.Contains("run: dotnet tool run sitegen check", workflow, StringComparison.Ordinal);
        Assert.Matches(@"permissions:\n  contents: read\n  pages: write\n  id-token: write\n", workflow);
        Assert.Matches(@"concurrency:\n  group: pages\n  cancel-in-progress: false\n", workflow);
        foreach (var action in new[] { "checkout@v7", "setup-dotnet@v5", "configure-pages@v6", "upload-pages-artifact@v5", "deploy-pages@v5" })
        {
            Assert.Contains("uses: actions/" + action, workflow, StringComparison.Ordinal);
        }
    }
}
