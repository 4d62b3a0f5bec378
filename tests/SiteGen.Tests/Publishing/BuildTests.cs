using AngleSharp.Html.Parser;
using SiteGen.Publishing;

namespace SiteGen.Tests.Publishing;

public class BuildTests
{
    [Fact]
    public void A_base_url_with_a_path_puts_every_link_asset_and_feed_under_it()
    {
        var outDir = Path.Combine(TestPaths.NewTempDir(), "public");
        var result = SiteFixture.Build(outDir, baseUrl: "https://user.github.io/repo/");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var parser = new HtmlParser();
        var checkedLinks = 0;
        foreach (var file in Directory.EnumerateFiles(outDir, "*.html", SearchOption.AllDirectories))
        {
            var doc = parser.ParseDocument(File.ReadAllText(file));
            foreach (var element in doc.QuerySelectorAll("[href], [src], [action]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src") ?? element.GetAttribute("action")!;
                if (url.StartsWith('#') || (element.LocalName is "a" or "img" && url.StartsWith("https://", StringComparison.Ordinal) && !url.Contains("github.io", StringComparison.Ordinal)))
                {
                    continue; // fragments, links to originals, article images
                }

                Assert.True(url.StartsWith("/repo/", StringComparison.Ordinal) || url.StartsWith("https://user.github.io/repo/", StringComparison.Ordinal), $"{file}: {url}");
                checkedLinks++;
            }
        }

        Assert.True(checkedLinks > 1000);
        Assert.Contains("url=/repo/zh/", File.ReadAllText(Path.Combine(outDir, "index.html")), StringComparison.Ordinal);
        var feed = File.ReadAllText(Path.Combine(outDir, "zh", "feed.xml"));
        Assert.Contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://user.github.io/repo/zh/feed.xml\" />", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", feed, StringComparison.Ordinal);
        Assert.Contains("https://user.github.io/repo/sitemap.xml", File.ReadAllText(Path.Combine(outDir, "robots.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_internal_link_fails_the_build_naming_page_and_link()
    {
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts"));
        File.WriteAllText(Path.Combine(content, "layouts", "search.scriban"), "<a href=\"{{ url 'zh/no-such-page/' }}\">x</a><img src=\"{{ site.base_path }}assets/missing.png\" alt=\"\">");
        var outDir = Path.Combine(TestPaths.NewTempDir(), "public");
        var result = SiteFixture.Build(outDir, content);
        Assert.False(result.Succeeded);
        Assert.Contains("/zh/search/index.html: broken link: /zh/no-such-page/", result.Errors);
        Assert.Contains("/en/search/index.html: broken link: /assets/missing.png", result.Errors);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void A_broken_link_in_an_article_body_names_the_article_file_and_line()
    {
        var content = SiteFixture.CopyContent();
        File.WriteAllText(Path.Combine(content, "articles", "voachinese", "2022", "broken-link.md"),
            "---\nid: voachinese-broken-link\ntitle: 链接\nlang: zh-Hans\noutlet: voachinese\npublished: 2022-02-05\n---\n\n第一段。\n\n见[旧文](../../../etc/passwd)。\n");
        var result = SiteFixture.Build(Path.Combine(TestPaths.NewTempDir(), "public"), content);
        Assert.Equal("articles/voachinese/2022/broken-link.md:11: broken link: ../../../etc/passwd (on /zh/articles/voachinese-broken-link/)", Assert.Single(result.Errors));
    }

    [Fact]
    public void A_one_off_build_streams_its_pages_yet_a_failure_leaves_the_previous_output_and_no_staging_folder()
    {
        var outDir = Path.Combine(TestPaths.NewTempDir(), "public");
        Assert.True(SiteBuilder.Build(new BuildOptions(SiteFixture.ContentDir, outDir) { ThemesDir = SiteFixture.ThemesDir, Remember = false }).Succeeded);
        var before = SiteFixture.Snapshot(outDir);
        Assert.True(before.Count > 20, $"{before.Count} files");

        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts"));
        File.WriteAllText(Path.Combine(content, "layouts", "search.scriban"), "<a href=\"{{ url 'zh/no-such-page/' }}\">x</a>");
        var result = SiteBuilder.Build(new BuildOptions(content, outDir) { ThemesDir = SiteFixture.ThemesDir, Remember = false });
        Assert.Contains("/zh/search/index.html: broken link: /zh/no-such-page/", result.Errors);
        var after = SiteFixture.Snapshot(outDir);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(after[kv.Key]), kv.Key));
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(outDir)!, ".public.staging-*"));
    }

    [Fact]
    public void A_second_build_replaces_the_first_whole_and_deletes_it()
    {
        // After the swap the staging name holds the previous site, which is deleted (in parallel by
        // folder, see StagingFolder): nothing of it may stay, in the output or beside it.
        var root = TestPaths.NewTempDir();
        var outDir = Path.Combine(root, "public");
        Assert.True(SiteBuilder.Build(new BuildOptions(SiteFixture.ContentDir, outDir) { ThemesDir = SiteFixture.ThemesDir, Remember = false }).Succeeded);
        var first = SiteFixture.Snapshot(outDir);
        var stray = Path.Combine(outDir, "zh", "articles", "stray", "deep", "left.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        File.WriteAllText(stray, "from before");
        File.WriteAllText(Path.Combine(outDir, "top-level-left.txt"), "from before");

        Assert.True(SiteBuilder.Build(new BuildOptions(SiteFixture.ContentDir, outDir) { ThemesDir = SiteFixture.ThemesDir, Remember = false }).Succeeded);
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), SiteFixture.Snapshot(outDir).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["public"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_third_party_asset_fails_the_build()
    {
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts"));
        File.WriteAllText(Path.Combine(content, "layouts", "search.scriban"), "<img src=\"https://tracker.example/pixel.gif\" alt=\"\">");
        var result = SiteFixture.Build(Path.Combine(TestPaths.NewTempDir(), "public"), content);
        Assert.Contains("/zh/search/index.html: third-party request from <img>: https://tracker.example/pixel.gif", result.Errors);
    }

    [Fact]
    public void The_same_input_gives_byte_identical_output()
    {
        var first = Path.Combine(TestPaths.NewTempDir(), "public");
        var second = Path.Combine(TestPaths.NewTempDir(), "public");
        Assert.True(SiteFixture.Build(first).Succeeded);
        Assert.True(SiteFixture.Build(second).Succeeded);
        var a = SiteFixture.Snapshot(first);
        var b = SiteFixture.Snapshot(second);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (file, bytes) in a)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(b[file]), $"{file} differs between two builds");
        }
    }

