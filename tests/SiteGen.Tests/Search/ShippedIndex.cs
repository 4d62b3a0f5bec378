using SiteGen.Content;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// An index of the shipped archive (content/), built once for the tests the way the site builder will
/// build it: every article through <see cref="SearchDocument.FromArticle"/>, outlets from content/outlets.
/// Events come from the event stage, which is not on this branch; the summit event is given here as that
/// stage resolves it (content/events/2022-02-04-xi-putin-beijing-summit.yml on the events branch).
/// </summary>
public sealed class ShippedIndex : IDisposable
{
    public const string SummitEvent = "2022-02-04-xi-putin-beijing-summit";

    public static readonly string[] SummitSeeds = ["voachinese-6426608", "aljazeera-hed26247c03", "epochtimes-n13555352"];

    public ShippedIndex()
    {
        Dir = TestPaths.NewTempDir();
        var store = ArticleStore.Open(TestPaths.Content);
        var outlets = OutletStore.Load(TestPaths.Content);
        var summit = new SearchFacetValue(SummitEvent, new Dictionary<string, string>
        {
            ["zh"] = "习近平与普京北京峰会",
            ["en"] = "Xi–Putin summit in Beijing",
        });
        using var writer = new SearchIndexWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var stored in store.Articles)
        {
            var a = stored.Article;
            var events = a.Events.Select(SearchFacetValue.Of).ToList();
            if (SummitSeeds.Contains(a.Id) && !a.Events.Contains(SummitEvent))
            {
                events.Add(summit);
            }

            Documents.Add(a.Id);
            writer.Add(SearchDocument.FromArticle(a, outlets.ById(a.Outlet), events));
        }

        Stats = writer.WriteTo(Dir);
        Elapsed = clock.Elapsed;
    }

    public string Dir { get; }

    public List<string> Documents { get; } = [];

    public SearchIndexStats Stats { get; }

    public TimeSpan Elapsed { get; }

    public SearchIndexReader Open() => SearchIndexReader.Open(Dir);

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
