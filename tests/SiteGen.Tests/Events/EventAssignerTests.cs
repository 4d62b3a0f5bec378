using SiteGen.Events;
using SiteGen.Model;

namespace SiteGen.Tests.Events;

[Trait("Needs", "shared")]
public class EventAssignerTests(EventArchive archive) : IClassFixture<EventArchive>
{
    [Fact]
    public void The_seeds_fall_into_three_events_with_exactly_their_articles()
    {
        var assignment = EventAssigner.Assign(archive.Seeds, archive.Events.Events);
        var ids = archive.SeedIds;
        Assert.Equal([ids[4]], Members(assignment, EventArchive.Call2021));
        Assert.Equal([ids[3], ids[1], ids[0]], Members(assignment, EventArchive.Summit));
        Assert.Equal([ids[2]], Members(assignment, EventArchive.Call2022));
        Assert.All(archive.Seeds, a => Assert.Single(assignment.EventsOf(a.Id)));
    }

    [Fact]
    public void In_the_seeds_and_corpus_archive_the_seed_events_keep_their_seeds()
    {
        var assignment = EventAssigner.Assign(archive.Archive, archive.Events.Events);
        var ids = archive.SeedIds;
        Assert.Equal([ids[4]], Members(assignment, EventArchive.Call2021));
        Assert.Equal([ids[3], ids[1], ids[0]], Members(assignment, EventArchive.Summit));

        // The corpus holds a second Epoch Times report on the same 2022-12-30 call (n13895357,
        // 普习视频会谈 俄乌战考验中俄伙伴关系): it belongs to the event (docs/events.md).
        Assert.Equal(new[] { ids[2], "epochtimes-n13895357" }.Order(StringComparer.Ordinal), Members(assignment, EventArchive.Call2022).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2022-10-08-crimean-bridge-explosion", "epochtimes-n13841402,epochtimes-n13841469,epochtimes-n13841578")]
    [InlineData("2020-10-06-quad-asian-nato", "rfa-wd-09302020155626,secretchina-947841,epochtimes-n12446372,rfa-hj-10062020101503,epochtimes-n12473528")]
    [InlineData("2018-09-11-vostok-2018-exercise", "voachinese-4565810,voachinese-4568082,epochtimes-n10708445,voachinese-4569818,epochtimes-n10712843")]
    [InlineData("2022-10-23-dirty-bomb-claims", "epochtimes-n13851373,epochtimes-n13851790,epochtimes-n13852038,epochtimes-n13852857")]
    [InlineData("2020-09-25-ukraine-military-plane-crash", "epochtimes-n12431136,ntdtv-a102950178")]
    [InlineData("2022-06-11-sievierodonetsk-chemical-plant", "voachinese-6613492,voachinese-6614526")]
    public void The_corpus_events_pick_their_articles(string eventId, string expected)
    {
        var assignment = EventAssigner.Assign(archive.Archive, archive.Events.Events);
        Assert.Equal(expected.Split(',').Order(StringComparer.Ordinal), Members(assignment, eventId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Members_are_in_timeline_order_and_a_bare_date_sorts_after_that_days_instants()
    {
        var group = EventAssigner.Assign(archive.Seeds, archive.Events.Events).Find(EventArchive.Summit)!;
        Assert.Equal(["aljazeera", "voachinese", "epochtimes"], group.Members.Select(m => m.Article.Outlet));
        Assert.Equal(new DateTimeOffset(2022, 2, 4, 12, 39, 26, TimeSpan.Zero), group.Members[0].Article.Published.Utc);
        Assert.Equal(new DateTimeOffset(2022, 2, 4, 14, 22, 53, TimeSpan.Zero), group.Members[1].Article.Published.Utc);
        Assert.False(group.Members[2].Article.Published.HasTime);
        Assert.All(group.Members, m => Assert.Equal(EventMembership.Rule, m.Via));
    }

    [Fact]
    public void Front_matter_opts_out_of_a_rule_match_and_opts_in_without_one()
    {
        var ids = archive.SeedIds;
        var articles = archive.Seeds.Select(Clone).ToList();
        articles.Single(a => a.Id == ids[1]).Events = ["-" + EventArchive.Summit];
        articles.Single(a => a.Id == ids[2]).Events = [EventArchive.Call2021, "no-such-event"];
        var assignment = EventAssigner.Assign(articles, archive.Events.Events);

        Assert.Equal([ids[3], ids[0]], Members(assignment, EventArchive.Summit));
        var call = assignment.Find(EventArchive.Call2021)!;
        Assert.Contains(call.Members, m => m.Article.Id == ids[2] && m.Via == EventMembership.FrontMatter);

        // Seed 002 is a year after the 2021 call: a wrong-looking assignment, reported.
        var far = Assert.Single(assignment.Diagnostics, d => d.Code == "outside-window");
        Assert.Equal(ids[2], far.ArticleId);
        Assert.Equal(EventArchive.Call2021, far.EventId);
        Assert.Contains("380 days after the event (2021-12-15)", far.Message, StringComparison.Ordinal);
        var unknown = Assert.Single(assignment.Diagnostics, d => d.Code == "unknown-event");
        Assert.Equal("no-such-event", unknown.EventId);
    }

    [Fact]
    public void A_rule_match_whose_keywords_are_only_deep_in_the_text_is_reported()
    {
        var assignment = EventAssigner.Assign(archive.Archive, archive.Events.Events);
        var weak = assignment.Diagnostics.Where(d => d.Code == "weak-match").ToList();
        Assert.Contains(weak, d => d.EventId == "2022-10-23-dirty-bomb-claims" && d.ArticleId == "epochtimes-n13852038");
        Assert.DoesNotContain(weak, d => d.EventId == EventArchive.Summit);
    }

    [Fact]
    public void Keywords_take_spellings_separated_by_bars_and_latin_letters_ignore_case()
    {
        var rules = new EventRules { All = ["普京|普丁|Putin"], Any = ["summit"] };
        Assert.True(EventAssigner.Matches(rules, "PUTIN at the Summit", out var found));
        Assert.Equal(["Putin", "summit"], found);
        Assert.False(EventAssigner.Matches(rules, "普丁 alone", out _));
    }

    private static string[] Members(EventAssignment assignment, string eventId) =>
        assignment.Find(eventId)!.Members.Select(m => m.Article.Id).ToArray();

    private static Article Clone(Article a) => new()
    {
        Id = a.Id,
        Title = a.Title,
        Lang = a.Lang,
        Outlet = a.Outlet,
        Published = a.Published,
        Body = a.Body,
        Image = a.Image,
        Events = [.. a.Events],
    };
}
