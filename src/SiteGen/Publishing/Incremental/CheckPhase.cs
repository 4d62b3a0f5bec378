using System.Text;
using SiteGen.Rendering;

namespace SiteGen.Publishing.Incremental;

/// <summary>
/// Check: every internal link and asset reference of the built site resolves (<see cref="LinkChecker"/>);
/// a broken one is an error. The links of each page are read while it renders (<see cref="Links"/>).
/// Cache: the links and verdicts of each page by its digest (<see cref="LinkCache"/>). Redoes work for a
/// page whose bytes changed; when nothing but pages' texts changed since the last good build's check,
/// only the changed pages are checked again, otherwise every page's links are looked up again.
/// </summary>
internal sealed class CheckPhase
{
    /// <summary>The link facts of every page rendered, which the render phase fills as it goes.</summary>
    public LinkCache Links { get; } = new();

    /// <summary>Checks the staged site; the problems go to the build's errors.</summary>
    public void Run(BuildRun run, Staged staged, SiteUrls urls, IReadOnlyDictionary<string, string> fileOf, bool recordsAsLast)
    {
        var (options, site, before) = (run.Options, staged.Site, staged.Before);
        options.Progress?.Report(new BuildProgress("checking", 0, 1));
        string Read(string path) => site[path].Streamed ? File.ReadAllText(options.Stream!.FullPath(path)) : Encoding.UTF8.GetString(site[path].Bytes);
        Digest DigestOf(string path) => site[path].Digest;
        var problems = (recordsAsLast && staged.SamePaths && before!.Urls.BaseUrl == urls.BaseUrl
                ? LinkChecker.CheckAgain(staged.Changed, site.ContainsKey, Read, DigestOf, path => before.Files.TryGetValue(path, out var old) ? old.Digest : null, urls, Links)
                : null)
            ?? LinkChecker.Check(site.Keys, Read, DigestOf, urls, Links);
        options.Progress?.Report(new BuildProgress("checking", 1, 1));
        run.Errors.AddRange(problems.Select(p => ProblemSources.InSourceTerms(p, fileOf, options.ContentDir)));
    }
}
