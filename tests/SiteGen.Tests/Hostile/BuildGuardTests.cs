using System.Diagnostics;
using SiteGen.Content;
using SiteGen.Publishing;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Hostile files under <c>content/</c> that once crashed or stalled a build (issue 21): each must stop
/// the build with one error naming the file (and the line where there is one), quickly, and leave the
/// previous site as it was. Just below each limit the same shapes must still build.
/// </summary>
public class BuildGuardTests
{
    private const string Path1 = "articles/aljazeera/2022/hostile.md";

    private const string FrontMatter = "---\nid: aljazeera-hostile\ntitle: hostile body\nlang: en\noutlet: aljazeera\npublished: 2022-02-05\n---\n\n";

    /// <summary>The file line of the body's first line: the front matter above has 8.</summary>
    private const int BodyLine = 9;

    public static TheoryData<string, string, int> TooDeep => new()
    {
        { "blockquote 100,000 deep", new string('>', 100_000) + " x\n", BodyLine },
        { "blockquote with spaces", string.Concat(Enumerable.Repeat("> ", 100_000)) + "x\n", BodyLine },
        { "list 3,000 deep on one line", string.Concat(Enumerable.Repeat("- ", 3_000)) + "x\n", BodyLine },
        { "ordered list 3,000 deep", string.Concat(Enumerable.Repeat("1. ", 3_000)) + "x\n", BodyLine },
        { "quotes and lists mixed", "intro\n\n" + string.Concat(Enumerable.Repeat("> * ", 1_500)) + "x\n", BodyLine + 2 },
        { "list 3,000 deep by indentation (first 40 levels)", string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + "- x\n")), BodyLine + 32 },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void Deep_quotes_and_lists_stop_the_build_naming_file_and_line(string name, string body, int line)
    {
        var error = BuildFails(body, name);
        Assert.Equal($"{Path1}:{line}: quotes and lists nested deeper than {MarkdownGuard.MaxBlockDepth} levels", error);
    }

    [Fact]
    public void A_list_3000_deep_by_indentation_is_refused_by_its_size_or_depth()
    {
        // 3,000 levels indented two columns each are 9 MB of spaces: refused before Markdig (which took 62 s to fail on it).
        var body = string.Concat(Enumerable.Range(0, 3_000).Select(i => new string(' ', 2 * i) + "- x\n"));
        var error = BuildFails(body, "indented list");
        Assert.StartsWith($"{Path1}:", error);
        Assert.Contains("too large", error);
    }

    [Fact]
    public void A_table_10000_columns_wide_stops_the_build_at_its_row()
    {
        var row = "|" + string.Concat(Enumerable.Repeat("a|", 10_000));
        var rule = "|" + string.Concat(Enumerable.Repeat("-|", 10_000));
        var error = BuildFails($"text\n\n{row}\n{rule}\n{row}\n", "table");
        Assert.Equal($"{Path1}:{BodyLine + 2}: a table row wider than {MarkdownGuard.MaxTableColumns} columns", error);
    }

    public static TheoryData<string, string> InlineBombs => new()
    {
        { "emphasis run 100,000 long", new string('*', 100_000) + "x" + new string('*', 100_000) },
        { "brackets 100,000 deep", new string('[', 100_000) + "x" + new string(']', 100_000) },
        { "emphasis nested by separate runs", string.Concat(Enumerable.Repeat("*a _b ", 50)) + "c" + string.Concat(Enumerable.Repeat(" b_ a*", 50)) },
        { "strike and mark runs", "s " + new string('~', 200) + "x" + new string('~', 200) + " " + new string('=', 200) + "y" },
    };

    [Theory]
    [MemberData(nameof(InlineBombs))]
    public void Inline_nesting_bombs_stop_the_build_naming_file_and_line(string name, string paragraph)
    {
        var error = BuildFails("first paragraph\n\n" + paragraph + "\n", name);
        Assert.Equal($"{Path1}:{BodyLine + 2}: links and emphasis nested deeper than {MarkdownGuard.MaxInlineDepth} levels", error);
    }

    public static TheoryData<string, string, string> SlowOrThrowing => new()
    {
        // Each took Markdig 13-74 s, or made it throw, before the guard refused it.
        { "100,000 setext headings", string.Concat(Enumerable.Repeat("a\n=\n", 100_000)), "more than 1,000 headings" },
        { "100,000 ATX headings", string.Concat(Enumerable.Repeat("# a\n\n", 100_000)), "more than 1,000 headings" },
        { "100,000 link definitions", string.Concat(Enumerable.Repeat("[a]: b\n", 100_000)) + "[a]\n", "more than 1,000 link reference definitions" },
        { "emphasis inside words", string.Concat(Enumerable.Repeat("a**", 20_000)) + "b" + string.Concat(Enumerable.Repeat("**a", 20_000)), "more than 128 emphasis marks inside words in one paragraph" },
        { "100,000 unclosed emphasis runs", string.Concat(Enumerable.Repeat("*a ", 100_000)), "more than 1,000 emphasis runs left open in one paragraph" },
    };

    [Theory]
    [MemberData(nameof(SlowOrThrowing))]
    public void Shapes_that_stall_or_break_Markdig_stop_the_build_quickly(string name, string body, string reason)
    {
        var error = BuildFails(body, name);
        Assert.StartsWith($"{Path1}:", error);
        Assert.EndsWith(": " + reason, error);
    }

    [Fact]
    public void A_Markdig_failure_names_the_article_it_was_working_on_even_inside_a_parallel_loop()
    {
        // What escapes the guard is caught where the article is known (its page body, its search text).
        var thrown = Assert.Throws<AggregateException>(() => Parallel.For(0, 4, i =>
            ArticleBodyException.Guard($"aljazeera-x{i}", () => SiteGen.Rendering.MarkdownRenderer.ToHtml(new string('>', 100_000) + " x"))));
        var found = ArticleBodyException.In(thrown);
        Assert.NotNull(found);
        Assert.StartsWith("aljazeera-x", found.ArticleId, StringComparison.Ordinal);
        Assert.Equal($"articles/aljazeera/2022/x.md: the body could not be rendered: {found.InnerException!.Message}", found.Describe(_ => "articles/aljazeera/2022/x.md"));
        Assert.Contains("too deeply nested", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_50_MB_body_is_refused_by_its_size_without_being_read()
    {
        var content = SiteFixture.CopyContent();
        var path = Path.Combine(content, Path1);
        using (var file = File.Create(path))
        {
            file.Write(System.Text.Encoding.UTF8.GetBytes(FrontMatter));
            file.SetLength(50L << 20); // sparse: the rest reads as NUL
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var error = BuildFailsIn(content, "50 MB");
        Assert.Equal($"{Path1}: file too large ({50L << 20:N0} bytes; the limit is {ContentFileGuard.MaxArticleBytes:N0})", error);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocated < 40L << 20, "the 50 MB file was read");
    }

    [Fact]
    public void A_body_over_the_size_limit_is_refused_with_its_size()
    {
        var body = string.Concat(Enumerable.Repeat("word ", (MarkdownGuard.MaxBodyChars / 5) + 10));
        var error = BuildFails(body, "big body");
        Assert.StartsWith($"{Path1}:{BodyLine}: the body is too large (", error);
    }

    [Fact]
    public void A_symbolic_link_to_a_file_outside_is_an_error_and_its_target_is_not_published()
    {
        var content = SiteFixture.CopyContent();
        var secret = Path.Combine(TestPaths.NewTempDir(), "secret.md");
        File.WriteAllText(secret, FrontMatter + "SECRET-TEXT-OUTSIDE\n");
        File.CreateSymbolicLink(Path.Combine(content, Path1), secret);
        var error = BuildFailsIn(content, "symlinked article");
        Assert.StartsWith($"{Path1}: a symbolic link (to {secret})", error);
    }

    [Fact]
    public void A_symbolic_link_to_a_folder_is_an_error_and_not_followed()
    {
        var content = SiteFixture.CopyContent();
        var elsewhere = TestPaths.NewTempDir();
        File.WriteAllText(Path.Combine(elsewhere, "x.md"), FrontMatter + "SECRET-TEXT-OUTSIDE\n");
        File.CreateSymbolicLink(Path.Combine(content, "articles", "aljazeera", "linked"), elsewhere);
        var error = BuildFailsIn(content, "symlinked folder");
        Assert.StartsWith("articles/aljazeera/linked: a symbolic link (to ", error);
    }

    [Fact]
    public void A_template_that_includes_itself_stops_the_build_naming_the_template()
    {
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts", "partials"));
        File.WriteAllText(Path.Combine(content, "layouts", "partials", "loop.scriban"), "{{ include 'partials/loop' }}");
        File.WriteAllText(Path.Combine(content, "layouts", "home.scriban"), "{{ include 'partials/loop' }}");
        var (result, _) = Build(content);
        Assert.Contains(result.Errors, e => e.StartsWith("content/layouts/partials/loop.scriban(1,4)", StringComparison.Ordinal) && e.Contains("include each other more than", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_function_that_recurses_stops_the_build_naming_the_template()
    {
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts"));
        File.WriteAllText(Path.Combine(content, "layouts", "home.scriban"), "{{ func f; f; end; f }}");
        var (result, _) = Build(content);
        Assert.Contains(result.Errors, e => e.StartsWith("content/layouts/home.scriban(1,", StringComparison.Ordinal) && e.Contains("recursive depth limit", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> JustBelow => new()
    {
        { "blockquote 30 deep", new string('>', 30) + " x\n" },
        { "list 30 deep", string.Concat(Enumerable.Range(0, 30).Select(i => new string(' ', 2 * i) + "- x\n")) },
        { "table 250 columns", "|" + string.Concat(Enumerable.Repeat("a|", 250)) + "\n|" + string.Concat(Enumerable.Repeat("-|", 250)) + "\n" },
        { "emphasis 30 deep", new string('*', 30) + "x" + new string('*', 30) + "\n" },
        { "many balanced runs", string.Concat(Enumerable.Repeat("**bold** _it_ ~~s~~ [l](https://news.example.net/a_b_c?d=e+f) ", 500)) + "\n" },
        { "code full of markers", "```\n" + new string('>', 10_000) + "\n" + new string('*', 10_000) + "\n```\n" },
        { "code span full of markers", "`" + new string('[', 1_000) + "` after\n" },
        { "runs that open and never close", string.Concat(Enumerable.Repeat("*note ", 200)) + "\n" },
        // A VOA gallery page of the shared mirror imports its markup as escaped text: hundreds of a=b and x\_y in one paragraph.
        { "markup shown as text", string.Concat(Enumerable.Repeat("\\<label for=\"more-less-4549400\" class=\"switcher-trigger\\_\\_label\" title=\"更多内容\" \\> x+y ", 300)) + "\n" },
    };

    [Theory]
    [MemberData(nameof(JustBelow))]
    public void Shapes_within_the_limits_still_build(string name, string body)
    {
        var content = SiteFixture.CopyContent();
        File.WriteAllText(Path.Combine(content, Path1), FrontMatter + body);
        var (result, _) = Build(content);
        Assert.True(result.Succeeded, name + ": " + string.Join("\n", result.Errors));
    }

    /// <summary>Builds the fixture site with one hostile article over an earlier good build; returns the one error.</summary>
    private static string BuildFails(string body, string name)
    {
        var content = SiteFixture.CopyContent();
        File.WriteAllText(Path.Combine(content, Path1), FrontMatter + body);
        return BuildFailsIn(content, name);
    }

    private static string BuildFailsIn(string content, string name)
    {
        var (result, outDir) = Build(content, withPrevious: true);
        Assert.False(result.Succeeded, name + " built");
        Assert.Single(result.Errors);
        Assert.Equal(Previous, SiteFixture.Snapshot(outDir).Count);
        Assert.Equal("previous site", File.ReadAllText(Path.Combine(outDir, "index.html")));
        return result.Errors[0];
    }

    private const int Previous = 2;

    /// <summary>A build into a new output folder (holding a stand-in previous site when asked), within a time bound.</summary>
    private static (BuildResult Result, string OutDir) Build(string content, bool withPrevious = false)
    {
        var outDir = Path.Combine(TestPaths.NewTempDir(), "public");
        if (withPrevious)
        {
            Directory.CreateDirectory(outDir);
            File.WriteAllText(Path.Combine(outDir, "index.html"), "previous site");
            File.WriteAllText(Path.Combine(outDir, "sitemap.xml"), "<urlset/>");
        }

        var clock = Stopwatch.StartNew();
        var result = SiteFixture.Build(outDir, content);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the build took {clock.Elapsed}");
        return (result, outDir);
    }
}
