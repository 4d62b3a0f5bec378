using SiteGen.Events;

namespace SiteGen.Tests.Events;

[Trait("Needs", "shared")]
public class EventComparisonTests(EventArchive archive) : IClassFixture<EventArchive>
{
    [Fact]
    public void The_summit_timeline_lists_three_outlets_in_time_order()
    {
        var report = archive.SummitReport();
        Assert.Equal(["aljazeera", "voachinese", "epochtimes"], report.Outlets);
        Assert.Equal(["aljazeera", "voachinese", "epochtimes"], report.Timeline.Lanes.Select(l => l.Outlet));
        Assert.Equal(["2022-02-04 12:39 UTC+00:00", "2022-02-04 14:22 UTC+00:00", "2022-02-04"], report.Timeline.Entries.Select(e => e.Display));
        Assert.True(report.Timeline.Entries.Select(e => e.SortKey).SequenceEqual(report.Timeline.Entries.Select(e => e.SortKey).Order()));
    }

    [Fact]
    public void Columns_carry_headline_lead_image_and_length()
    {
        var report = archive.SummitReport();
        var voa = report.Columns.Single(c => c.Outlet == "voachinese");
        Assert.Equal("习普会谈背靠背取暖：中俄联手反对北约东扩，莫斯科重申反对台独", voa.Headline);
        Assert.StartsWith("中国国家主席习近平星期五（2月4日）", voa.Lead, StringComparison.Ordinal);
        Assert.NotNull(voa.LeadImage);
        Assert.True(voa.Characters > 1000);
        Assert.All(report.Columns, c => Assert.True(c.Words > 0 && c.Lead.Length >= 20));
    }

    [Fact]
    public void Distinctive_terms_differ_between_columns_and_are_phrases_of_their_article()
    {
        var report = archive.SummitReport();
        var texts = archive.Seeds.ToDictionary(a => a.Id, a => ArticleText.From(a).Full);
        foreach (var c in report.Columns)
        {
            Assert.True(c.DistinctiveTerms.Count >= 5, $"{c.Outlet}: {c.DistinctiveTerms.Count} terms");
            Assert.All(c.DistinctiveTerms, t =>
            {
                Assert.Contains(t.Text, texts[c.ArticleId], StringComparison.Ordinal);
                Assert.True(t.Count >= 2 && t.Articles < 3, $"{t.Text}: count {t.Count}, in {t.Articles} articles");
            });
        }

        for (var i = 0; i < report.Columns.Count; i++)
        {
            for (var j = i + 1; j < report.Columns.Count; j++)
            {
                var a = report.Columns[i].DistinctiveTerms.Select(t => t.Key).ToHashSet();
                var b = report.Columns[j].DistinctiveTerms.Select(t => t.Key).ToHashSet();
                Assert.True(a.Intersect(b).Count() <= 1, $"{report.Columns[i].Outlet} and {report.Columns[j].Outlet} share {string.Join(",", a.Intersect(b))}");
            }
        }

        // Without a dictionary, names still come out whole.
        var et = report.Columns.Single(c => c.Outlet == "epochtimes").DistinctiveTerms.Select(t => t.Text).ToList();
        Assert.Contains("斯托尔滕贝格", et);
        Assert.DoesNotContain(et, t => t is "斯托尔" or "托尔滕" or "滕贝格" or "尔滕贝");
        Assert.Contains("埃尔多安", report.Columns.Single(c => c.Outlet == "aljazeera").DistinctiveTerms.Select(t => t.Text));
    }

    [Fact]
    public void Xi_Jinping_is_a_whole_term_never_jinping_alone()
    {
        var assignment = EventAssigner.Assign(archive.Archive, archive.Events.Events);
        var background = TermStatistics.Build(archive.Archive);
        var terms = assignment.Groups.Where(g => g.Members.Count > 0)
            .Select(g => EventComparison.Compare(g.Event, g.Articles, background))
            .SelectMany(r => r.Columns.SelectMany(c => c.DistinctiveTerms).Concat(r.SharedTerms))
            .Select(t => t.Text).ToList();
        Assert.Contains("习近平", terms);
        Assert.All(terms.Where(t => t.Contains("近平", StringComparison.Ordinal)), t => Assert.Contains("习近平", t, StringComparison.Ordinal));

        // The merge itself: every 近平 is in 习近平, every 约东 in 北约东扩.
        var extractor = new TermExtractor(["习近平说北约东扩。习近平反对北约东扩。", "普京与习近平会谈。"]);
        var first = extractor.Distinctive(0).Select(t => t.Text).ToList();
        Assert.Contains("北约东扩", first);
        Assert.DoesNotContain(first, t => t is "约东" or "近平" or "东扩");
        Assert.Equal(["习近平"], extractor.Shared().Select(t => t.Text));
    }

