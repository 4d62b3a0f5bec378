using System.Collections.Concurrent;
using SiteGen.Rendering;

namespace SiteGen.Publishing;

/// <summary>
/// Checks every page of the finished site before it is swapped in: each internal link and asset
/// (<c>href</c>, <c>src</c>, <c>srcset</c>, form <c>action</c>, absolute links under the base URL) must
/// name a file of the output; nothing but article images may load from a third party, and those only
/// lazily without a referrer; no element may carry an inline script or an event handler attribute.
/// Each problem names the page and the link.
/// </summary>
public static class LinkChecker
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "poster", "data"];

    /// <summary>The attributes the checks read; the scanner makes no strings of the others (not even of their names).</summary>
    private static readonly StartTagScanner.NameFilter Wanted = static name =>
        name.StartsWith("on", StringComparison.Ordinal) || name is "href" or "src" or "action" or "poster" or "data" or "srcset" or "property" or "content" or "rel" or "loading" or "referrerpolicy";

    public static IReadOnlyList<string> Check(StagingFolder staging, SiteUrls urls) =>
        Check(staging.Files.Keys, page => File.ReadAllText(staging.FullPath(page)), null, urls, null);

    /// <summary>
    /// Checks the pages among <paramref name="files"/>, reading each with <paramref name="read"/>. With a
    /// <paramref name="cache"/>, a page whose text was checked before (same base URL) is not parsed again:
    /// only its links are looked up in the current set of files. <paramref name="digestOf"/> gives a
    /// page's content hash without reading it (the caller knows it); else the text is hashed.
    /// </summary>
    public static IReadOnlyList<string> Check(IEnumerable<string> files, Func<string, string> read, Func<string, Incremental.Digest>? digestOf, SiteUrls urls, LinkCache? cache)
    {
        var set = new HashSet<string>(files, StringComparer.Ordinal);
        var pages = set.Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToArray();
        var problems = new ConcurrentBag<(string Page, string Problem)>();

        // A page's problems depend only on its text and on which files exist: while the set of files is
        // the same as last time (an edit in `serve`), an unchanged page keeps its verdict.
        var sameFiles = cache?.SameFiles(set) ?? false;

        // Each page's key in its own slot: a shared table had the threads queueing on its locks.
        var used = new (string, string, Incremental.Digest)[pages.Length];
        Parallel.For(0, pages.Length, index =>
        {
            var page = pages[index];
            string? text = null;
            var key = (page, urls.BaseUrl, digestOf?.Invoke(page) ?? Incremental.Digest.Of(text = read(page)));
            used[index] = key;
            if (sameFiles && cache!.Verdicts.TryGetValue(key, out var verdict))
            {
                foreach (var problem in verdict)
                {
                    problems.Add((page, problem));
                }

                return;
            }

            if (cache is null || !cache.Pages.TryGetValue(key, out var links))
            {
                links = Extract(page, text ?? read(page), urls);
                cache?.Pages.TryAdd(key, links);
            }

            var found = Verdict(links, set.Contains);
            foreach (var problem in found)
            {
                problems.Add((page, problem));
            }

            cache?.Verdicts.TryAdd(key, found);
        });
        cache?.Prune(used);
        cache?.Found(urls.BaseUrl, problems);
        return Report(problems);
    }

    /// <summary>
    /// Checks only <paramref name="pages"/> again, after a check (with <paramref name="cache"/>, on the
    /// same base URL) of the same set of files in which every other page had the same text as now: the
    /// others keep the problems that check found. Null when the cache holds no such check (the caller
    /// then checks everything). <paramref name="before"/> gives a page's content hash at that check, if
    /// it had one, so its parse is dropped from the cache.
    /// </summary>
    internal static IReadOnlyList<string>? CheckAgain(IReadOnlyCollection<string> pages, Func<string, bool> exists, Func<string, string> read, Func<string, Incremental.Digest> digestOf, Func<string, Incremental.Digest?> before, SiteUrls urls, LinkCache cache)
    {
        if (!cache.CanCheckAgain(urls.BaseUrl))
        {
            return null;
        }

        foreach (var page in pages.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
        {
            var digest = digestOf(page);
            if (before(page) is { } old && old != digest)
            {
                cache.Drop((page, urls.BaseUrl, old));
            }

            var key = (page, urls.BaseUrl, digest);
            if (!cache.Pages.TryGetValue(key, out var links))
            {
                links = Extract(page, read(page), urls);
                cache.Pages.TryAdd(key, links);
            }

            var found = Verdict(links, exists);
            cache.Verdicts[key] = found;
            cache.FoundOn(page, found);
        }

        return Report(cache.AllFound());
    }

    /// <summary>A page's problems: its own, then each internal link that names no file of the site (<paramref name="exists"/>).</summary>
    private static string[] Verdict(PageLinks links, Func<string, bool> exists)
    {
        var found = new List<string>(links.Problems);
        foreach (var (target, link) in links.Targets)
        {
            var there = target.Length == 0 || target.EndsWith('/') ? exists(target + "index.html") : exists(target) || exists(target + "/index.html");
            if (!there)
            {
                found.Add($"broken link: {link}");
            }
        }

        return [.. found];
    }

    private static string[] Report(IEnumerable<(string Page, string Problem)> problems) =>
        problems.Distinct()
            .OrderBy(p => p.Page, StringComparer.Ordinal).ThenBy(p => p.Problem, StringComparer.Ordinal)
            .Select(p => $"/{p.Page}: {p.Problem}")
            .ToArray();

    /// <summary>
    /// What one page holds: problems of its own, and internal targets to look up (normalized site path,
    /// link as written). The checker needs each start tag's name and attributes, not a tree: see
    /// <see cref="StartTagScanner"/>.
    /// </summary>
    public static PageLinks Extract(string page, ReadOnlySpan<char> html, SiteUrls urls, Func<string, string>? intern = null)
    {
        // Scratch kept per thread: a page has some ninety tags and thirty links, and each page made its
        // own lists, dictionary and sets for them.
        var scratch = t_scratch ??= new ExtractScratch();
        scratch.Start(page, urls, intern);
        StartTagScanner.ScanRaw(html, Wanted, scratch.OnStartTag);
        return scratch.Finish();
    }

    [ThreadStatic]
    private static ExtractScratch? t_scratch;

    /// <summary>One thread's state for <see cref="Extract"/>: the page at hand, and what links resolved to on earlier pages.</summary>
    private sealed class ExtractScratch
    {
        // The same internal links recur on thousands of pages (navigation, outlets, tags, assets). One
        // that starts with the base URL or with '/' resolves the same on every page, so it is resolved
        // once per thread and base URL: trimming, URI parsing, unescaping and interning were most of
        // the checker's time. Cleared when it grows past this many links.
        private const int MemoLimit = 200_000;
        private readonly Dictionary<string, (string? Problem, string? Target, string Link)> _memo = new(StringComparer.Ordinal);
        private readonly List<string> _problems = [];
        private readonly HashSet<string> _seenProblems = new(StringComparer.Ordinal);
        private readonly List<(string, string)> _targets = [];
        private readonly HashSet<(string, string)> _seenTargets = [];
        private readonly List<(int Start, int Length, string? Text)> _links = [];
        private readonly List<(string Name, string Value)> _decoded = [];
        private readonly Dictionary<string, (string? Problem, string? Target, string Link)>.AlternateLookup<ReadOnlySpan<char>> _memoBySpan;
        private bool _decodedReady;
        private string? _memoBase;
        private string _page = "";
        private SiteUrls _urls = null!;
        private Func<string, string>? _intern;

        public ExtractScratch()
        {
            OnStartTag = Tag;
            _memoBySpan = _memo.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public StartTagScanner.RawStartTagHandler OnStartTag { get; }

        public void Start(string page, SiteUrls urls, Func<string, string>? intern)
        {
            if (_memoBase != urls.BaseUrl || _memo.Count > MemoLimit)
            {
                _memo.Clear();
                _memoBase = urls.BaseUrl;
            }

            _page = page;
            _urls = urls;
            _intern = intern;
        }

        public PageLinks Finish()
        {
            var links = new PageLinks(_problems.Count == 0 ? [] : [.. _problems], [.. _targets]);
            _problems.Clear();
            _seenProblems.Clear();
            _targets.Clear();
            _seenTargets.Clear();
            _intern = null;
            return links;
        }

        private void Tag(string tag, ReadOnlySpan<char> html, List<TagValue> attributes)
        {
            // The scanner keeps the first of two equal names, so the list holds each name once, in order.
            // Values stay where they are in the page: most are links looked up in the memory, or words
            // compared, and only what must be resolved anew is decoded into a string.
            _decodedReady = false;
            if (tag == "script" && FindRaw(attributes, "src") is null)
            {
                Problem("inline <script> element");
            }

            _links.Clear();
            foreach (var attribute in attributes)
            {
                var name = attribute.Name;
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    Problem($"event handler attribute {name} on <{tag}>");
                }
                else if (Array.IndexOf(UrlAttributes, name) >= 0)
                {
                    _links.Add((attribute.Start, attribute.Length, null));
                }
                else if (name == "srcset")
                {
                    foreach (var candidate in StartTagScanner.Decode(attribute.In(html)).Split(','))
                    {
                        _links.Add((0, 0, candidate.Trim().Split(' ')[0]));
                    }
                }
            }

            if (tag == "meta" && FindRaw(attributes, "property") is { } property && ValueIs(property.In(html), "og:url", "og:image") && FindRaw(attributes, "content") is { } content)
            {
                _links.Add((content.Start, content.Length, null));
            }

            foreach (var (start, length, text) in _links)
            {
                var raw = text is null ? html.Slice(start, length) : text;
                var (problem, target, written) = text is null && StartTagScanner.IsPlain(raw) && _memoBySpan.TryGetValue(raw, out var known)
                    ? known
                    : Resolve(text ?? StartTagScanner.Decode(raw), tag, html, attributes);
                if (problem is not null)
                {
                    Problem(problem);
                }
                else if (target is not null && _seenTargets.Add((target, written)))
                {
                    _targets.Add((target, written));
                }
            }
        }

        private (string? Problem, string? Target, string Link) Resolve(string link, string tag, ReadOnlySpan<char> html, List<TagValue> attributes)
        {
            if (_memo.TryGetValue(link, out var known))
            {
                return known;
            }

            var (problem, target) = LinkChecker.Problem(link, _page, tag, Decoded(html, attributes), _urls);
            var written = link.Trim();
            var resolved = (problem, target is null || _intern is null ? target : _intern(target), target is null || _intern is null ? written : _intern(written));
            var samePerPage = written.StartsWith(_urls.BaseUrl, StringComparison.Ordinal)
                || (written.StartsWith('/') && !written.StartsWith("//", StringComparison.Ordinal));
            if (samePerPage)
            {
                _memo[link] = resolved;
            }

            return resolved;
        }

        /// <summary>The tag's attributes decoded (made once per tag, when a link is resolved anew).</summary>
        private List<(string Name, string Value)> Decoded(ReadOnlySpan<char> html, List<TagValue> attributes)
        {
            if (!_decodedReady)
            {
                _decoded.Clear();
                foreach (var attribute in attributes)
                {
                    _decoded.Add((attribute.Name, StartTagScanner.Decode(attribute.In(html))));
                }

                _decodedReady = true;
            }

            return _decoded;
        }

        private static bool ValueIs(ReadOnlySpan<char> raw, string one, string other) =>
            StartTagScanner.IsPlain(raw) ? raw.SequenceEqual(one) || raw.SequenceEqual(other) : StartTagScanner.Decode(raw) is var value && (value == one || value == other);

        private static TagValue? FindRaw(List<TagValue> attributes, string name)
        {
            foreach (var attribute in attributes)
            {
                if (attribute.Name == name)
                {
                    return attribute;
                }
            }

            return null;
        }

        private void Problem(string problem)
        {
            if (_seenProblems.Add(problem))
            {
                _problems.Add(problem);
            }
        }
    }

    /// <summary>An attribute's value by its (lower-case) name, or null.</summary>
    private static string? Find(List<(string Name, string Value)> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    private static (string? Problem, string? Target) Problem(string link, string page, string tag, List<(string Name, string Value)> attributes, SiteUrls urls)
    {
        link = link.Trim();
        if (link.Length == 0 || link.StartsWith('#') || link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || link.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        string? sitePath;
        if (link.StartsWith(urls.BaseUrl, StringComparison.Ordinal))
        {
            sitePath = link[urls.BaseUrl.Length..];
        }
        else if (link.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(link, UriKind.Absolute, out var abs) && abs.Scheme is not "file")
        {
            // Third party: a plain link is fine; anything that loads when the page opens is not,
            // except an article image that loads lazily and sends no referrer.
            var loads = tag is "img" or "script" or "iframe" or "source" or "video" or "audio" or "embed" or "object" or "input"
                || (tag == "link" && Find(attributes, "rel") is { } rel && !rel.Contains("alternate", StringComparison.Ordinal) && !rel.Contains("canonical", StringComparison.Ordinal));
            if (!loads || Find(attributes, "href") == link && tag == "a")
            {
                return (null, null);
            }

            var allowed = tag == "img" && Find(attributes, "loading") == "lazy" && Find(attributes, "referrerpolicy") == "no-referrer";
            return (allowed ? null : $"third-party request from <{tag}>: {link}", null);
        }
        else if (link.StartsWith('/'))
        {
            if (!link.StartsWith(urls.BasePath, StringComparison.Ordinal))
            {
                return ($"broken link (outside the base path {urls.BasePath}): {link}", null);
            }

            sitePath = link[urls.BasePath.Length..];
        }
        else
        {
            var pageDir = page.Contains('/', StringComparison.Ordinal) ? page[..(page.LastIndexOf('/') + 1)] : "";
            sitePath = pageDir + link;
        }

        var cut = sitePath.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            sitePath = sitePath[..cut];
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(sitePath);
        }
        catch (UriFormatException)
        {
            return ($"broken link (bad percent-encoding): {link}", null);
        }

        var normalized = Normalize(decoded);
        if (normalized is null)
        {
            return ($"broken link (leaves the site): {link}", null);
        }

        return (null, normalized);
    }

    /// <summary>Resolves <c>.</c> and <c>..</c> segments; null when the path climbs above the site.</summary>
    private static string? Normalize(string path)
    {
        if (!path.Contains("//", StringComparison.Ordinal) && !path.StartsWith('.') && !path.Contains("/.", StringComparison.Ordinal) && !path.StartsWith('/'))
        {
            return path; // nothing to resolve: the common case
        }

        var parts = new List<string>();
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (s != "." && (s.Length > 0 || i == segments.Length - 1))
            {
                parts.Add(s);
            }
        }

        return string.Join('/', parts);
    }
}

