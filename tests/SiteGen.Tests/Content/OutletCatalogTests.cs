using SiteGen.Content;
using SiteGen.Model;

namespace SiteGen.Tests.Content;

/// <summary>The shipped catalog, and how an archive's own outlet files add to it and override it.</summary>
public class OutletCatalogTests
{
    private static string ContentWith(params (string Id, string Yaml)[] files)
    {
        var content = Path.Combine(TestPaths.NewTempDir(), "content");
        Directory.CreateDirectory(Path.Combine(content, "outlets"));
        foreach (var (id, yaml) in files)
        {
            File.WriteAllText(Path.Combine(content, "outlets", id + ".yml"), yaml);
        }

        return content;
    }

    [Fact]
    public void The_shipped_catalog_holds_every_outlet_of_the_shipped_archive_with_names_and_a_way_to_be_found()
    {
        var shipped = OutletStore.Shipped;
        Assert.True(shipped.Count >= 20, $"{shipped.Count} shipped outlets");
        Assert.Equal(shipped.Count, shipped.Select(o => o.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(shipped, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.NameZh));
            Assert.False(string.IsNullOrWhiteSpace(o.NameEn));
            Assert.NotNull(o.Lang);
            Assert.False(o.Generated);
            Assert.True(o.Domains.Count + o.Bylines.Count > 0, o.Id);
        });
        var ids = shipped.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var archive = OutletStore.LoadOwn(TestPaths.RepoContent).All;
        Assert.NotEmpty(archive);
        Assert.All(archive, o => Assert.Contains(o.Id, ids));
    }

    [Fact]
    public void An_empty_archive_knows_the_shipped_outlets_and_loading_only_its_own_gives_none()
    {
        var content = ContentWith();

        Assert.Equal("voachinese", OutletStore.Load(content).ByUrl("https://www.voachinese.com/a/x/6426608.html")?.Id);
        Assert.Equal("aljazeera", OutletStore.Load(content).ByByline("Aljazeera 半岛网")?.Id);
        Assert.Empty(OutletStore.LoadOwn(content).All);
    }

    [Fact]
    public void An_archive_file_overrides_the_shipped_outlet_of_its_id_and_its_domains_win()
    {
        var content = ContentWith(
            ("dw", "id: dw\nname_zh: 德国之声中文网\nname_en: DW Chinese\ndomains: [dw.com]\n"),
            ("mirrorvoa", "id: mirrorvoa\nname_zh: 美国之音镜像\nname_en: VOA mirror\ndomains: [voachinese.com]\n"));

        var catalog = OutletStore.Load(content);

        var dw = catalog.ById("dw")!;
        Assert.Equal("DW Chinese", dw.NameEn);
        Assert.Same(dw, catalog.ByUrl("https://www.dw.com/zh/a-70111745"));
        Assert.Empty(dw.Bylines); // replaced as a whole, not merged field by field
        Assert.Equal("mirrorvoa", catalog.ByUrl("https://www.voachinese.com/a/1.html")?.Id);
        Assert.Equal(OutletStore.Shipped.Count + 1, catalog.All.Count);
        Assert.Equal(["dw", "mirrorvoa"], OutletStore.LoadOwn(content).All.Select(o => o.Id));
    }

    [Theory]
    [InlineData("www.example-news.org", "example-news.org", "examplenews")]
    [InlineData("news.bbc.co.uk", "bbc.co.uk", "bbc")]
    [InlineData("www.cna.com.tw", "cna.com.tw", "cna")]
    [InlineData("example.de", "example.de", "example")]
    [InlineData("a.b.example.io", "example.io", "example")]
    [InlineData("209.250.226.216", "209.250.226.216", "ip209250226216")]
    public void The_registrable_domain_and_its_id_follow_the_rule(string host, string registrable, string id)
    {
        Assert.Equal(registrable, OutletDomains.Registrable(host));
        Assert.Equal(id, OutletDomains.IdOf(registrable));
    }

    [Theory]
    [InlineData("Aljazeera 半岛网", "半岛网", "Aljazeera", "aljazeera")]
    [InlineData("Example News - 新闻", "Example News", "Example News", "examplenews")]
    [InlineData("Example.com - 推荐", "Example.com", "Example.com", "example")]
    [InlineData("BBC News 中文", "BBC News 中文", "BBC News", "bbcnews")]
    public void Names_and_id_from_a_byline(string byline, string zh, string en, string id)
    {
        Assert.Equal((zh, en), OutletNames.FromByline(byline));
        Assert.Equal(id, OutletNames.IdFromByline(byline));
    }

    [Fact]
    public void A_byline_without_latin_letters_gets_a_stable_hashed_id_and_a_path_is_no_byline()
    {
        var id = OutletNames.IdFromByline("希望之声电台");
        Assert.Matches("^outlet-[0-9a-f]{8}$", id);
        Assert.Equal(id, OutletNames.IdFromByline("希望之声电台"));
        Assert.False(OutletNames.IsUsableByline("../../etc/passwd"));
        Assert.False(OutletNames.IsUsableByline("<b>x</b>"));
        Assert.True(OutletNames.IsUsableByline("Aljazeera 半岛网"));
    }

    [Theory]
    [InlineData("（德国之声中文网）本周一，俄罗斯总统普京现身。", "德国之声中文网")]
    [InlineData("【大纪元2022年12月31日讯】（大纪元记者张婷报导）正文。", "大纪元")]
    [InlineData("（中央社记者王明台北12日电）正文。", "中央社")]
    [InlineData("WASHINGTON (Reuters) - The president said.", "Reuters")]
    public void A_name_from_the_dateline_that_opens_the_body(string body, string name) =>
        Assert.Equal(name, OutletNames.FromDateline(body));

    [Fact]
    public void No_name_from_a_body_without_a_dateline() =>
        Assert.Null(OutletNames.FromDateline("（图片来源：网络）正文。\n\n第二段。"));

    [Fact]
    public void A_generated_outlet_file_reads_back_as_the_outlet_even_with_yaml_characters_in_its_names()
    {
        var outlet = new Outlet
        {
            Id = "examplenews",
            NameZh = "例子: 新闻 #1",
            NameEn = "true",
            Home = "https://www.example-news.org/",
            Domains = ["example-news.org"],
            Bylines = ["Example \"News\"", "- dash"],
            Lang = "zh-Hans",
            Generated = true,
        };

        var back = OutletStore.Parse(OutletFile.Text(outlet, "www.example-news.org"), "outlets/examplenews.yml");

        Assert.Equal(outlet.NameZh, back.NameZh);
        Assert.Equal(outlet.NameEn, back.NameEn);
        Assert.Equal(outlet.Home, back.Home);
        Assert.Equal(outlet.Domains, back.Domains);
        Assert.Equal(outlet.Bylines, back.Bylines);
        Assert.Equal(outlet.Lang, back.Lang);
        Assert.True(back.Generated);
    }
}
