using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Dom;
using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Model;

namespace SiteGen.Tests.Rendering;

/// <summary>The shipped archive (content/ with its nine event files) built once, base URL https://example.org/.</summary>
public sealed class ShippedSite : IDisposable
{
    public ShippedSite()
    {
        OutDir = Path.Combine(TestPaths.NewTempDir(), "public");
        Result = SiteFixture.Build(OutDir, TestPaths.Content, "https://example.org/");
        Assert.True(Result.Succeeded, string.Join("\n", Result.Errors));
        Articles = ArticleStore.Open(TestPaths.Content).Articles.ToDictionary(a => a.Article.Id, a => a.Article, StringComparer.Ordinal);
    }

    public string OutDir { get; }

    public SiteGen.Publishing.BuildResult Result { get; }

    public IReadOnlyDictionary<string, Article> Articles { get; }

    public bool Exists(string rootRelativeUrl) =>
        File.Exists(Path.Combine(OutDir, Uri.UnescapeDataString(rootRelativeUrl.TrimStart('/')), "index.html"));

    public IDocument Page(string relativePath) => SiteFixture.Parse(File.ReadAllText(Path.Combine(OutDir, relativePath)));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(OutDir)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ShippedSiteGroup : ICollectionFixture<ShippedSite>
{
    public const string Name = "built shipped site";
}

/// <summary>
/// Issue 5's event page on the shipped archive: the 2022-02-04 summit (seeds 000, 001, 003 — all three
/// joined by the event's rule, none by front matter) in both UI languages.
/// </summary>
[Collection(ShippedSiteGroup.Name)]
public class EventPageTests(ShippedSite site)
{
    private const string Summit = "2022-02-04-xi-putin-beijing-summit";
    private const string AlJazeera = "aljazeera-hed26247c03";
    private const string Voa = "voachinese-6426608";
    private const string EpochTimes = "epochtimes-n13555352";

    public static TheoryData<string> Languages => new() { "zh", "en" };

    private IDocument SummitPage(string lang) => site.Page($"{lang}/events/{Summit}/index.html");

