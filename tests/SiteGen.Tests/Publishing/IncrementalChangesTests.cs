using SiteGen.Publishing;
using SiteGen.Publishing.Incremental;

namespace SiteGen.Tests.Publishing;

/// <summary>
/// Incremental builds told what changed (<see cref="BuildOptions.ChangedContent"/>, as <c>sitegen
/// serve</c> tells them) give the same site as a clean build after every kind of content change, and
/// report the same Changed and Removed files as comparing the whole site with the last one.
/// </summary>
public class IncrementalChangesTests
{
    private static string Article(string id, string outlet, string body) =>
        $"---\nid: {id}\ntitle: Article {id}\nlang: en\noutlet: {outlet}\npublished: 2022-12-30T08:00:00Z\nevents:\n  - xi-putin-video-2022\n---\n\n{body}\n";

    /// <summary>The build equals a clean one, byte for byte, and its Changed and Removed are what comparing every file with <paramref name="before"/> gives.</summary>
    private static void AssertAsClean(BuildOutcome outcome, SiteSnapshot before, SiteWorkspace ws, string step, bool deferred)
    {
        Assert.True(outcome.Result.Succeeded, step + ": " + string.Join("\n", outcome.Result.Errors));
        var clean = new IncrementalSite().Build(ws.Options with { DeferSearch = deferred });
        Assert.True(clean.Result.Succeeded, step + ": " + string.Join("\n", clean.Result.Errors));
        Assert.Equal(clean.Result.Warnings, outcome.Result.Warnings);
        if (!deferred)
        {
            // (A deferred clean build has no search files yet; the warm one has the last build's.)
            Assert.Equal(clean.Result.Bytes, outcome.Result.Bytes);
            Assert.Equal(clean.Result.Files, outcome.Result.Files);
        }
        bool Compared(string path) => !deferred || !path.StartsWith("search/", StringComparison.Ordinal);
        var a = clean.Site!.Files.Where(kv => Compared(kv.Key)).ToArray();
        var b = outcome.Site!.Files.Where(kv => Compared(kv.Key)).ToArray();
        Assert.Equal(a.Select(kv => kv.Key), b.Select(kv => kv.Key));
        for (var i = 0; i < a.Length; i++)
        {
            Assert.True(a[i].Value.Bytes.AsSpan().SequenceEqual(b[i].Value.Bytes), $"{step}: {a[i].Key} differs from a clean build");
        }

        var now = outcome.Site.Files;
        Assert.Equal(now.Where(kv => !before.Files.TryGetValue(kv.Key, out var old) || old.Digest != kv.Value.Digest).Select(kv => kv.Key), outcome.Changed);
        Assert.Equal(before.Files.Keys.Where(p => !now.ContainsKey(p)), outcome.Removed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Told_what_changed_every_step_gives_the_site_of_a_clean_build(bool deferSearch)
    {
        var ws = new SiteWorkspace();
        var warm = new IncrementalSite();
        var options = ws.Options with { DeferSearch = deferSearch };
        Assert.True(warm.Build(options).Result.Succeeded);
        warm.UpdateSearch();
        var steps = new (string Name, Action Change, string[] Changed)[]
        {
            ("nothing", () => { }, []),
            ("edit a body", () => ws.Edit("articles/reuters/2022/markets-summit.md", t => t.Replace("Investors barely reacted", "Investors hardly reacted", StringComparison.Ordinal)), ["articles/reuters/2022/markets-summit.md"]),
            ("edit a title", () => ws.Edit("articles/reuters/2022/markets-summit.md", t => t.Replace("title: Markets shrug off", "title: Markets brush off", StringComparison.Ordinal)), ["articles/reuters/2022/markets-summit.md"]),
            ("add an article in a new outlet folder (the folder told)", () =>
            {
                Directory.CreateDirectory(ws.PathOf("articles/newoutlet/2022"));
                File.WriteAllText(ws.PathOf("articles/newoutlet/2022/new-one.md"), Article("newoutlet-new-one", "newoutlet", "New body **text**."));
            }, ["articles/newoutlet"]),
            ("rename an article", () => File.Move(ws.PathOf("articles/reuters/2022/markets-summit.md"), ws.PathOf("articles/reuters/2022/markets-summit-renamed.md")), ["articles/reuters/2022/markets-summit.md", "articles/reuters/2022/markets-summit-renamed.md"]),
            ("delete an article", () => File.Delete(ws.PathOf("articles/epochtimes/2022/n13900001.md")), ["articles/epochtimes/2022/n13900001.md"]),
            ("delete the new outlet's folder", () => Directory.Delete(ws.PathOf("articles/newoutlet"), recursive: true), ["articles/newoutlet"]),
            ("edit an event", () => ws.Edit("events/xi-putin-video-2022.yml", t => t.Replace("Xi–Putin video call", "Xi–Putin year-end call", StringComparison.Ordinal)), ["events/xi-putin-video-2022.yml"]),
            ("add an event file", () => File.WriteAllText(ws.PathOf("events/brand-new-event.yml"), "id: brand-new-event\ndate: 2022-12-30\ntitle_en: A brand new event\n"), ["events/brand-new-event.yml"]),
            ("delete an event file", () => File.Delete(ws.PathOf("events/xi-putin-beijing-2022.yml")), ["events/xi-putin-beijing-2022.yml"]),
            ("edit an outlet and site.yml", () =>
            {
                ws.Edit("outlets/reuters.yml", t => t + "\n# edited\n");
                ws.Edit("site.yml", t => t.Replace("page_size: 3", "page_size: 2", StringComparison.Ordinal));
            }, ["outlets/reuters.yml", "site.yml"]),
            ("edit a body, not knowing what changed", () => ws.Edit("articles/reuters/2022/putin-xi-video-call.md", t => t + "\nOne more line.\n"), null!),
            ("edit a template and a UI string (no content changed)", () =>
            {
                File.AppendAllText(Path.Combine(ws.Themes, "default/layouts/article.scriban"), "\n<p>{{ t \"nav.home\" }}</p>\n");
                File.WriteAllText(Path.Combine(ws.Themes, "default/i18n/en.yml"), File.ReadAllText(Path.Combine(ws.Themes, "default/i18n/en.yml")).Replace("  home: Home", "  home: Start", StringComparison.Ordinal));
            }, []),
            ("edit the style sheet (no content changed)", () => File.AppendAllText(Path.Combine(ws.Themes, "default/assets/site.css"), "\n.added { color: red; }\n"), []),
        };

        foreach (var (name, change, changed) in steps)
        {
            change();
            var before = warm.Last!;
            var outcome = warm.Build(options with { ChangedContent = changed });
            AssertAsClean(outcome, before, ws, name, deferSearch);
            warm.UpdateSearch(); // as serve does after each build
        }
    }

    [Fact]
    public void Changes_told_to_a_build_that_failed_before_loading_the_articles_are_seen_by_the_next()
    {
        var ws = new SiteWorkspace();
        var warm = new IncrementalSite();
        Assert.True(warm.Build(ws.Options).Result.Succeeded);
        var before = warm.Last!;

        // site.yml broken: the build stops before it loads the articles, with an article edit told.
        var settings = File.ReadAllText(ws.PathOf("site.yml"));
        File.WriteAllText(ws.PathOf("site.yml"), "base_url: [\n");
        ws.Edit("articles/reuters/2022/markets-summit.md", t => t.Replace("Investors barely reacted", "Investors hardly reacted", StringComparison.Ordinal));
        Assert.False(warm.Build(ws.Options with { ChangedContent = ["site.yml", "articles/reuters/2022/markets-summit.md"] }).Result.Succeeded);

        // Mended, told only site.yml: the article edit is still seen.
        File.WriteAllText(ws.PathOf("site.yml"), settings);
        var outcome = warm.Build(ws.Options with { ChangedContent = ["site.yml"] });
        AssertAsClean(outcome, before, ws, "after the failed build", deferred: false);
        Assert.Contains("en/articles/", string.Join(" ", outcome.Changed), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_link_in_an_edited_page_fails_the_build_as_a_clean_build_fails_and_mending_it_succeeds()
    {
        var ws = new SiteWorkspace();
        var warm = new IncrementalSite();
        Assert.True(warm.Build(ws.Options).Result.Succeeded);
        const string file = "articles/reuters/2022/markets-summit.md";
        var text = File.ReadAllText(ws.PathOf(file));

        // Only the edited pages are checked again (the site's paths are the same): the broken link is found all the same.
        File.WriteAllText(ws.PathOf(file), text + "\nSee [nothing](/en/no-such-page/).\n");
        var broken = warm.Build(ws.Options with { ChangedContent = [file] });
        var clean = new IncrementalSite().Build(ws.Options);
        Assert.False(clean.Result.Succeeded);
        Assert.Contains(clean.Result.Errors, e => e.Contains("broken link: /en/no-such-page/", StringComparison.Ordinal));
        Assert.Equal(clean.Result.Errors, broken.Result.Errors);

        // Still broken in a further edit (the check after a failed build), then mended.
        File.WriteAllText(ws.PathOf(file), text + "\nSee [nothing](/en/no-such-page/) again.\n");
        Assert.Equal(new IncrementalSite().Build(ws.Options).Result.Errors, warm.Build(ws.Options with { ChangedContent = [file] }).Result.Errors);
        var before = warm.Last!;
        File.WriteAllText(ws.PathOf(file), text + "\nSee [the home page](/en/).\n");
        AssertAsClean(warm.Build(ws.Options with { ChangedContent = [file] }), before, ws, "mended", deferred: false);

        // A link broken after a good build, in a page that changed while the site's paths stayed the same.
        before = warm.Last!;
        File.WriteAllText(ws.PathOf(file), text + "\nSee [nothing](/en/still-no-such-page/).\n");
        var again = warm.Build(ws.Options with { ChangedContent = [file] });
        Assert.Equal(new IncrementalSite().Build(ws.Options).Result.Errors, again.Result.Errors);
        Assert.NotEmpty(again.Result.Errors);
        Assert.Same(before, warm.Last);
    }
}
