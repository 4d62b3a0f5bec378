using SiteGen.Events;

namespace SiteGen.Tests.Events;

[Trait("Needs", "shared")]
public class EventSuggesterTests(EventArchive archive) : IClassFixture<EventArchive>
{
    [Fact]
    public void Without_event_files_the_summit_articles_are_proposed_as_one_cluster()
    {
        var suggestions = EventSuggester.Suggest(archive.Archive);
        var ids = archive.SeedIds;
        var summit = new[] { ids[0], ids[1], ids[3] }.Order(StringComparer.Ordinal).ToArray();
        var cluster = Assert.Single(suggestions, s => s.Articles.Any(a => a.Id == ids[1]));
        Assert.Equal(summit, cluster.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(new DateOnly(2022, 2, 4), cluster.Start);
        Assert.StartsWith("2022-02-04-", cluster.Id, StringComparison.Ordinal);
        Assert.Contains("北约", cluster.SharedTerms.Select(t => t.Text));
        Assert.Contains("shared terms", cluster.Reason, StringComparison.Ordinal);

        // The draft is a valid event file whose rule picks exactly the cluster.
        var draft = EventStore.Parse(cluster.Yaml, $"events/drafts/{cluster.Id}.yml");
        var assignment = EventAssigner.Assign(archive.Archive, [draft]);
        Assert.Equal(summit, assignment.Find(cluster.Id)!.Members.Select(m => m.Article.Id).Order(StringComparer.Ordinal));
        Assert.Equal("the proposed rule selects exactly these articles", cluster.RuleCheck);
    }

    [Fact]
    public void Articles_already_in_an_event_are_not_proposed_again()
    {
        var assignment = EventAssigner.Assign(archive.Archive, archive.Events.Events);
        var suggestions = EventSuggester.Suggest(archive.Archive, assignment);
        Assert.All(suggestions.SelectMany(s => s.Articles), a => Assert.False(assignment.IsAssigned(a.Id), a.Id));
        Assert.DoesNotContain(suggestions, s => s.Articles.Any(a => a.Id == archive.SeedIds[1]));
    }

    [Fact]
    public void Suggestions_are_deterministic_whatever_the_input_order()
    {
        var one = EventSuggester.Suggest(archive.Archive);
        var two = EventSuggester.Suggest(archive.Archive.AsEnumerable().Reverse());
        Assert.Equal(one.Select(s => s.Yaml), two.Select(s => s.Yaml));
    }

    [Fact]
    public void Write_saves_a_draft_and_never_overwrites_one()
    {
        var dir = TestPaths.NewTempDir();
        var suggestion = EventSuggester.Suggest(archive.Archive)[0];
        var path = EventSuggester.WriteDraft(dir, suggestion);
        Assert.NotNull(path);
        Assert.Equal(Path.Combine(dir, "events", "drafts", suggestion.Id + ".yml"), path);
        File.WriteAllText(path, "# edited by hand\n" + suggestion.Yaml);
        Assert.Null(EventSuggester.WriteDraft(dir, suggestion));
        Assert.StartsWith("# edited by hand", File.ReadAllText(path), StringComparison.Ordinal);
    }
}