/// <summary>Links found on one page: its own problems and the internal targets to look up.</summary>
public sealed record PageLinks(string[] Problems, (string Target, string Link)[] Targets);

/// <summary>Pages already parsed by the link checker, by path, base URL and content hash (kept between builds).</summary>
public sealed class LinkCache
{
    internal ConcurrentDictionary<(string Page, string BaseUrl, Incremental.Digest Digest), PageLinks> Pages { get; } = new();

    /// <summary>Each page's problems (its own and its broken links) against <see cref="_files"/>, the set of files of the last check.</summary>
    internal ConcurrentDictionary<(string Page, string BaseUrl, Incremental.Digest Digest), string[]> Verdicts { get; } = new();

    private HashSet<string>? _files;

    // The problems of the last check by page (pages without any left out) and its base URL, for CheckAgain.
    private Dictionary<string, string[]>? _problemsOf;
    private string? _baseUrl;

    /// <summary>Whether <paramref name="files"/> is the set of files of the last check; when not, the verdicts are forgotten. Remembers the set.</summary>
    internal bool SameFiles(HashSet<string> files)
    {
        var same = _files is not null && _files.SetEquals(files);
        if (!same)
        {
            Verdicts.Clear();
        }

        _files = files;
        return same;
    }

    /// <summary>Remembers what a whole check found.</summary>
    internal void Found(string baseUrl, IEnumerable<(string Page, string Problem)> problems)
    {
        _baseUrl = baseUrl;
        _problemsOf = problems.GroupBy(p => p.Page, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Problem).ToArray(), StringComparer.Ordinal);
    }

    internal bool CanCheckAgain(string baseUrl) => _problemsOf is not null && _baseUrl == baseUrl && _files is not null;

    /// <summary>Replaces what the last check found on one page.</summary>
    internal void FoundOn(string page, string[] problems)
    {
        if (problems.Length == 0)
        {
            _problemsOf!.Remove(page);
        }
        else
        {
            _problemsOf![page] = problems;
        }
    }

    internal IEnumerable<(string Page, string Problem)> AllFound() => _problemsOf!.SelectMany(kv => kv.Value.Select(p => (kv.Key, p)));

    /// <summary>Forgets a page's parse and verdict for text it no longer has.</summary>
    internal void Drop((string, string, Incremental.Digest) key)
    {
        Pages.TryRemove(key, out _);
        Verdicts.TryRemove(key, out _);
    }

    /// <summary>Reads a page's links while its text is at hand (the render loop), so the check after rendering only looks them up.</summary>
    public void Scan(string page, ReadOnlySpan<char> html, Incremental.Digest digest, SiteUrls urls) =>
        Pages.TryAdd((page, urls.BaseUrl, digest), LinkChecker.Extract(page, html, urls, Intern));

    // The same links recur on thousands of pages (navigation, outlets, tags, assets): one string each
    // for as long as the pages are kept, instead of two per link per page until the check.
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    private string Intern(string s) => _strings.GetOrAdd(s, s);

    internal void Prune(ICollection<(string, string, Incremental.Digest)> used)
    {
        // Every page checked is in both tables, so what is beyond `used` is stale: pruned once it is a
        // fifth of the tables, not on every edit (copying 30,000 keys each time cost more than checking).
        if (Pages.Count <= used.Count * 5 / 4 && Verdicts.Count <= used.Count * 5 / 4)
        {
            return;
        }

        var keep = new HashSet<(string, string, Incremental.Digest)>(used);
        foreach (var key in Pages.Keys.Where(k => !keep.Contains(k)))
        {
            Pages.TryRemove(key, out _);
        }

        foreach (var key in Verdicts.Keys.Where(k => !keep.Contains(k)))
        {
            Verdicts.TryRemove(key, out _);
        }

        // Strings of pages long gone would pile up over a day of edits: start afresh now and then (the
        // kept pages hold their own references).
        if (_strings.Count > (4 * Pages.Count) + 100_000)
        {
            _strings.Clear();
        }
    }
}
