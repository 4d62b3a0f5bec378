namespace SiteGen.Tests.Rendering;

public class TemplateErrorTests
{
    [Fact]
    public void A_runtime_template_error_names_file_line_column_and_page()
    {
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts"));
        File.WriteAllText(Path.Combine(content, "layouts", "tag.scriban"), "<h1>{{ tag.title }}</h1>\n  {{ no_such_thing.x }}\n");
        var result = SiteFixture.Build(Path.Combine(TestPaths.NewTempDir(), "public"), content);
        Assert.False(result.Succeeded);
        var error = result.Errors[0];
        Assert.Contains("layouts/tag.scriban(2,6)", error, StringComparison.Ordinal);
        Assert.Contains("no_such_thing", error, StringComparison.Ordinal);
        Assert.Contains("/tags/", error, StringComparison.Ordinal);
        Assert.Contains("index.html", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ site.nosuch }}", "nosuch")]
    [InlineData("{{ if site.titel }}x{{ end }}", "titel")]
    [InlineData("{{ for a in pager.items }}{{ a.headline }}{{ end }}", "headline")]
    public void An_unknown_member_of_a_known_variable_is_an_error_naming_file_line_and_member(string line, string member)
    {
        // As for an unknown variable: a typo must not print an empty string on every page.
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts"));
        File.WriteAllText(Path.Combine(content, "layouts", "tag.scriban"), "<h1>{{ tag.title }}</h1>\n" + line + "\n");
        var result = SiteFixture.Build(Path.Combine(TestPaths.NewTempDir(), "public"), content);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("layouts/tag.scriban(2,", StringComparison.Ordinal) && e.Contains(member, StringComparison.Ordinal));
    }

    [Fact]
    public void A_syntax_error_names_file_line_and_column()
    {
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts", "partials"));
        File.WriteAllText(Path.Combine(content, "layouts", "partials", "footer.scriban"), "<footer>\n{{ if }}\n</footer>");
        var result = SiteFixture.Build(Path.Combine(TestPaths.NewTempDir(), "public"), content);
        Assert.False(result.Succeeded);
        Assert.Contains("layouts/partials/footer.scriban(2,", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_translation_key_is_a_warning_and_with_strict_an_error()
    {
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts"));
        File.WriteAllText(Path.Combine(content, "layouts", "search.scriban"), "<p>{{ t \"search.no_such_key\" }}</p>");
        var relaxed = SiteFixture.Build(Path.Combine(TestPaths.NewTempDir(), "public"), content);
        Assert.True(relaxed.Succeeded, string.Join("\n", relaxed.Errors));
        Assert.Contains(relaxed.Warnings, w => w.Contains("'search.no_such_key'", StringComparison.Ordinal) && w.Contains("i18n/zh.yml", StringComparison.Ordinal));
        var strict = SiteFixture.Build(Path.Combine(TestPaths.NewTempDir(), "public"), content, strict: true);
        Assert.False(strict.Succeeded);
        Assert.Contains(strict.Errors, e => e.Contains("'search.no_such_key'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_in_content_layouts_replaces_the_theme_template()
    {
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts", "partials"));
        File.WriteAllText(Path.Combine(content, "layouts", "partials", "footer.scriban"), "<footer class=\"custom\">{{ t \"footer.about\" }}</footer>");
        var outDir = Path.Combine(TestPaths.NewTempDir(), "public");
        var result = SiteFixture.Build(outDir, content);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var doc = SiteFixture.Parse(File.ReadAllText(Path.Combine(outDir, "en", "index.html")));
        Assert.Equal("A news archive. Articles are kept in their own language, never machine-translated.", doc.QuerySelector("footer.custom")?.TextContent);
        Assert.Null(doc.QuerySelector("footer.site-footer"));
    }

    [Theory]
    [InlineData("{{ string.upcase = 1 }}")]
    [InlineData("{{ array.size = 1 }}")]
    public void A_template_cannot_change_functions_every_page_shares(string assignment)
    {
        // Built-in and site functions are made once and shared by all pages and threads: changing them
        // from one page would change the others, in an order that differs between builds.
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts"));
        File.WriteAllText(Path.Combine(content, "layouts", "search.scriban"), assignment + "<p>{{ 'a' | string.upcase }} {{ t 'search.title' }}</p>");
        var result = SiteFixture.Build(Path.Combine(TestPaths.NewTempDir(), "public"), content);
        Assert.False(result.Succeeded);
        Assert.True(result.Errors[0].Contains("layouts/search.scriban(1,", StringComparison.Ordinal), result.Errors[0]);
    }
}
