using BenchmarkDotNet.Attributes;
using SiteGen.Bench;
using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Model;

namespace SiteGen.Benchmarks;

/// <summary>
/// The event comparison of the link phase on a generated archive (seed 42, 3,000 articles, 30 events):
/// the report of its largest event (about as many articles as an event of the 50,000-article archive
/// has), and its term extraction and near matches alone.
/// </summary>
[MemoryDiagnoser]
public class EventComparisons
{
    private EventDefinition _event = null!;
    private List<Article> _articles = [];
    private TermStatistics _background = TermStatistics.None;
    private List<string> _texts = [];
    private List<(string Id, ArticleText Text)> _near = [];

    [GlobalSetup]
    public void Setup()
    {
        var content = Path.Combine(Path.GetTempPath(), "sitegen-benchmarks-events-" + Environment.ProcessId, "content");
        ArchiveWriter.WriteContent(new ArchiveGenerator(new ArchiveSpec(3000) { Events = 30 }), content);
        var all = ArticleStore.Open(content).Articles.Select(s => s.Article).ToList();
        var group = EventAssigner.Assign(all, EventStore.Load(content).Events).Groups.MaxBy(g => g.Members.Count)!;
        _event = group.Event;
        _articles = [.. group.Articles];
        _background = TermStatistics.Build(all);
        _texts = _articles.Select(a => ArticleText.From(a).Full).ToList();
        _near = _articles.Select(a => (a.Id, ArticleText.From(a))).ToList();
    }

    [Benchmark(Description = "EventComparison.Compare: the largest event's report")]
    public EventReport Compare() => EventComparison.Compare(_event, _articles, _background);

    [Benchmark(Description = "TermExtractor: every column's distinctive terms and the shared ones")]
    public int Terms()
    {
        var terms = new TermExtractor(_texts, _background);
        var count = terms.Shared(EventComparison.SharedTermCount).Count;
        for (var i = 0; i < _texts.Count; i++)
        {
            count += terms.Distinctive(i, EventComparison.DistinctiveTermCount).Count;
        }

        return count;
    }

    [Benchmark(Description = "NearMatcher.Compare: near matches of every sentence")]
    public int NearMatches() => NearMatcher.Compare(_near).Sum(s => s.Matched);
}
