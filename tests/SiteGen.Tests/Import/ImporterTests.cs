using System.Text;
using SiteGen.Content;
using SiteGen.Import;
using SiteGen.Model;
using SiteGen.Sources;

namespace SiteGen.Tests.Import;

public class ImporterTests
{
    private static readonly OutletCatalog Outlets = OutletStore.Load(TestPaths.Content);

    private static Article Sample(string id = "voachinese-6426608", string mirror = "https://github.com/a/b/blob/master/x.md") => new()
    {
        Id = id,
        Title = "习普会谈",
        Lang = "zh-Hans",
        Outlet = "voachinese",
        Published = PublishedDate.FromInstant(new DateTimeOffset(2022, 2, 4, 14, 22, 53, TimeSpan.Zero)),
        Url = "https://www.voachinese.com/a/x/6426608.html",
        Mirrors = [mirror],
        Body = "正文第一段。\n\n正文第二段。",
    };

    private static ImportResult Run(string content, params string[] inputs) =>
        new Importer(SourceReaders.Default, Outlets).Import(inputs, new ImportOptions(content));

    [Fact]
    public void A_normalized_article_imports_to_the_same_bytes_and_keeps_its_source_verbatim()
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        var file = Path.Combine(inbox, "a.md");
        var original = ArticleFile.Write(Sample());
        File.WriteAllText(file, original);

        var result = Run(content, inbox);

