using SiteGen.Publishing;
using SiteGen.Publishing.Incremental;
using Xunit.Abstractions;

namespace SiteGen.Tests.Publishing;

/// <summary>
/// The incremental core: after every edit in a long sequence (articles, events, outlets, templates,
/// UI strings, assets, site.yml; edits, renames, deletes, adds) the warm build equals a clean build
/// byte for byte, and an article edit makes only the outputs it appears in.
/// </summary>
public class IncrementalBuildTests(ITestOutputHelper output)
{
    private static void AssertSameAsClean(IncrementalSite warm, SiteWorkspace ws, string step)
    {
        var incremental = warm.Build(ws.Options);
        var clean = new IncrementalSite().Build(ws.Options);
        Assert.True(clean.Result.Succeeded, step + ": " + string.Join("\n", clean.Result.Errors));
        Assert.True(incremental.Result.Succeeded, step + ": " + string.Join("\n", incremental.Result.Errors));
        Assert.Equal(clean.Result.Warnings, incremental.Result.Warnings);
        var a = clean.Site!.Files;
        var b = incremental.Site!.Files;
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, file) in a)
        {
            Assert.True(file.Bytes.AsSpan().SequenceEqual(b[path].Bytes), $"{step}: {path} differs from a clean build");
        }
    }

    [Fact]
    public void Every_step_of_an_editing_session_gives_the_same_bytes_as_a_clean_build()
    {
        var ws = new SiteWorkspace();
        var warm = new IncrementalSite();
        var first = warm.Build(ws.Options);
        Assert.True(first.Result.Succeeded, string.Join("\n", first.Result.Errors));
        var steps = new (string Name, Action Change)[]
        {
            ("edit an article body", () => ws.Edit("articles/reuters/2022/markets-summit.md", t => t.Replace("Investors barely reacted", "Investors hardly reacted", StringComparison.Ordinal))),
            ("edit an article title", () => ws.Edit("articles/reuters/2022/markets-summit.md", t => t.Replace("title: Markets shrug off", "title: Markets brush off", StringComparison.Ordinal))),
            // Views of other articles show these titles (translation, event coverage, neighbour): kept views must not outlive them.
            ("edit the title of a translation, event member and neighbour", () => ws.Edit("articles/voachinese/2022/6426608-en.md", t => t.Replace("title: Xi, Putin Stand Together", "title: Xi and Putin Stand Together", StringComparison.Ordinal))),
            ("edit the title of an article only others' event coverage shows", () => ws.Edit("articles/aljazeera/2022/h3f9c2a1b7d.md", t => t.Replace("title: 中俄元首北京会晤", "title: 中俄元首在北京会晤", StringComparison.Ordinal))),
            // The archive's statistics decide an event's distinctive terms: an article in no event that repeats a member's text changes them.
            ("add an article in no event that repeats an event member's text", () =>
            {
                var member = File.ReadAllText(ws.PathOf("articles/aljazeera/2022/h3f9c2a1b7d.md"));
                Directory.CreateDirectory(ws.PathOf("articles/elsewhere/2021"));
                File.WriteAllText(ws.PathOf("articles/elsewhere/2021/same-words.md"), "---\nid: elsewhere-same-words\ntitle: 同样的词\nlang: zh-Hans\noutlet: elsewhere\npublished: 2021-06-01\n---\n" + member[(member.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..]);
            }),
            ("move an article to the next day (order, archive, neighbours)", () => ws.Edit("articles/reuters/2022/markets-summit.md", t => t.Replace("published: 2022-02-06T09:00:00-05:00", "published: 2022-03-07T09:00:00-05:00", StringComparison.Ordinal))),
            ("rename an article file", () => File.Move(ws.PathOf("articles/reuters/2022/markets-summit.md"), ws.PathOf("articles/reuters/2022/markets-summit-renamed.md"))),
            ("add a tag to an article", () => ws.Edit("articles/reuters/2022/putin-xi-video-call.md", t => t.Replace("tags:\n", "tags:\n  - Video\n", StringComparison.Ordinal))),
            ("delete an article", () => File.Delete(ws.PathOf("articles/epochtimes/2022/n13900001.md"))),
            ("add an article in a new year, outlet and event", () => File.WriteAllText(ws.PathOf("articles/reuters/2022/new-one.md"), "---\nid: newoutlet-new-one\ntitle: A new article\nlang: en\noutlet: newoutlet\npublished: 2023-01-02T08:00:00Z\ntags:\n  - Fresh\nevents:\n  - xi-putin-video-2022\n  - brand-new-event\n---\n\nNew body **text**.\n")),
            ("edit an event", () => ws.Edit("events/xi-putin-video-2022.yml", t => t.Replace("Xi–Putin video call", "Xi–Putin year-end call", StringComparison.Ordinal))),
            ("add an event file", () => File.WriteAllText(ws.PathOf("events/brand-new-event.yml"), "id: brand-new-event\ndate: 2023-01-02\ntitle_en: A brand new event\n")),
            ("delete an event file", () => File.Delete(ws.PathOf("events/xi-putin-beijing-2022.yml"))),
            ("edit an outlet", () => ws.Edit("outlets/reuters.yml", t => t + "\n# edited\n")),
            ("rename an outlet (its list pages, and every page that names it)", () => ws.Edit("outlets/reuters.yml", t => t.Replace("name_en: Reuters", "name_en: Reuters News", StringComparison.Ordinal))),
            ("move an outlet's home page (shown only on its own list pages)", () => ws.Edit("outlets/reuters.yml", t => t.Replace("home: https://www.reuters.com/", "home: https://www.reuters.com/world/", StringComparison.Ordinal))),
            ("add a layout override", () =>
            {
                Directory.CreateDirectory(ws.PathOf("layouts/partials"));
                File.WriteAllText(ws.PathOf("layouts/partials/footer.scriban"), File.ReadAllText(Path.Combine(ws.Themes, "default/layouts/partials/footer.scriban")) + "<p>override</p>\n");
            }),
            ("edit a theme page template", () => File.AppendAllText(Path.Combine(ws.Themes, "default/layouts/article.scriban"), "\n<p>{{ t \"nav.home\" }}</p>\n")),
            ("a tag page starts showing article bodies", () => File.AppendAllText(Path.Combine(ws.Themes, "default/layouts/tag.scriban"), "\n{{ for item in pager.items }}{{ item.body }}{{ end }}\n")),
            ("edit a body shown on a tag page", () => ws.Edit("articles/reuters/2022/markets-summit-renamed.md", t => t.Replace("Investors hardly reacted", "Investors did not react", StringComparison.Ordinal))),
            ("delete the layout override", () => File.Delete(ws.PathOf("layouts/partials/footer.scriban"))),
            ("edit a UI string", () => File.WriteAllText(Path.Combine(ws.Themes, "default/i18n/en.yml"), File.ReadAllText(Path.Combine(ws.Themes, "default/i18n/en.yml")).Replace("  home: Home", "  home: Start", StringComparison.Ordinal))),
            ("edit the style sheet", () => File.AppendAllText(Path.Combine(ws.Themes, "default/assets/site.css"), "\n.added { color: red; }\n")),
            ("edit site.yml", () => ws.Edit("site.yml", t => t.Replace("page_size: 3", "page_size: 2", StringComparison.Ordinal).Replace("Test News Archive", "Test Archive", StringComparison.Ordinal))),
            ("a template reads a UI string no file has (a warning)", () => File.AppendAllText(Path.Combine(ws.Themes, "default/layouts/article.scriban"), "\n<p>{{ t \"nowhere.key\" }}</p>\n")),
            ("edit an article body while a UI string is missing (still warned)", () => ws.Edit("articles/reuters/2022/markets-summit-renamed.md", t => t.Replace("Investors did not react", "Investors did not move", StringComparison.Ordinal))),
            ("no change at all", () => { }),
        };

        foreach (var (name, change) in steps)
        {
            change();
            AssertSameAsClean(warm, ws, name);
        }
    }

    [Fact]
    public async Task With_the_search_step_deferred_the_pages_are_current_at_once_and_the_whole_site_after_UpdateSearch()
    {
        var ws = new SiteWorkspace();
        var warm = new IncrementalSite();
        var deferred = ws.Options with { DeferSearch = true };
        var first = warm.Build(deferred);
        Assert.True(first.Result.Succeeded, string.Join("\n", first.Result.Errors));
        Assert.True(warm.SearchPending);
        Assert.DoesNotContain(warm.Last!.Files.Keys, p => p.StartsWith("search/", StringComparison.Ordinal));
        var version = warm.Last.Version;
        Assert.Equal(SearchUpdateState.Published, warm.UpdateSearch().State);
        Assert.Equal(version, warm.Last.Version); // no new version: open pages do not reload for the search files
        Assert.False(warm.SearchPending);
        Assert.Equal(SearchUpdateState.NothingPending, warm.UpdateSearch().State);
        AssertSameAsClean(warm.Last, ws, "first build");

        var steps = new (string Name, Action Change)[]
        {
            ("edit an article body", () => ws.Edit("articles/reuters/2022/markets-summit.md", t => t.Replace("Investors barely reacted", "Investors hardly reacted", StringComparison.Ordinal))),
            ("delete an article", () => File.Delete(ws.PathOf("articles/epochtimes/2022/n13900001.md"))),
            ("add an article in an event", () => File.WriteAllText(ws.PathOf("articles/reuters/2022/new-one.md"), "---\nid: reuters-new-one\ntitle: A new article\nlang: en\noutlet: reuters\npublished: 2022-12-30T08:00:00Z\nevents:\n  - xi-putin-video-2022\n---\n\nNew body **text**.\n")),
            ("rename an event (its name is in the search data)", () => ws.Edit("events/xi-putin-video-2022.yml", t => t.Replace("Xi–Putin video call", "Xi–Putin year-end call", StringComparison.Ordinal))),
            ("edit a template only (search files unchanged)", () => File.AppendAllText(Path.Combine(ws.Themes, "default/layouts/article.scriban"), "\n<!-- edited -->\n")),
        };
        foreach (var (name, change) in steps)
        {
            change();
            var outcome = warm.Build(deferred);
            Assert.True(outcome.Result.Succeeded, name + ": " + string.Join("\n", outcome.Result.Errors));
            AssertSameAsClean(warm.Last!, ws, name, pagesOnly: true);
            var update = warm.UpdateSearch();
            Assert.NotEqual(SearchUpdateState.NothingPending, update.State);
            Assert.NotEqual(SearchUpdateState.Superseded, update.State);
            AssertSameAsClean(warm.Last!, ws, name + ", after the search step");
        }

        // A build that finishes while the search step runs makes that step's result stale: it is dropped, the newer one published.
        ws.Edit("articles/reuters/2022/markets-summit.md", t => t.Replace("Investors hardly reacted", "Investors did not react", StringComparison.Ordinal));
        Assert.True(warm.Build(deferred).Result.Succeeded);
        var racing = Task.Run(warm.UpdateSearch);
        ws.Edit("articles/reuters/2022/markets-summit.md", t => t.Replace("Investors did not react", "Investors shrugged", StringComparison.Ordinal));
        Assert.True(warm.Build(deferred).Result.Succeeded);
        var states = new[] { (await racing).State, warm.UpdateSearch().State };
        Assert.Contains(SearchUpdateState.Published, states);
        Assert.False(warm.SearchPending);
        AssertSameAsClean(warm.Last!, ws, "two builds while the search step ran");
    }

    private static void AssertSameAsClean(SiteSnapshot site, SiteWorkspace ws, string step, bool pagesOnly = false)
    {
        var clean = new IncrementalSite().Build(ws.Options);
        Assert.True(clean.Result.Succeeded, step + ": " + string.Join("\n", clean.Result.Errors));
        bool Compared(string path) => !pagesOnly || !path.StartsWith("search/", StringComparison.Ordinal);
        var a = clean.Site!.Files.Where(kv => Compared(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var b = site.Files.Where(kv => Compared(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, file) in a)
        {
            Assert.True(file.Bytes.AsSpan().SequenceEqual(b[path].Bytes), $"{step}: {path} differs from a clean build");
        }
    }

    [Fact]
    public void An_article_edit_remakes_its_own_pages_and_only_the_lists_and_feeds_it_is_in()
    {
        var ws = new SiteWorkspace();
        var warm = new IncrementalSite();
        var first = warm.Build(ws.Options);
        Assert.True(first.Result.Succeeded);
        output.WriteLine(string.Join(", ", first.Made.GroupBy(m => m).Where(g => g.Count() > 1).Select(g => g.Key)));
        // Only the theme's assets come without making.
        Assert.Equal(first.Result.Files, first.Made.Count + Directory.GetFiles(Path.Combine(ws.Themes, "default", "assets")).Length);

        ws.Edit("articles/voachinese/2022/6426608.md", t => t.Replace("\n---\n\n", "\n---\n\n新增的一句。\n\n", StringComparison.Ordinal));
        var second = warm.Build(ws.Options);
        Assert.True(second.Result.Succeeded, string.Join("\n", second.Result.Errors));
        output.WriteLine($"made {second.Made.Count} of {second.Result.Files} files: {string.Join(", ", second.Made)}");
        Assert.Equal(["articles/voachinese/2022/6426608.md"], second.Parsed);
        Assert.Contains("zh/articles/voachinese-6426608/index.html", second.Made);
        Assert.DoesNotContain(second.Made, m => m.StartsWith("en/articles/", StringComparison.Ordinal)); // a Chinese article has no page in the en UI
        Assert.Contains("zh/feed.xml", second.Made);
        Assert.DoesNotContain("zh/outlets/voachinese/index.html", second.Made); // lists do not show bodies: a body edit leaves them alone
        Assert.DoesNotContain("zh/articles/epochtimes-n13555352/index.html", second.Made);
        Assert.DoesNotContain("sitemap.xml", second.Made);
        Assert.True(second.Made.Count < second.Result.Files / 3, $"made {second.Made.Count} of {second.Result.Files}");

        // Every output made anew is one the graph says depends on the article (or the sitemap-free feeds of its lists).
        var affected = warm.Graph.OutputsOf("articles/voachinese/2022/6426608.md").ToHashSet(StringComparer.Ordinal);
        Assert.All(second.Made, path => Assert.Contains(path, affected));
        Assert.Equal(second.Changed.Order(StringComparer.Ordinal), second.Made.Where(p => second.Changed.Contains(p)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_template_edit_remakes_the_pages_that_used_it()
    {
        var ws = new SiteWorkspace();
        var warm = new IncrementalSite();
        Assert.True(warm.Build(ws.Options).Result.Succeeded);
        File.AppendAllText(Path.Combine(ws.Themes, "default/layouts/outlet.scriban"), "\n<p>outlet page</p>\n");
        var second = warm.Build(ws.Options);
        Assert.True(second.Result.Succeeded);
        Assert.NotEmpty(second.Made);
        Assert.All(second.Made, path => Assert.Matches("^(zh|en)/outlets/[^/]+/(page/\\d+/)?index.html$", path));
        Assert.Equal(warm.Graph.OutputsOf("themes/default/layouts/outlet.scriban").Order(StringComparer.Ordinal), second.Made.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_warm_build_writes_only_what_changed_and_links_the_rest()
    {
        var ws = new SiteWorkspace();
        var site = new IncrementalSite();
        var first = SiteBuilder.Publish(ws.Options, site);
        Assert.True(first.Result.Succeeded);
        Assert.Equal(first.Result.Files, first.Written.Count);

        ws.Edit("articles/reuters/2022/markets-summit.md", t => t.Replace("Investors barely reacted", "Investors hardly reacted", StringComparison.Ordinal));
        var second = SiteBuilder.Publish(ws.Options, site);
        Assert.True(second.Result.Succeeded);
        output.WriteLine($"wrote {second.Written.Count}, linked {second.Linked}: {string.Join(", ", second.Written)}");
        Assert.Equal(second.Build.Changed, second.Written);
        Assert.Equal(second.Result.Files - second.Written.Count, second.Linked);
        var cleanDir = Path.Combine(TestPaths.NewTempDir(), "clean");
        Assert.True(SiteBuilder.Build(ws.Options with { OutDir = cleanDir }).Succeeded);
        var clean = SiteFixture.Snapshot(cleanDir);
        var warm = SiteFixture.Snapshot(ws.Options.OutDir);
        Assert.Equal(clean.Keys, warm.Keys);
        Assert.All(clean, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(warm[kv.Key]), kv.Key));
    }
}