    [Fact]
    public void A_build_that_fails_half_way_leaves_the_previous_output_exactly_as_it_was()
    {
        var outDir = Path.Combine(TestPaths.NewTempDir(), "public");
        Assert.True(SiteFixture.Build(outDir).Succeeded);
        File.WriteAllText(Path.Combine(outDir, "keep-me.txt"), "from before");
        var before = SiteFixture.Snapshot(outDir);

        // A template that throws on one article page only, after other pages were written.
        var content = SiteFixture.CopyContent();
        Directory.CreateDirectory(Path.Combine(content, "layouts"));
        var article = File.ReadAllText(Path.Combine(SiteFixture.ThemesDir, "default", "layouts", "article.scriban"));
        File.WriteAllText(Path.Combine(content, "layouts", "article.scriban"),
            "{{ if article.id == \"aljazeera-h3f9c2a1b7d\" }}{{ boom.explode }}{{ end }}" + article);
        var failed = SiteFixture.Build(outDir, content);
        Assert.False(failed.Succeeded);
        Assert.Contains(failed.Errors, e => e.Contains("articles/aljazeera-h3f9c2a1b7d/index.html", StringComparison.Ordinal) && e.Contains("content/layouts/article.scriban(1,", StringComparison.Ordinal));

        var after = SiteFixture.Snapshot(outDir);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(after[kv.Key]), kv.Key));
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(outDir)!, ".public.*"));
    }

    [Fact]
    public void A_successful_build_replaces_the_output_whole()
    {
        var outDir = Path.Combine(TestPaths.NewTempDir(), "public");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "stale.html"), "old");
        File.WriteAllText(Path.Combine(outDir, ".nojekyll"), ""); // a previous build's output (a folder of other files is refused)
        var result = SiteFixture.Build(outDir);
        Assert.True(result.Succeeded);
        Assert.False(File.Exists(Path.Combine(outDir, "stale.html")));
        Assert.Equal(Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories).Count(), result.Files);
        Assert.Equal(53, result.Pages); // 7 articles have one page each, in the UI of their language; tags of one article have none
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(outDir)!, ".public.*"));
    }
}