        var entry = Assert.Single(result.Entries);
        Assert.Equal(ImportStatus.Imported, entry.Status);
        Assert.Equal("articles/voachinese/2022/6426608.md", entry.Article);
        var written = File.ReadAllText(Path.Combine(content, entry.Article!));
        var article = ArticleFile.Parse(written);
        Assert.NotNull(article.Source);
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(content, article.Source!.Path)));

        // Importing the written article again gives back the same file.
        var (content2, _) = TestPaths.NewImportWorkspace();
        var again = Path.Combine(Path.GetDirectoryName(content2)!, "again.md");
        File.WriteAllText(again, written);
        var second = Run(content2, again);
        Assert.Equal(written, File.ReadAllText(Path.Combine(content2, second.Entries[0].Article!)));
    }

    [Fact]
    public void Importing_twice_changes_nothing()
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        File.WriteAllText(Path.Combine(inbox, "a.md"), ArticleFile.Write(Sample()));
        Run(content, inbox);
        var before = Snapshot(content);

        var second = Run(content, inbox);

        Assert.Equal(ImportStatus.Unchanged, Assert.Single(second.Entries).Status);
        Assert.Equal(before, Snapshot(content));
    }

    [Fact]
    public void The_same_story_from_two_mirrors_becomes_one_article_listing_both()
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        File.WriteAllText(Path.Combine(inbox, "a.md"), ArticleFile.Write(Sample(mirror: "https://github.com/one/blob/master/x.md")));
        File.WriteAllText(Path.Combine(inbox, "b.md"), ArticleFile.Write(Sample(mirror: "https://github.com/two/blob/master/x.md")) + "\n");

        var result = Run(content, inbox);

        Assert.Equal([ImportStatus.Imported, ImportStatus.Duplicate], result.Entries.Select(e => e.Status));
        var files = Directory.GetFiles(Path.Combine(content, "articles"), "*.md", SearchOption.AllDirectories);
        var article = ArticleFile.Parse(File.ReadAllText(Assert.Single(files)));
        Assert.Equal(["https://github.com/one/blob/master/x.md", "https://github.com/two/blob/master/x.md"], article.Mirrors);
        Assert.Single(article.DuplicateSources);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(content, "sources"), "*.md").Length);
    }

    [Fact]
    public void A_duplicate_arriving_in_a_later_import_is_merged_into_the_existing_article()
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        var first = Path.Combine(inbox, "a.md");
        File.WriteAllText(first, ArticleFile.Write(Sample(mirror: "https://m1.example/x")));
        Run(content, first);
        var second = Path.Combine(inbox, "b.md");
        File.WriteAllText(second, ArticleFile.Write(Sample(mirror: "https://m2.example/x")) + "\n");

        var result = Run(content, second);

        Assert.Equal(ImportStatus.Duplicate, Assert.Single(result.Entries).Status);
        var article = ArticleFile.Parse(File.ReadAllText(Path.Combine(content, "articles/voachinese/2022/6426608.md")));
        Assert.Equal(["https://m1.example/x", "https://m2.example/x"], article.Mirrors);
    }

    [Fact]
    public void A_hand_edited_article_is_kept_unless_forced()
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        var raw = Path.Combine(inbox, "a.md");
        File.WriteAllText(raw, ArticleFile.Write(Sample()));
        var path = Path.Combine(content, Run(content, raw).Entries[0].Article!);
        var edited = File.ReadAllText(path).Replace("正文第一段。", "编辑修改过的第一段。", StringComparison.Ordinal);
        File.WriteAllText(path, edited);

        var again = Run(content, raw);

        Assert.Equal(ImportStatus.Unchanged, again.Entries[0].Status);
        Assert.Contains("--force", again.Entries[0].Note, StringComparison.Ordinal);
        Assert.Equal(edited, File.ReadAllText(path));

        var forced = new Importer(SourceReaders.Default, Outlets).Import([raw], new ImportOptions(content, Force: true));
        Assert.Equal(ImportStatus.Imported, forced.Entries[0].Status);
        Assert.Contains("正文第一段。", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.txt", new byte[0], "empty file")]
    [InlineData("binary.bin", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x01 }, "binary file")]
    [InlineData("bad-bom.txt", new byte[] { 0xFF, 0xFE, 0x00, 0xD8 }, "bad encoding")]
    public void Broken_files_are_rejected_with_their_path_and_reason_and_the_rest_goes_on(string name, byte[] bytes, string reason)
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        File.WriteAllBytes(Path.Combine(inbox, name), bytes);
        File.WriteAllText(Path.Combine(inbox, "good.md"), ArticleFile.Write(Sample()));

        var result = Run(content, inbox);

        var rejected = Assert.Single(result.Entries, e => e.Status == ImportStatus.Rejected);
        Assert.EndsWith(name, rejected.Path, StringComparison.Ordinal);
        Assert.Contains(reason, rejected.Reason, StringComparison.Ordinal);
        Assert.Single(result.Entries, e => e.Status == ImportStatus.Imported);
    }

    [Fact]
    public void Malformed_front_matter_is_rejected_with_the_line()
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        var text = ArticleFile.Write(Sample()).Replace("lang: zh-Hans", "lang: [zh-Hans", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(inbox, "bad.md"), text);

        var entry = Assert.Single(Run(content, inbox).Entries);

        Assert.Equal(ImportStatus.Rejected, entry.Status);
        Assert.Contains("front matter", entry.Reason, StringComparison.Ordinal);
        Assert.NotNull(entry.Line);
    }

    [Fact]
    public void A_text_in_no_known_format_is_rejected_as_such()
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        File.WriteAllText(Path.Combine(inbox, "notes.txt"), "just some notes, no article here\n");

        var entry = Assert.Single(Run(content, inbox).Entries);

        Assert.Equal(ImportStatus.Rejected, entry.Status);
        Assert.Contains("no reader", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_chinese_encodings_are_decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "中国国家主席习近平星期五与俄国总统普京举行正式会谈，这是两国关系的大事。";
        const string traditional = "中國國家主席習近平星期五與俄國總統普京舉行正式會談，這是兩國關係的大事。";
        Assert.Equal((text, "gb18030"), TextDecoder.Decode(Encoding.GetEncoding("GB18030").GetBytes(text)));
        Assert.Equal((traditional, "big5"), TextDecoder.Decode(Encoding.GetEncoding("big5").GetBytes(traditional)));
        Assert.Equal((text, "utf-16le"), TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]));
    }

    private static SortedDictionary<string, string> Snapshot(string dir) =>
        new(Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
