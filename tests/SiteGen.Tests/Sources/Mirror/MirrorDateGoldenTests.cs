using SiteGen.Content;
using SiteGen.Import;

namespace SiteGen.Tests.Sources.Mirror;

/// <summary>
/// Real mirror pages whose date is only partly stated, copied from the shared mirror into
/// Fixtures/raw (checked by hand against the raw files):
/// - reuters-feed/idCNKCS1LO02O: URL <c>-0908-</c>, dateline <c>路透上海9月7日 -</c>, no image — its year
///   comes from its neighbour idCNKCS1LO016 (image stamp <c>d=20180908</c>) in the same feed folder;
/// - reuters-feed/idCNKCS1LO016: URL <c>-0908-</c> and its own image stamp <c>d=20180908</c>;
/// - epoch-old/n722529: <c>/gb/4/11/19/</c>, a one-digit year, and the dateline <c>【大纪元11月19日讯】</c>.
/// </summary>
public class MirrorDateGoldenTests
{
    private static string Raw(string name) => Path.Combine(TestPaths.Fixtures, "raw", name);

    [Theory]
    [InlineData("reuters-feed/idCNKCS1LO02O.md", "2018-09-08", "month and day in the URL, year from the date stamps of the folder it came in")]
    [InlineData("reuters-feed/idCNKCS1LO016.md", "2018-09-08", "month and day in the URL, year from an image's date stamp")]
    [InlineData("epoch-old/n722529.md", "2004-11-19", "date in the URL")]
    public void The_date_and_the_signal_that_gave_it(string file, string date, string signal)
    {
        var (_, article) = MirrorFiles.Read(Raw(file));
        Assert.Equal(date, article.Published.ToString());
        Assert.Equal(signal, article.DateFrom);
    }

    [Fact]
    public void Reuters_page_without_a_year_reads_to_its_golden_file()
    {
        var (_, article) = MirrorFiles.Read(Raw("reuters-feed/idCNKCS1LO02O.md"));
        Sources.ReaderTestKit.AssertGolden("reuters-idCNKCS1LO02O.md", ArticleFile.Write(article));
    }

    [Fact]
    public void The_report_says_which_signal_dated_each_article()
    {
        var content = TestPaths.NewTempDir();
        var importer = new Importer(SiteGen.Sources.SourceReaders.Default, OutletStore.Load(TestPaths.Content));
        var result = importer.Import([Raw("reuters-feed")], new ImportOptions(content));
        Assert.All(result.Entries, e => Assert.Equal(ImportStatus.Imported, e.Status));
        Assert.Contains(result.Entries, e => e.DateFrom == "month and day in the URL, year from the date stamps of the folder it came in");
    }
}
