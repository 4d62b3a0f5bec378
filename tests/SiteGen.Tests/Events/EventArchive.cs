using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Import;
using SiteGen.Model;
using SiteGen.Sources;

namespace SiteGen.Tests.Events;

/// <summary>
/// The seeds (and the seeds with the corpus) imported once into temporary content folders, with the
/// ids of the five seed articles as the importer gave them.
/// </summary>
public sealed class EventArchive
{
    public EventArchive()
    {
        var outlets = OutletStore.Load(TestPaths.Content);
        var seedFiles = Enumerable.Range(0, 5).Select(i => TestPaths.Seed($"{i:D3}")).ToArray();

        SeedsDir = TestPaths.NewTempDir();
        var result = new Importer(SourceReaders.Default, outlets).Import(seedFiles, new ImportOptions(SeedsDir));
        SeedIds = result.Entries.Select(e => e.Id ?? throw new InvalidOperationException($"seed not imported: {e.Path}: {e.Reason}")).ToArray();
        Seeds = ArticleStore.Open(SeedsDir).Articles.Select(a => a.Article).ToList();

        ArchiveDir = TestPaths.NewTempDir();
        new Importer(SourceReaders.Default, outlets).Import([.. seedFiles, TestPaths.Corpus], new ImportOptions(ArchiveDir));
        Archive = ArticleStore.Open(ArchiveDir).Articles.Select(a => a.Article).ToList();

        Events = EventStore.Load(TestPaths.Content);
    }

    public string SeedsDir { get; }

    public string ArchiveDir { get; }

    /// <summary>Article ids of seeds 000..004, by index.</summary>
    public string[] SeedIds { get; }

    public List<Article> Seeds { get; }

    public List<Article> Archive { get; }

    /// <summary>The event files of the shipped archive (the test fixture's copy, tests/fixtures/archive/events/).</summary>
    public EventCatalog Events { get; }

    public const string Call2021 = "2021-12-15-xi-putin-video-call";
    public const string Summit = "2022-02-04-xi-putin-beijing-summit";
    public const string Call2022 = "2022-12-30-xi-putin-video-call";

    public EventReport SummitReport(bool withBackground = true)
    {
        var assignment = EventAssigner.Assign(Seeds, Events.Events);
        var group = assignment.Find(Summit)!;
        return EventComparison.Compare(group.Event, group.Articles, withBackground ? TermStatistics.Build(Archive) : null);
    }
}
