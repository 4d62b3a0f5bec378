using SiteGen.Content;
using SiteGen.Import;
using SiteGen.Sources;

namespace SiteGen.Tests.Import;

/// <summary>An article whose outlet nobody described is imported, its outlet written once from what the files say.</summary>
[Trait("Needs", "shared")]
public class GeneratedOutletTests
{
    private const string VoaHost = "www.voachinese.com";

    /// <summary>Seed 001 (a VOA feed dump) as if a made-up outlet had published it, under another article number.</summary>
    private static string MadeUpCopy(string inbox, string name, string number = "6426608")
    {
        var text = File.ReadAllText(TestPaths.Seed("001")).Replace(VoaHost, "www.example-news.org", StringComparison.Ordinal);
        var path = Path.Combine(inbox, name);
        File.WriteAllText(path, text.Replace("6426608", number, StringComparison.Ordinal));
        return path;
    }

    private static ImportResult Run(string content, OutletCatalog? catalog, params string[] inputs) =>
        new Importer(SourceReaders.Default, catalog ?? OutletStore.Load(content)).Import(inputs, new ImportOptions(content));

    [Fact]
    public void A_made_up_domain_is_imported_and_its_outlet_written_once_with_generated_true()
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        MadeUpCopy(inbox, "a.txt", "1111");
        MadeUpCopy(inbox, "b.txt", "2222");

        var result = Run(content, null, inbox);

        Assert.Equal(2, result.Count(ImportStatus.Imported));
        Assert.All(result.Entries, e => Assert.StartsWith("examplenews-", e.Id, StringComparison.Ordinal));
        var made = Assert.Single(result.GeneratedOutlets);
        Assert.Equal(("examplenews", "www.example-news.org", "outlets/examplenews.yml"), (made.Id, made.Origin, made.File));
        var outlet = OutletStore.Parse(File.ReadAllText(Path.Combine(content, made.File)), Path.Combine(content, made.File));
        Assert.True(outlet.Generated);
        Assert.Equal(["example-news.org"], outlet.Domains);
        Assert.Equal("https://www.example-news.org/", outlet.Home);
        Assert.Equal("zh-Hans", outlet.Lang);
        Assert.Single(Directory.GetFiles(Path.Combine(content, "outlets")));
    }

    [Fact]
    public void A_second_import_reuses_the_outlet_and_keeps_a_hand_edit_of_its_file()
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        Run(content, null, MadeUpCopy(inbox, "a.txt", "1111"));
        var file = Path.Combine(content, "outlets", "examplenews.yml");
        var edited = File.ReadAllText(file).Replace("name_zh: example-news.org", "name_zh: 例子新闻", StringComparison.Ordinal)
            .Replace("generated: true\n", "", StringComparison.Ordinal);
        Assert.Contains("例子新闻", edited, StringComparison.Ordinal);
        File.WriteAllText(file, edited);

        var again = Run(content, null, MadeUpCopy(inbox, "b.txt", "2222"), Path.Combine(inbox, "a.txt"));

        Assert.Empty(again.GeneratedOutlets);
        Assert.Contains(again.Entries, e => e.Id == "examplenews-2222" && e.Status == ImportStatus.Imported);
        Assert.Equal(edited, File.ReadAllText(file));
        Assert.Equal("例子新闻", OutletStore.Load(content).ById("examplenews")!.NameZh);
    }

    [Fact]
    public void A_hexo_post_whose_outlet_left_the_catalog_gets_one_named_from_its_byline()
    {
        var (content, _) = TestPaths.NewImportWorkspace();
        var catalog = new OutletCatalog(OutletStore.Shipped.Where(o => o.Id != "aljazeera"));

        var result = Run(content, catalog, TestPaths.Seed("003"), TestPaths.Seed("004"));

        Assert.Equal(2, result.Count(ImportStatus.Imported));
        var made = Assert.Single(result.GeneratedOutlets);
        Assert.Equal("aljazeera", made.Id);
        var outlet = OutletStore.LoadOwn(content).ById("aljazeera")!;
        Assert.Equal(("半岛网", "Aljazeera"), (outlet.NameZh, outlet.NameEn));
        Assert.Equal(["Aljazeera 半岛网"], outlet.Bylines);
        Assert.True(outlet.Generated);
    }

    [Fact]
    public void A_mirror_page_whose_outlet_left_the_catalog_is_named_from_its_dateline()
    {
        var (content, _) = TestPaths.NewImportWorkspace();
        var catalog = new OutletCatalog(OutletStore.Shipped.Where(o => o.Id != "epochtimes"));

        var result = Run(content, catalog, TestPaths.Seed("000"));

        Assert.Equal(1, result.Count(ImportStatus.Imported));
        var outlet = OutletStore.LoadOwn(content).ById(Assert.Single(result.GeneratedOutlets).Id)!;
        Assert.Equal("epochtimes", outlet.Id);
        Assert.Equal("大纪元", outlet.NameZh);
        Assert.Equal(["epochtimes.com"], outlet.Domains);
    }

    [Fact]
    public void A_domain_whose_name_a_known_outlet_has_gets_its_own_id()
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        var path = Path.Combine(inbox, "x.txt");
        File.WriteAllText(path, File.ReadAllText(TestPaths.Seed("001")).Replace(VoaHost, "www.voachinese.co.uk", StringComparison.Ordinal));

        var result = Run(content, null, path);

        Assert.Equal("voachinesecouk", Assert.Single(result.GeneratedOutlets).Id);
        Assert.StartsWith("voachinesecouk-", result.Entries[0].Id, StringComparison.Ordinal);
    }
}