    [Theory]
    [MemberData(nameof(Languages))]
    public void Header_has_title_summary_date_and_counts_in_the_UI_language(string lang)
    {
        var doc = SummitPage(lang);
        var h1 = doc.QuerySelector("main h1")!;
        Assert.Equal(lang == "zh" ? "习近平与普京北京峰会" : "Xi–Putin summit in Beijing", h1.TextContent);
        Assert.Equal(lang == "zh" ? "zh-Hans" : "en", h1.GetAttribute("lang"));
        var facts = doc.QuerySelector(".event-facts")!.TextContent;
        Assert.Contains(lang == "zh" ? "2022年2月4日" : "4 February 2022", facts, StringComparison.Ordinal);
        Assert.Contains(lang == "zh" ? "3 篇报道" : "3 articles", facts, StringComparison.Ordinal);
        Assert.Contains(lang == "zh" ? "3 家媒体" : "3 outlets", facts, StringComparison.Ordinal);
        var lede = doc.QuerySelector(".event-header .lede")!;
        Assert.Equal(lang == "zh" ? "zh-Hans" : "en", lede.GetAttribute("lang"));
        Assert.StartsWith(lang == "zh" ? "2022年2月4日北京冬奥会开幕前" : "On 4 February 2022", lede.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Timeline_lists_the_three_outlets_in_UTC_order_with_the_bare_date_last(string lang)
    {
        var doc = SummitPage(lang);
        var items = doc.QuerySelectorAll(".timeline > li");
        Assert.Equal(3, items.Length);
        Assert.Equal(
            [$"/zh/articles/{AlJazeera}/", $"/zh/articles/{Voa}/", $"/zh/articles/{EpochTimes}/"], // Chinese articles: their one page is in the zh UI
            items.Select(li => li.QuerySelector("a.item-title")!.GetAttribute("href")));
        Assert.Equal(
            [$"/{lang}/outlets/aljazeera/", $"/{lang}/outlets/voachinese/", $"/{lang}/outlets/epochtimes/"],
            items.Select(li => li.QuerySelector(".item-meta a")!.GetAttribute("href")));
        Assert.Equal(["2022-02-04T12:39:26+00:00", "2022-02-04T14:22:53+00:00", "2022-02-04"], items.Select(li => li.QuerySelector("time")!.GetAttribute("datetime")));
        Assert.Contains("12:39", items[0].QuerySelector("time")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("UTC", items[0].QuerySelector("time")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(":", items[2].QuerySelector("time")!.TextContent, StringComparison.Ordinal); // a bare date shows no time
        Assert.Contains(lang == "zh" ? "仅有日期" : "date only", items[2].TextContent, StringComparison.Ordinal);

        // Outlet by outlet: one lane per outlet, in order of first article, each pointing at its column.
        var lanes = doc.QuerySelectorAll(".lanes > li");
        Assert.Equal([$"/{lang}/outlets/aljazeera/", $"/{lang}/outlets/voachinese/", $"/{lang}/outlets/epochtimes/"], lanes.Select(l => l.QuerySelector("a.lane-outlet")!.GetAttribute("href")));
        Assert.Equal([$"#a-{AlJazeera}", $"#a-{Voa}", $"#a-{EpochTimes}"], lanes.Select(l => l.QuerySelector(".lane-items a")!.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void One_column_per_article_in_time_order_with_headline_outlet_time_lead_image_and_length(string lang)
    {
        var doc = SummitPage(lang);
        var grid = doc.QuerySelector(".columns")!;
        Assert.Contains("cols-3", grid.ClassList);
        var columns = grid.QuerySelectorAll(":scope > article.column");
        Assert.Equal([$"a-{AlJazeera}", $"a-{Voa}", $"a-{EpochTimes}"], columns.Select(c => c.Id));
        foreach (var (column, id) in columns.Zip(new[] { AlJazeera, Voa, EpochTimes }))
        {
            var article = site.Articles[id];
            var headline = column.QuerySelector("h3 a")!;
            Assert.Equal($"/zh/articles/{id}/", headline.GetAttribute("href"));
            Assert.Equal(article.Title, headline.TextContent);
            Assert.Equal(article.Lang, headline.GetAttribute("lang"));
            Assert.Equal($"/{lang}/outlets/{article.Outlet}/", column.QuerySelector(".col-outlet a")!.GetAttribute("href"));
            Assert.Equal(article.Published.ToString(), column.QuerySelector(".col-head time")!.GetAttribute("datetime"));

            var lead = column.QuerySelector(".col-lead p")!;
            Assert.Equal(ArticleText.From(article).Lead, lead.TextContent);
            Assert.Equal(article.Lang, lead.GetAttribute("lang"));

            var img = column.QuerySelector(".col-image img")!;
            Assert.Equal(article.Image!.Src, img.GetAttribute("src"));
            Assert.Equal("lazy", img.GetAttribute("loading"));
            Assert.Equal("no-referrer", img.GetAttribute("referrerpolicy"));
            var caption = column.QuerySelector(".col-image figcaption")?.TextContent ?? "";
            Assert.True(img.GetAttribute("alt") is { } alt && (alt.Length == 0 || !caption.Contains(alt, StringComparison.Ordinal)), $"{id}: the alt text repeats the caption");

            var length = column.QuerySelector(".length")!.TextContent;
            Assert.Contains(ArticleText.From(article).Words.ToString(System.Globalization.CultureInfo.InvariantCulture), length, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Distinctive_terms_differ_between_the_columns_and_are_phrases_of_their_article(string lang)
    {
        var doc = SummitPage(lang);
        var columns = doc.QuerySelectorAll(".columns > article.column").ToArray();
        var sets = new List<HashSet<string>>();
        foreach (var (column, id) in columns.Zip(new[] { AlJazeera, Voa, EpochTimes }))
        {
            var text = ArticleText.From(site.Articles[id]).Full;
            var terms = column.QuerySelectorAll(".terms.distinctive > li").Select(li => li.ChildNodes.OfType<IText>().First().Text.Trim()).ToList();
            Assert.True(terms.Count >= 3, $"{id}: only {terms.Count} distinctive terms");
            Assert.All(terms, t => Assert.Contains(t, text, StringComparison.Ordinal));
            sets.Add(terms.ToHashSet(StringComparer.Ordinal));
        }

        for (var i = 0; i < sets.Count; i++)
        {
            for (var j = i + 1; j < sets.Count; j++)
            {
                Assert.False(sets[i].SetEquals(sets[j]), $"columns {i + 1} and {j + 1} show the same terms");
                Assert.True(sets[i].Intersect(sets[j]).Count() < Math.Min(sets[i].Count, sets[j].Count) / 2, $"columns {i + 1} and {j + 1} share most of their terms");
            }
        }

        // 习近平, not 近平: merged spans, not bigram fragments.
        Assert.DoesNotContain(sets.SelectMany(s => s), t => t == "近平" || t == "习近");

        // The shared terms are shown once, above the columns, and each is in every article.
        var shared = doc.QuerySelectorAll(".shared-terms .terms > li").Select(li => li.TextContent.Trim()).ToList();
        Assert.NotEmpty(shared);
        Assert.All(shared, t => Assert.All(new[] { AlJazeera, Voa, EpochTimes }, id => Assert.Contains(t, ArticleText.From(site.Articles[id]).Full, StringComparison.Ordinal)));
        Assert.Single(doc.QuerySelectorAll(".shared-terms"));
        Assert.True(doc.QuerySelector(".shared-terms")!.CompareDocumentPosition(doc.QuerySelector(".columns")!).HasFlag(DocumentPositions.Following));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Quotes_appear_in_the_column_of_the_article_that_cites_them(string lang)
    {
        var doc = SummitPage(lang);
        var columns = doc.QuerySelectorAll(".columns > article.column").ToDictionary(c => c.Id!["a-".Length..], StringComparer.Ordinal);
        foreach (var (id, column) in columns)
        {
            var text = ArticleText.From(site.Articles[id]).Full;
            var quotes = column.QuerySelectorAll(".quotes > li").ToList();
            Assert.NotEmpty(quotes);
            foreach (var quote in quotes)
            {
                var said = quote.QuerySelector("blockquote")!.TextContent;
                Assert.Contains(said, text, StringComparison.Ordinal);
                Assert.Equal(site.Articles[id].Lang, quote.QuerySelector("blockquote")!.GetAttribute("lang"));
            }
        }

        (string Text, string Speaker) Quote(string id, string start)
        {
            var li = columns[id].QuerySelectorAll(".quotes > li").First(l => l.QuerySelector("blockquote")!.TextContent.StartsWith(start, StringComparison.Ordinal));
            return (li.QuerySelector("blockquote")!.TextContent, li.QuerySelector(".speaker")!.TextContent);
        }

        Assert.Contains("习近平", Quote(EpochTimes, "坚定支持彼此维护本国核心利益").Speaker, StringComparison.Ordinal);
        Assert.Contains("克里姆林宫", Quote(Voa, "实质性的").Speaker, StringComparison.Ordinal);
        Assert.Contains("约翰·柯比", Quote(AlJazeera, "乌克兰军队针对俄罗斯主权发动的攻击").Speaker, StringComparison.Ordinal);
        Assert.DoesNotContain(columns[AlJazeera].QuerySelectorAll("blockquote"), b => b.TextContent.StartsWith("坚定支持彼此维护本国核心利益", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_column_shows_its_first_three_quotations_and_links_to_the_article_for_the_rest(string lang)
    {
        var more = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(site.OutDir, lang, "events"), "index.html", SearchOption.AllDirectories))
        {
            foreach (var column in SiteFixture.Parse(File.ReadAllText(file)).QuerySelectorAll(".columns > article.column"))
            {
                var id = column.Id!["a-".Length..];
                var quotes = QuoteExtractor.Extract(ArticleText.From(site.Articles[id]));
                var shown = column.QuerySelectorAll(".quotes > li blockquote").Select(b => b.TextContent).ToList();
                Assert.Equal(quotes.Take(3).Select(q => q.Text), shown);
                var link = column.QuerySelector(".more-quotes a");
                Assert.Equal(quotes.Count > 3, link is not null);
                if (link is not null)
                {
                    more++;
                    Assert.Equal(column.QuerySelector("h3 a")!.GetAttribute("href"), link.GetAttribute("href"));
                    Assert.Contains((quotes.Count - 3).ToString(System.Globalization.CultureInfo.InvariantCulture), link.TextContent, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(more > 0, "no column of the shipped archive has more than three quotations: the test shows nothing");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Each_column_shows_the_share_of_its_text_with_a_near_match(string lang)
    {
        var doc = SummitPage(lang);
        foreach (var column in doc.QuerySelectorAll(".columns > article.column"))
        {
            var meter = column.QuerySelector(".col-near meter")!;
            var value = int.Parse(meter.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(value, 0, 100);
            Assert.Contains($"{value}%", column.QuerySelector(".col-near p")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Links_resolve_both_ways_between_the_event_and_its_articles(string lang)
    {
        var members = new[] { AlJazeera, Voa, EpochTimes };
        var eventUrl = $"/{lang}/events/{Summit}/";
        var page = SummitPage(lang);
        foreach (var href in page.QuerySelectorAll("main a[href^='/']").Select(a => a.GetAttribute("href")!).Where(h => !h.EndsWith(".xml", StringComparison.Ordinal)))
        {
            Assert.True(site.Exists(href), $"{eventUrl}: {href} does not resolve");
        }

        foreach (var id in members)
        {
            Assert.Contains(page.QuerySelectorAll(".columns h3 a"), a => a.GetAttribute("href") == $"/zh/articles/{id}/");

            // The article's one page is in the UI of its language (zh): it links back to that UI's event page.
            var article = site.Page($"zh/articles/{id}/index.html");
            var coverage = article.QuerySelectorAll(".events .event-coverage").Single(c => c.QuerySelector(".event-link a")!.GetAttribute("href") == $"/zh/events/{Summit}/");
            var others = coverage.QuerySelectorAll(".coverage-list a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Equal(members.Where(m => m != id).Select(m => $"/zh/articles/{m}/"), others);
            Assert.All(others, o => Assert.True(site.Exists(o), $"{id}: {o} does not resolve"));
            Assert.All(coverage.QuerySelectorAll(".coverage-list li"), li => Assert.False(string.IsNullOrWhiteSpace(li.QuerySelector(".item-meta")?.TextContent), $"{id}: other coverage without its outlet"));
            if (id != EpochTimes)
            {
                Assert.Contains(coverage.QuerySelectorAll(".coverage-list .item-meta"), m => m.TextContent == "大纪元");
            }
        }
    }

    [Theory]
    [InlineData("zh", "习近平与普京北京峰会 · 中俄新闻档案")]
    [InlineData("en", "Xi–Putin summit in Beijing · China–Russia News Archive")]
    public void Event_feed_is_atom_with_the_rule_assigned_articles(string lang, string title)
    {
        using var reader = XmlReader.Create(Path.Combine(site.OutDir, lang, "events", Summit, "feed.xml"));
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        var feed = formatter.Feed;
        Assert.Equal(title, feed.Title.Text);
        Assert.Equal(
            [$"https://example.org/zh/articles/{EpochTimes}/", $"https://example.org/zh/articles/{Voa}/", $"https://example.org/zh/articles/{AlJazeera}/"],
            feed.Items.Select(i => i.Id));
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri.AbsoluteUri == $"https://example.org/{lang}/events/{Summit}/");
        Assert.Equal($"/{lang}/events/{Summit}/feed.xml", SummitPage(lang).QuerySelector("link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Events_index_and_home_list_events_with_date_and_counts(string lang)
    {
        var index = site.Page($"{lang}/events/index.html");
        var items = index.QuerySelectorAll(".card-list > li");
        Assert.Equal(9, items.Length);
        var summit = items.Single(li => li.QuerySelector("a.item-title")!.GetAttribute("href") == $"/{lang}/events/{Summit}/");
        Assert.Equal(lang == "zh" ? "2022年2月4日 · 3 篇报道 · 3 家媒体" : "4 February 2022 · 3 articles · 3 outlets", summit.QuerySelector(".item-meta")!.TextContent);
        var vostok = items.Single(li => li.QuerySelector("a.item-title")!.GetAttribute("href") == $"/{lang}/events/2018-09-11-vostok-2018-exercise/");
        Assert.Contains(lang == "zh" ? "5 篇报道 · 2 家媒体" : "5 articles · 2 outlets", vostok.QuerySelector(".item-meta")!.TextContent, StringComparison.Ordinal);

        var home = site.Page($"{lang}/index.html");
        var recent = home.QuerySelectorAll("#events-heading ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(SiteGen.Rendering.SitePages.HomeEvents, recent.Count);
        Assert.Equal($"/{lang}/events/2022-12-30-xi-putin-video-call/", recent[0]);
    }

    [Fact]
    public void Build_warns_about_rule_matches_that_look_wrong_naming_the_event_file_and_the_article()
    {
        Assert.Contains(site.Result.Warnings, w =>
            w.StartsWith("events/2022-10-23-dirty-bomb-claims.yml: articles/epochtimes/2022/n13852038.md (epochtimes-n13852038): weak-match:", StringComparison.Ordinal));
        Assert.Contains(site.Result.Warnings, w => w.Contains("(voachinese-4568082): weak-match", StringComparison.Ordinal));
    }

    [Fact]
    public void Summit_members_are_in_exactly_the_summit_and_joined_by_the_rule()
    {
        var articles = site.Articles.Values.ToList();
        var assignment = EventAssigner.Assign(articles, EventStore.Load(TestPaths.Content).Events);
        var members = assignment.Find(Summit)!.Members;
        Assert.Equal([AlJazeera, Voa, EpochTimes], members.Select(m => m.Article.Id));
        Assert.All(members, m => Assert.Equal(EventMembership.Rule, m.Via));
    }

    [Fact]
    public void A_broken_event_file_is_a_warning_and_with_strict_an_error()
    {
        var content = SiteFixture.CopyContent();
        File.WriteAllText(Path.Combine(content, "events", "broken-event.yml"), "id: broken-event\ndate: 2022-02-30\ntitle_zh: 坏\ntitle_en: Broken\n");
        var relaxed = SiteFixture.Build(Path.Combine(Path.GetDirectoryName(content)!, "out"), content);
        Assert.True(relaxed.Succeeded, string.Join("\n", relaxed.Errors));
        Assert.Contains(relaxed.Warnings, w => w.StartsWith("events/broken-event.yml:2:", StringComparison.Ordinal) && w.Contains("2022-02-30", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(content)!, "out", "zh", "events", "xi-putin-beijing-2022", "index.html")));

        var strict = SiteFixture.Build(Path.Combine(Path.GetDirectoryName(content)!, "out-strict"), content, strict: true);
        Assert.False(strict.Succeeded);
        Assert.Contains(strict.Errors, e => e.StartsWith("events/broken-event.yml:2:", StringComparison.Ordinal));
    }
}
