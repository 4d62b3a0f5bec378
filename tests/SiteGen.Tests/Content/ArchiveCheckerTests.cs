using SiteGen.Content;
using SiteGen.Import;
using SiteGen.Model;
using SiteGen.Sources;

namespace SiteGen.Tests.Content;

public class ArchiveCheckerTests
{
    private static string ImportOne(out string articlePath)
    {
        var root = TestPaths.NewTempDir();
        var content = Path.Combine(root, "content");
        var raw = Path.Combine(root, "a.md");
        File.WriteAllText(raw, ArticleFile.Write(new Article
        {
            Id = "dw-1",
            Title = "标题",
            Lang = "zh-Hans",
            Outlet = "dw",
            Published = PublishedDate.FromDate(2024, 9, 8),
            Body = "正文。",
        }));
        var result = new Importer(SourceReaders.Default, OutletStore.Load(TestPaths.Content)).Import([raw], new ImportOptions(content));
        articlePath = Path.Combine(content, result.Entries[0].Article!);
        return content;
    }

    [Fact]
    public void A_freshly_imported_archive_is_whole()
    {
        Assert.Empty(ArchiveChecker.Check(ImportOne(out _)));
    }

    [Fact]
    public void An_altered_source_is_reported_with_the_article()
    {
        var content = ImportOne(out var articlePath);
        var source = ArticleFile.Parse(File.ReadAllText(articlePath)).Source!;
        File.AppendAllText(Path.Combine(content, source.Path), "tampered");

        var problems = ArchiveChecker.Check(content);

        Assert.Contains(problems, p => p.Message.Contains("articles/dw/2024/1.md", StringComparison.Ordinal) && p.Message.Contains("SHA-256", StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_no_article_claims_is_reported()
    {
        var content = ImportOne(out var articlePath);
        File.Delete(articlePath);

        var problems = ArchiveChecker.Check(content);

        Assert.Contains(problems, p => p.Message.Contains("no article comes from it", StringComparison.Ordinal));
    }
}
