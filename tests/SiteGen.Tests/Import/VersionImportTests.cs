using System.Security.Cryptography;
using System.Text.Json;
using SiteGen.Content;
using SiteGen.Import;
using SiteGen.Sources;

namespace SiteGen.Tests.Import;

/// <summary>
/// Two differing copies of one story (a real mirror page and the same page with its title and one
/// paragraph edited, Fixtures/versions): one article with the newest version's title and text, both
/// raw files kept and recorded, the report saying which won and why — whatever the input order,
/// whichever import saw a copy first, and unchanged when imported again.
/// </summary>
public class VersionImportTests
{
    private const string Id = "epochtimes-n12431136";
    private const string Article = "articles/epochtimes/2020/n12431136.md";
    private static readonly DateTime Older = new(2020, 9, 26, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Newer = new(2020, 9, 26, 9, 30, 0, DateTimeKind.Utc);

    private static string Fixture(string name) => Path.Combine(TestPaths.Fixtures, "versions", name);

    private static string Sha(string name) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Fixture(name))));

    private static ImportResult Run(string content, params string[] inputs) =>
        new Importer(SourceReaders.Default, OutletStore.Load(TestPaths.Content)).Import(inputs, new ImportOptions(content));

    /// <summary>Puts v1 (older) and v2 (newer) in the inbox under names that sort v1 first, or v2 first.</summary>
    private static (string V1, string V2) Copy(string inbox, bool newerSortsFirst)
    {
        var v1 = Path.Combine(inbox, newerSortsFirst ? "b.md" : "a.md");
        var v2 = Path.Combine(inbox, newerSortsFirst ? "a.md" : "b.md");
        File.Copy(Fixture("n12431136-v1.md"), v1);
        File.Copy(Fixture("n12431136-v2.md"), v2);
        File.SetLastWriteTimeUtc(v1, Older);
        File.SetLastWriteTimeUtc(v2, Newer);
        return (v1, v2);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_newest_version_is_the_article_and_both_sources_are_recorded(bool newerSortsFirst)
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        var (v1, v2) = Copy(inbox, newerSortsFirst);

        var result = Run(content, inbox);

        var article = ArticleFile.Parse(File.ReadAllText(Path.Combine(content, Article)));
        Assert.Equal("乌克兰军机坠毁 26人遇难", article.Title);
        Assert.Contains("泽连斯基下令成立委员会", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("目前事故起因不详", article.Body, StringComparison.Ordinal);
        Assert.Equal(Sha("n12431136-v2.md"), article.Source!.Sha256);
        Assert.Equal(Sha("n12431136-v1.md"), Assert.Single(article.DuplicateSources).Sha256);
        foreach (var source in article.DuplicateSources.Append(article.Source))
        {
            Assert.True(File.Exists(Path.Combine(content, source.Path)), source.Path);
        }

        var won = result.Entries.Single(e => e.Path == v2);
        var lost = result.Entries.Single(e => e.Path == v1);
        Assert.Equal(ImportStatus.Imported, won.Status);
        Assert.Equal(ImportStatus.Duplicate, lost.Status);
        var why = $"newer version of {Id} (title and text edited): kept {article.Source.Path} (file 2020-09-26T09:30:00Z) over {article.DuplicateSources[0].Path} (file 2020-09-26T02:00:00Z)";
        Assert.Equal(why, won.Note);
        Assert.Equal("an older version: " + why, lost.Note);
        Assert.Contains("newer version of " + Id, JsonSerializer.Serialize(result.Entries, JsonFiles.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void The_input_order_does_not_change_a_byte()
    {
        var (first, firstInbox) = TestPaths.NewImportWorkspace();
        var (second, secondInbox) = TestPaths.NewImportWorkspace();
        Copy(firstInbox, newerSortsFirst: false);
        Copy(secondInbox, newerSortsFirst: true);

        Run(first, firstInbox);
        Run(second, secondInbox);

        Assert.Equal(File.ReadAllText(Path.Combine(first, Article)), File.ReadAllText(Path.Combine(second, Article)));
        // The raw files and their recorded versions are the same; only the file names (a.md, b.md) differ.
        var (one, two) = (Snapshot(Path.Combine(first, "sources")), Snapshot(Path.Combine(second, "sources")));
        Assert.Equal(one.Keys, two.Keys);
        Assert.Equal(one.Where(f => f.Key != "manifest.json"), two.Where(f => f.Key != "manifest.json"));
        var versions = (string dir) => SourceManifest.Load(dir).Sources.ToDictionary(s => s.Key, s => s.Value.Version);
        Assert.Equal(versions(first), versions(second));
    }

    [Fact]
    public void Importing_both_again_reports_unchanged_and_changes_nothing()
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        Copy(inbox, newerSortsFirst: false);
        Run(content, inbox);
        var before = Snapshot(content);

        var again = Run(content, inbox);

        Assert.All(again.Entries, e => Assert.Equal(ImportStatus.Unchanged, e.Status));
        Assert.Equal(before, Snapshot(content));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Copies_imported_one_at_a_time_give_the_article_of_one_import(bool newerFirst)
    {
        var (together, togetherInbox) = TestPaths.NewImportWorkspace();
        Copy(togetherInbox, newerSortsFirst: false);
        Run(together, togetherInbox);
        var (content, inbox) = TestPaths.NewImportWorkspace();
        var (v1, v2) = Copy(inbox, newerSortsFirst: false);

        var firstRun = Run(content, newerFirst ? v2 : v1);
        var secondRun = Run(content, newerFirst ? v1 : v2);

        Assert.Equal(ImportStatus.Imported, Assert.Single(firstRun.Entries).Status);
        var entry = Assert.Single(secondRun.Entries);
        Assert.Equal(newerFirst ? ImportStatus.Duplicate : ImportStatus.Imported, entry.Status);
        Assert.Contains("newer version of " + Id, entry.Note, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(together, Article)), File.ReadAllText(Path.Combine(content, Article)));
        Assert.All(Run(content, inbox).Entries, e => Assert.Equal(ImportStatus.Unchanged, e.Status));
    }

    [Fact]
    public void The_page_own_time_wins_over_file_times()
    {
        var copies = new[]
        {
            new Versions.Copy(new("sources/a.md", "mirror", "a"), new(Page: Newer, File: Older), default, "t", "new"),
            new Versions.Copy(new("sources/b.md", "mirror", "b"), new(Page: Older, File: Newer), default, "t", "old"),
        };

        var (winner, why) = Versions.Choose("x-1", copies);

        Assert.Equal("sources/a.md", winner.Source.Path);
        Assert.Equal("newer version of x-1 (text edited): kept sources/a.md (page 2020-09-26T09:30:00Z) over sources/b.md (page 2020-09-26T02:00:00Z)", why);
    }

    private static SortedDictionary<string, string> Snapshot(string dir) =>
        new(Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
