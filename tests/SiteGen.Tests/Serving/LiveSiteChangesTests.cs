using SiteGen.Publishing;
using SiteGen.Publishing.Incremental;
using SiteGen.Serving;

namespace SiteGen.Tests.Serving;

/// <summary>
/// <see cref="LiveSite"/> tells each rebuild the paths its watcher saw change, and the build looks at
/// only those: through the real watcher, the site follows every kind of change as a clean build would,
/// a folder moved in whole included (its files are never named one by one).
/// </summary>
public class LiveSiteChangesTests
{
    private static string Article(string id, string body) =>
        $"---\nid: {id}\ntitle: Article {id}\nlang: en\noutlet: reuters\npublished: 2022-12-30T08:00:00Z\n---\n\n{body}\n";

    /// <summary>Waits until the served pages (search files aside: they follow in the background) are those of a clean build.</summary>
    private static async Task AssertFollowsAsync(LiveSite site, BuildOptions options, string step)
    {
        var clean = new IncrementalSite().Build(options with { DeferSearch = true });
        Assert.True(clean.Result.Succeeded, string.Join("\n", clean.Result.Errors));
        var expected = clean.Site!.Files.Where(kv => !kv.Key.StartsWith("search/", StringComparison.Ordinal)).Select(kv => (kv.Key, kv.Value.Digest)).ToArray();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var served = site.Site?.Files.Where(kv => !kv.Key.StartsWith("search/", StringComparison.Ordinal)).Select(kv => (kv.Key, kv.Value.Digest)).ToArray() ?? [];
            if (served.SequenceEqual(expected))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{step}: the served site did not become that of a clean build: {string.Join(", ", expected.Except(served).Select(f => f.Key).Take(5))} / {string.Join(", ", served.Except(expected).Select(f => f.Key).Take(5))}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task The_served_site_follows_edits_adds_deletes_and_folders_moved_in_and_renamed()
    {
        var content = SiteFixture.CopyContent();
        var options = new BuildOptions(content, Path.Combine(Path.GetDirectoryName(content)!, "unused")) { ThemesDir = SiteFixture.ThemesDir };
        using var site = new LiveSite(options);
        Assert.True(site.Rebuild().Result.Succeeded);
        site.StartWatching();
        string P(string relative) => Path.Combine(content, relative);

        File.AppendAllText(P("articles/reuters/2022/markets-summit.md"), "\nFirst edit.\n");
        await AssertFollowsAsync(site, options, "an edit (the first build after the watchers started looks at everything)");

        File.AppendAllText(P("articles/reuters/2022/putin-xi-video-call.md"), "\nSecond edit.\n");
        await AssertFollowsAsync(site, options, "an edit");

        File.WriteAllText(P("articles/reuters/2022/added.md"), Article("reuters-added", "Added."));
        await AssertFollowsAsync(site, options, "an article added");

        File.Delete(P("articles/epochtimes/2022/n13900001.md"));
        await AssertFollowsAsync(site, options, "an article deleted");

        // A folder written elsewhere and moved in: the watcher sees only the folder.
        var outside = Path.Combine(TestPaths.NewTempDir(), "newoutlet");
        Directory.CreateDirectory(Path.Combine(outside, "2022"));
        File.WriteAllText(Path.Combine(outside, "2022", "moved-in.md"), Article("reuters-moved-in", "Moved in."));
        Directory.Move(outside, P("articles/newoutlet"));
        await AssertFollowsAsync(site, options, "a folder moved in");

        Directory.Move(P("articles/newoutlet"), P("articles/renamedoutlet"));
        File.AppendAllText(P("articles/reuters/2022/added.md"), "\nAfter the rename.\n");
        await AssertFollowsAsync(site, options, "a folder renamed");

        Directory.Move(P("articles/renamedoutlet"), Path.Combine(TestPaths.NewTempDir(), "gone"));
        await AssertFollowsAsync(site, options, "a folder moved out");
    }
}
