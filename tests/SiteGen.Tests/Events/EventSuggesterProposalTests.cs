using System.Globalization;
using System.Text;
using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Import;
using SiteGen.Sources;

namespace SiteGen.Tests.Events;

/// <summary>
/// The proposals of <see cref="EventSuggester"/> stay what they were when they were recorded (before
/// the suggester was made fast): every proposal's id, articles, links with their cosines, rule check
/// and draft, on the shipped archive (seeds and corpus, with and without the shipped events) and on
/// the imported shared mirror. To record again after a deliberate change of the proposals, run with
/// SITEGEN_RECORD_SUGGESTIONS=1 and review the diff of Fixtures/suggestions/.
/// </summary>
[Trait("Needs", "shared")]
public class EventSuggesterProposalTests(EventArchive archive) : IClassFixture<EventArchive>
{
    [Fact]
    public void Proposals_on_the_shipped_archive_without_events_are_the_recorded_ones() =>
        AssertRecorded("shipped-no-events.txt", EventSuggester.Suggest(archive.Archive));

    [Fact]
    public void Proposals_on_the_shipped_archive_with_its_events_are_the_recorded_ones()
    {
        var assignment = EventAssigner.Assign(archive.Archive, archive.Events.Events);
        AssertRecorded("shipped-with-events.txt", EventSuggester.Suggest(archive.Archive, assignment));
    }

    [Fact]
    public void Proposals_on_the_imported_shared_mirror_are_the_recorded_ones()
    {
        var dir = TestPaths.NewTempDir();
        var outlets = OutletStore.Load(TestPaths.Content);
        new Importer(SourceReaders.Default, outlets).Import([Path.Combine(TestPaths.Shared, "mirror")], new ImportOptions(dir));
        var articles = ArticleStore.Open(dir).Articles.Select(a => a.Article).ToList();
        Assert.True(articles.Count > 1000, $"the mirror imported only {articles.Count} articles");
        var assignment = EventAssigner.Assign(articles, archive.Events.Events);
        AssertRecorded("mirror-with-events.txt", EventSuggester.Suggest(articles, assignment));
    }

    private static void AssertRecorded(string name, IReadOnlyList<SuggestedEvent> suggestions)
    {
        var path = Path.Combine(TestPaths.Fixtures, "suggestions", name);
        var actual = Describe(suggestions);
        if (Environment.GetEnvironmentVariable("SITEGEN_RECORD_SUGGESTIONS") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        }

        Assert.NotEmpty(suggestions);
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>Everything a proposal says, one block per proposal, the links with four decimals.</summary>
    private static string Describe(IReadOnlyList<SuggestedEvent> suggestions)
    {
        var sb = new StringBuilder();
        foreach (var s in suggestions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"--- {s.Id}: {s.Reason}\n");
            sb.Append(CultureInfo.InvariantCulture, $"# rule check: {s.RuleCheck}\n");
            foreach (var link in s.Links)
            {
                sb.Append(CultureInfo.InvariantCulture, $"# link {link.First} {link.Second} {link.Cosine.ToString("0.0000", CultureInfo.InvariantCulture)}\n");
            }

            sb.Append(s.Yaml);
        }

        return sb.ToString();
    }
}
