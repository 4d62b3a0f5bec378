using SiteGen.Content;

namespace SiteGen.Tests.Content;

/// <summary>
/// <see cref="ArticleStore.Open(string, ArticleCache?, IReadOnlyCollection{string}?)"/> told which paths
/// changed (as <c>sitegen serve</c>'s watcher tells it) finds what a full listing finds, after every kind
/// of change, and looks at nothing else.
/// </summary>
public class ArticleStoreChangesTests
{
    private static string Text(string id, string title = "A title") => $"---\nid: {id}\ntitle: {title}\nlang: en\noutlet: reuters\npublished: 2022-03-01T08:00:00Z\n---\n\nBody of {id}.\n";

    /// <summary>What a store holds, comparable: each article by path with its id, title and body, and the errors.</summary>
    private static string[] Shape(ArticleStore store) =>
        [.. store.Articles.Select(a => $"{a.RelativePath} {a.Article.Id} {a.Article.Title} {a.Article.Body.Trim()}"), .. store.Errors.Select(e => "error: " + e.Message)];

    private static void AssertAsListed(string content, ArticleStore told, string step) =>
        Assert.True(Shape(ArticleStore.Open(content)).SequenceEqual(Shape(told)), $"{step}:\n  listed: {string.Join("\n          ", Shape(ArticleStore.Open(content)))}\n  told:   {string.Join("\n          ", Shape(told))}");

    [Fact]
    public void Told_the_changed_paths_the_store_equals_a_full_listing_after_every_kind_of_change()
    {
        var content = SiteFixture.CopyContent();
        string P(string relative) => Path.Combine(content, relative);
        var cache = new ArticleCache();
        AssertAsListed(content, ArticleStore.Open(content, cache, null), "first load");

        var steps = new (string Name, Action Change, string[] Changed)[]
        {
            ("nothing", () => { }, []),
            ("edit a body", () => File.AppendAllText(P("articles/reuters/2022/markets-summit.md"), "\nMore text.\n"), ["articles/reuters/2022/markets-summit.md"]),
            ("edit a title, keeping the size and time", () =>
            {
                var path = P("articles/reuters/2022/putin-xi-video-call.md");
                var time = File.GetLastWriteTimeUtc(path);
                var text = File.ReadAllText(path);
                var at = text.IndexOf("title: ", StringComparison.Ordinal) + 7;
                File.WriteAllText(path, text[..at] + (text[at] == 'X' ? 'Y' : 'X') + text[(at + 1)..]);
                File.SetLastWriteTimeUtc(path, time);
            }, ["articles/reuters/2022/putin-xi-video-call.md"]),
            ("add an article", () => File.WriteAllText(P("articles/reuters/2022/added.md"), Text("reuters-added")), ["articles/reuters/2022/added.md"]),
            ("rename an article", () => File.Move(P("articles/reuters/2022/added.md"), P("articles/reuters/2022/renamed.md")), ["articles/reuters/2022/added.md", "articles/reuters/2022/renamed.md"]),
            ("delete an article", () => File.Delete(P("articles/epochtimes/2022/n13900001.md")), ["articles/epochtimes/2022/n13900001.md"]),
            ("break an article", () => File.WriteAllText(P("articles/reuters/2022/renamed.md"), "---\nid: [\n---\n"), ["articles/reuters/2022/renamed.md"]),
            ("mend it", () => File.WriteAllText(P("articles/reuters/2022/renamed.md"), Text("reuters-added", "Mended")), ["articles/reuters/2022/renamed.md"]),
            ("give it an id already taken", () => File.WriteAllText(P("articles/reuters/2022/renamed.md"), Text("reuters-markets-summit")), ["articles/reuters/2022/renamed.md"]),
            ("edit the first holder of that id", () => File.AppendAllText(P("articles/reuters/2022/markets-summit.md"), "\nEven more.\n"), ["articles/reuters/2022/markets-summit.md"]),
            ("edit the second holder of that id", () => File.AppendAllText(P("articles/reuters/2022/renamed.md"), "\nSecond.\n"), ["articles/reuters/2022/renamed.md"]),
            ("give it its own id again", () => File.WriteAllText(P("articles/reuters/2022/renamed.md"), Text("reuters-renamed")), ["articles/reuters/2022/renamed.md"]),
            ("files that are not articles", () =>
            {
                File.WriteAllText(P("articles/reuters/2022/notes.txt"), "not an article");
                File.WriteAllText(P("articles/reuters/2022/.hidden.md"), Text("reuters-hidden"));
                File.WriteAllText(P("articles/reuters/2022/draft.md~"), Text("reuters-backup"));
            }, ["articles/reuters/2022/notes.txt", "articles/reuters/2022/.hidden.md", "articles/reuters/2022/draft.md~"]),
            ("an atomic save (temporary file renamed over the article)", () =>
            {
                File.WriteAllText(P("articles/reuters/2022/renamed.md.tmp"), Text("reuters-renamed", "Saved atomically"));
                File.Move(P("articles/reuters/2022/renamed.md.tmp"), P("articles/reuters/2022/renamed.md"), overwrite: true);
            }, ["articles/reuters/2022/renamed.md.tmp", "articles/reuters/2022/renamed.md"]),
            ("a new folder with an article (only the folder is told)", () =>
            {
                Directory.CreateDirectory(P("articles/newoutlet/2023"));
                File.WriteAllText(P("articles/newoutlet/2023/one.md"), Text("newoutlet-one"));
            }, ["articles/newoutlet"]),
            ("a folder renamed (both names told)", () => Directory.Move(P("articles/newoutlet"), P("articles/otheroutlet")), ["articles/newoutlet", "articles/otheroutlet"]),
            ("a folder deleted (only the folder is told)", () => Directory.Delete(P("articles/otheroutlet"), recursive: true), ["articles/otheroutlet"]),
            ("a folder in a year deleted with its files told one by one", () =>
            {
                Directory.CreateDirectory(P("articles/reuters/2023"));
                File.WriteAllText(P("articles/reuters/2023/a.md"), Text("reuters-2023-a"));
            }, ["articles/reuters/2023"]),
            ("delete it again, file then folder", () => Directory.Delete(P("articles/reuters/2023"), recursive: true), ["articles/reuters/2023/a.md", "articles/reuters/2023"]),
            ("backslashes", () => File.AppendAllText(P("articles/aljazeera/2022/h3f9c2a1b7d.md"), "\nBackslashed.\n"), ["articles\\aljazeera\\2022\\h3f9c2a1b7d.md"]),
            ("changes outside the articles", () => File.AppendAllText(P("site.yml"), "\n"), ["site.yml", "events/x.yml", "sources/a.html"]),
            ("the articles folder itself", () =>
            {
                Directory.Move(P("articles"), P("articles-old"));
                Directory.Move(P("articles-old"), P("articles"));
                File.AppendAllText(P("articles/reuters/2022/markets-summit.md"), "\nUntold.\n");
            }, ["articles"]),
        };

        foreach (var (name, change, changed) in steps)
        {
            change();
            AssertAsListed(content, ArticleStore.Open(content, cache, changed), name);
        }
    }