    [Fact]
    public void The_shared_terms_are_in_every_article()
    {
        var report = archive.SummitReport();
        var texts = report.Columns.Select(c => ArticleText.From(archive.Seeds.Single(a => a.Id == c.ArticleId)).Full).ToList();
        Assert.NotEmpty(report.SharedTerms);
        Assert.All(report.SharedTerms, t => Assert.All(texts, x => Assert.Contains(t.Text, x, StringComparison.Ordinal)));
        Assert.Contains("北约", report.SharedTerms.Select(t => t.Text));
    }

    [Fact]
    public void Quotes_come_with_their_article_and_attribution()
    {
        var report = archive.SummitReport();
        var et = report.Columns.Single(c => c.Outlet == "epochtimes").Quotes;
        var voa = report.Columns.Single(c => c.Outlet == "voachinese").Quotes;
        var aj = report.Columns.Single(c => c.Outlet == "aljazeera").Quotes;

        Assert.Contains(et, q => q.Speaker == "普萨基" && q.Text.StartsWith("我们也转达了", StringComparison.Ordinal));
        Assert.Contains(et, q => q.Speaker == "斯托尔滕贝格" && q.Text == "这是关于尊重独立国家选择自己道路的主权。");
        Assert.Contains(et, q => q.Speaker == "斯托尔滕贝格" && q.Text.StartsWith("他们一起行动更多", StringComparison.Ordinal)); // “…”他说
        Assert.Contains(et, q => q.Speaker == "习近平" && q.Text == "坚定支持彼此维护本国核心利益");
        Assert.Contains(voa, q => q.Speaker == "习近平" && q.Text.StartsWith("这是对中国两国", StringComparison.Ordinal));
        Assert.Contains(voa, q => q.Speaker == "普京" && q.Text.StartsWith("我们今天发表的联合声明", StringComparison.Ordinal));
        Assert.Contains(aj, q => q.Speaker is { } s && s.Contains("柯比", StringComparison.Ordinal));

        // Each quotation is in its own article and in no other column.
        Assert.DoesNotContain(voa, q => q.Speaker == "普萨基");
        Assert.DoesNotContain(aj, q => q.Speaker == "斯托尔滕贝格");
        Assert.DoesNotContain(et, q => q.Text == "台独");
    }

    [Fact]
    public void Near_matches_count_sentences_copied_from_another_article()
    {
        var shared = "克里姆林宫表示普京与习近平在热烈的气氛中举行了实质性的会谈并将两国关系描述为具有特色的高阶伙伴关系。";
        var a = ArticleText.FromMarkdown("甲", shared + "\n\n白宫新闻发言人普萨基在会晤后表示拜登政府官员已经警告北京。");
        var b = ArticleText.FromMarkdown("乙", "据报道，" + shared + "\n\n北约秘书长斯托尔滕贝格驳斥了俄罗斯指控北约有扩张野心的说法。");
        var result = NearMatcher.Compare([("a", a), ("b", b)]);
        Assert.Equal(2, result[0].Sentences);
        Assert.Equal(1, result[0].Matched);
        Assert.Equal(0.5, result[0].Share);
        Assert.Equal("b", result[0].Matches[0].OtherArticleId);
        Assert.Equal(1, result[1].Matched);
    }

    [Fact]
    public void The_report_is_the_same_whatever_order_the_articles_come_in()
    {
        var group = EventAssigner.Assign(archive.Seeds, archive.Events.Events).Find(EventArchive.Summit)!;
        var background = TermStatistics.Build(archive.Archive);
        var one = EventComparison.Compare(group.Event, group.Articles, background);
        var two = EventComparison.Compare(group.Event, group.Articles.Reverse(), background);
        Assert.Equal(Flatten(one), Flatten(two));

        static string Flatten(EventReport r) => string.Join("\n", r.Columns.Select(c =>
            $"{c.ArticleId}|{string.Join(",", c.DistinctiveTerms.Select(t => $"{t.Text}:{t.Score}"))}|{string.Join(",", c.Quotes.Select(q => $"{q.Speaker}:{q.Text}"))}|{c.NearMatches.Share}"))
            + "\n" + string.Join(",", r.SharedTerms.Select(t => t.Text));
    }
}

[Trait("Needs", "shared")]
public class EventTextRobustnessTests(EventArchive archive) : IClassFixture<EventArchive>
{
    [Fact]
    public void Every_archive_article_yields_text_quotes_and_terms_without_failing()
    {
        var background = TermStatistics.Build(archive.Archive);
        foreach (var a in archive.Archive)
        {
            var text = ArticleText.From(a);
            Assert.NotEmpty(text.Paragraphs);
            Assert.DoesNotContain("](", text.Full, StringComparison.Ordinal);
            Assert.DoesNotContain("^^^", text.Full, StringComparison.Ordinal);
            foreach (var q in QuoteExtractor.Extract(text))
            {
                Assert.Contains(q.Text, text.Paragraphs[q.Paragraph], StringComparison.Ordinal);
            }

            var terms = new TermExtractor([text.Full], background).Distinctive(0);
            Assert.All(terms, t => Assert.Contains(t.Text, text.Full, StringComparison.Ordinal));
        }
    }
}
