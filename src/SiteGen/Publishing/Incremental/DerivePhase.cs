using System.Collections.Concurrent;

namespace SiteGen.Publishing.Incremental;

/// <summary>A search step: makes the search files into <c>outputs</c> from the records of <c>previous</c> (kept when their fingerprint holds).</summary>
internal delegate void SearchStep(IReadOnlyDictionary<string, OutputRecord> previous, Dictionary<string, OutputRecord> outputs, ConcurrentBag<string> made);

/// <summary>The search index of a one-off build begun before the pages: its records once <see cref="Tail"/> (the writing of its files) ends.</summary>
internal sealed record EarlySearch(Dictionary<string, OutputRecord> Records, Task Tail);

/// <summary>The search files a build has (made, kept, or left for <see cref="IncrementalSite.UpdateSearch"/>), and the step that makes them.</summary>
internal sealed record Searched(string[] Paths, SearchStep Step);

/// <summary>
/// Derive: the outputs made from the plan and the model besides the pages — feeds, sitemap, robots.txt,
/// .nojekyll (step "feeds", <see cref="DerivedOutputs"/>) and the search files (step "search",
/// <see cref="SearchOutputs"/>: before the pages in a one-off build, after them otherwise, or deferred).
/// Cache: the records of the last build (in <see cref="RenderPhase.Records"/>) with the paths of its derived
/// and search outputs, and a deferred search step. Redoes work for an output whose key or fingerprint (what
/// it is made from: the views of a feed's entries, the sitemap's suffixes, the documents' text) changed.
/// </summary>
internal sealed class DerivePhase
{
    // The other outputs of the last good build: feeds, sitemap and the like, and the search files (as
    // UpdateSearch last published them).
    private List<string>? _lastDerived;
    private string[]? _lastSearch;

    // The search step of the last good build when it was deferred (BuildOptions.DeferSearch), and the
    // count of good builds, so a search update made for an older build is not published. One search
    // step at a time (_searchGate), taken inside the site's gate by a build but never the other way round.
    private readonly Lock _searchGate = new();
    private SearchStep? _pendingSearch;
    private long _generation;

    /// <summary>The deferred search step of the last good build and the build's count, or a null step.</summary>
    public (SearchStep? Step, long Generation) Pending => (_pendingSearch, _generation);

    /// <summary>
    /// A one-off build makes its search index before the pages: it needs only the linked model, and its
    /// memory is gone before the views, bodies and link facts of every page are made (at 10,000 articles
    /// the two together were the build's peak). Its files go to the staging folder. Only the writing of
    /// its files (merging the postings into shards, one thread) goes on while the views are made, and
    /// must end before the pages render. Null for any other build. (No search gate: a one-off build has
    /// no deferred search step to meet.)
    /// </summary>
    public static bool SearchesEarly(BuildOptions options) => !options.Remember && !options.DeferSearch;

    /// <summary>Begins the search index of a one-off build (see <see cref="SearchesEarly"/>).</summary>
    public static EarlySearch SearchEarly(BuildRun run, Linked linked, IReadOnlyDictionary<string, OutputRecord> records)
    {
        var early = new Dictionary<string, OutputRecord>(StringComparer.Ordinal);
        return new EarlySearch(early, SearchOutputs.SearchIndexStarted(linked.Model, linked.UiLanguages, linked.SearchInputs(), null, run.Options.Stream, [], records, early, run.Made));
    }

    /// <summary>The last good build's derived outputs that this build makes again (its search files too unless deferred), or null when not known.</summary>
    public IEnumerable<string>? DerivedOfLast(BuildOptions options) =>
        _lastDerived is null || _lastSearch is null ? null : options.DeferSearch ? _lastDerived : _lastDerived.Concat(_lastSearch);

    /// <summary>Feeds, sitemap, robots.txt and .nojekyll into the build's outputs (step "feeds"); their paths.</summary>
    public static List<string> Feeds(BuildRun run, Loaded loaded, Linked linked, Viewed viewed, Planned planned, Rendered rendered) =>
        new DerivedOutputs(run, loaded, linked, viewed, planned, rendered).Make();

    /// <summary>The search files into the build's outputs (step "search"): those begun early, the last ones (deferred), or made now.</summary>
    public Searched Search(BuildRun run, Linked linked, Rendered rendered, EarlySearch? early)
    {
        var (options, outputs, previous) = (run.Options, rendered.Outputs, rendered.Memory.Previous);
        var fingerprints = options.Remember ? rendered.Pages.Fingerprints : null;
        var salt = rendered.Pages.Salt;
        SearchStep search = (last, into, remade) => SearchOutputs.SearchIndex(linked.Model, linked.UiLanguages, linked.SearchInputs(), fingerprints, options.Stream, salt, last, into, remade);
        if (early is not null)
        {
            return new Searched(Into(outputs, early.Records), search);
        }

        if (options.DeferSearch && rendered.Carried)
        {
            return new Searched(_lastSearch!, search); // carried over with the last build's records
        }

        if (options.DeferSearch)
        {
            // The search files of the last build stay until UpdateSearch brings them up to date.
            return new Searched(Into(outputs, previous.Where(kv => SearchOutputs.IsSearchFile(kv.Key)).ToArray()), search);
        }

        var searched = new Dictionary<string, OutputRecord>(StringComparer.Ordinal);
        RunSearch(search, previous, searched, run.Made);
        return new Searched(Into(outputs, searched), search);
    }

    /// <summary>After a good build: its derived and search paths are the last ones, and its search step pending when deferred.</summary>
    public void Succeeded(BuildRun run, List<string> derivedPaths, Searched searched)
    {
        (_lastDerived, _lastSearch) = (derivedPaths, searched.Paths);
        _pendingSearch = run.Options.DeferSearch ? searched.Step : null;
        _generation++;
    }

    /// <summary>Runs a search step, one at a time.</summary>
    public void RunSearch(SearchStep step, IReadOnlyDictionary<string, OutputRecord> previous, Dictionary<string, OutputRecord> outputs, ConcurrentBag<string> made)
    {
        lock (_searchGate)
        {
            step(previous, outputs, made);
        }
    }

    /// <summary>Whether <paramref name="step"/> is still the pending step of the same good build.</summary>
    public bool IsPending(SearchStep step, long generation) => generation == _generation && _pendingSearch == step;

    /// <summary>The pending step made these search files: nothing is pending any more.</summary>
    public void SearchPublished(IEnumerable<string> paths)
    {
        _pendingSearch = null;
        _lastSearch = [.. paths];
    }

    private static string[] Into(Dictionary<string, OutputRecord> outputs, IEnumerable<KeyValuePair<string, OutputRecord>> search)
    {
        var paths = new List<string>();
        foreach (var (path, record) in search)
        {
            outputs[path] = record;
            paths.Add(path);
        }

        return [.. paths];
    }
}