    [Fact]
    public void Only_the_told_paths_are_looked_at_and_not_knowing_looks_at_all()
    {
        var content = SiteFixture.CopyContent();
        var cache = new ArticleCache();
        var first = ArticleStore.Open(content, cache, null);
        cache.TakeParsed();
        var path = Path.Combine(content, "articles/reuters/2022/markets-summit.md");
        File.AppendAllText(path, "\nUntold edit.\n");

        // Told nothing: the last load stands, the very same objects, nothing parsed.
        var untold = ArticleStore.Open(content, cache, []);
        Assert.Equal(first.Articles, untold.Articles);
        Assert.Empty(cache.TakeParsed());

        // Told another file: still not this one.
        Assert.Equal(first.Find("reuters-markets-summit"), ArticleStore.Open(content, cache, ["articles/reuters/2022/putin-xi-video-call.md"]).Find("reuters-markets-summit"));

        // Not known: every file is looked at, the edit is found, the other articles are the same objects.
        var all = ArticleStore.Open(content, cache, null);
        Assert.Contains("Untold edit.", all.Find("reuters-markets-summit")!.Article.Body, StringComparison.Ordinal);
        Assert.Equal(["articles/reuters/2022/markets-summit.md"], cache.TakeParsed());
        Assert.Same(first.Find("reuters-putin-xi-video-call"), all.Find("reuters-putin-xi-video-call"));

        // Told it: found, and only it parsed.
        File.AppendAllText(path, "\nTold edit.\n");
        var told = ArticleStore.Open(content, cache, ["articles/reuters/2022/markets-summit.md"]);
        Assert.Contains("Told edit.", told.Find("reuters-markets-summit")!.Article.Body, StringComparison.Ordinal);
        Assert.Equal(["articles/reuters/2022/markets-summit.md"], cache.TakeParsed());
        Assert.Same(all.Find("reuters-putin-xi-video-call"), told.Find("reuters-putin-xi-video-call"));
    }

    [Fact]
    public void A_list_of_another_content_folder_is_not_used()
    {
        var one = SiteFixture.CopyContent();
        var other = SiteFixture.CopyContent();
        File.Delete(Path.Combine(other, "articles/epochtimes/2022/n13900001.md"));
        var cache = new ArticleCache();
        ArticleStore.Open(one, cache, null);
        AssertAsListed(other, ArticleStore.Open(other, cache, []), "another folder");
    }
}
