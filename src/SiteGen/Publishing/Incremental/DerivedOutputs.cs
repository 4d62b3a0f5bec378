using System.Text;
using SiteGen.Model;
using SiteGen.Rendering;

namespace SiteGen.Publishing.Incremental;

/// <summary>
/// The outputs of one build derived from its plan and model besides the pages and the search files: feeds,
/// sitemap, robots.txt, .nojekyll — each remade only when what it is made from changed. Made by
/// <see cref="DerivePhase"/> for one build; its records go into the build's outputs.
/// </summary>
internal sealed class DerivedOutputs(BuildRun run, Loaded loaded, Linked linked, Viewed viewed, Planned planned, Rendered rendered)
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    private readonly Dictionary<string, OutputRecord> _outputs = rendered.Outputs;
    private readonly Dictionary<string, OutputRecord> _previous = rendered.Memory.Previous;
    private readonly Fingerprinter _fingerprints = rendered.Pages.Fingerprints;
    private readonly string[] _salt = rendered.Pages.Salt;
    private readonly SitePages _pages = viewed.Pages;

    // What changed is made after the fingerprints are all taken, in parallel: feeds are independent,
    // and each escapes up to 50 bodies into XML.
    private readonly List<(string Path, Func<byte[]> Make, Digest Fingerprint, IEnumerable<string> Inputs, object? Key)> _remake = [];
    private readonly List<(string Lang, string FeedPath, string PagePath, string Title, string? Subtitle, IReadOnlyList<Article> Articles, string[] Inputs)> _feeds = [];

    /// <summary>Every output but pages and search files, as this build makes or keeps them.</summary>
    public List<string> Paths { get; } = [];

    /// <summary>Decides and makes every derived output into the build's outputs; returns <see cref="Paths"/>.</summary>
    public List<string> Make()
    {
        var (model, urls, settings) = (linked.Model, loaded.Urls, loaded.Settings);

        // Feeds are planned first, then decided in parallel (a key, else a fingerprint, for each of a thousand
        // feeds at 10,000 articles), then kept or remade in their order.
        foreach (var lang in SitePages.Languages)
        {
            Feed(lang, $"{lang}/feed.xml", $"{lang}/", _pages.SiteTitle(lang), _pages.SiteDescription(lang), model.Articles);
            foreach (var outlet in _pages.PublishedOutlets)
            {
                Feed(lang, $"{lang}/outlets/{outlet.Id}/feed.xml", $"{lang}/outlets/{outlet.Id}/", $"{SitePages.OutletName(outlet, lang)} · {_pages.SiteTitle(lang)}", null, model.ByOutlet[outlet.Id], $"outlets/{outlet.Id}.yml");
            }

            foreach (var e in model.Events)
            {
                Feed(lang, $"{lang}/events/{e.Id}/feed.xml", $"{lang}/events/{e.Id}/", $"{SitePages.EventTitle(e, lang).Title} · {_pages.SiteTitle(lang)}", null, model.ByEvent[e.Id], $"events/{e.Id}.yml");
            }
        }

        DecideFeeds();

        MakeSitemaps(settings.DefaultLanguage);
        var robots = $"User-agent: *\nAllow: /\n\nSitemap: {urls.BaseUrl}sitemap.xml\n";
        Derived("robots.txt", () => Utf8NoBom.GetBytes(robots), Digest.Of(robots), ["site.yml"]);
        Derived(".nojekyll", () => [], Digest.Of(""), []);
        MakeDerived();
        return Paths;
    }

    /// <summary>
    /// The sitemap index and its files, made from the base URL, the pages' suffixes and the newest date: the
    /// same ones as last time are the same files, not hashed again.
    /// </summary>
    private void MakeSitemaps(string language)
    {
        var (suffixes, sitemaps) = (planned.SitemapSuffixes, planned.Sitemaps);
        var sitemapKey = run.Remember ? new PageKey([.. _salt, language, sitemaps.LastModified, .. suffixes.SelectMany(e => new[] { e.Suffix, e.OnlyIn })]) : null;
        if (sitemapKey is not null && _previous.TryGetValue(Sitemaps.IndexPath, out var lastIndex) && PageKey.Same(sitemapKey, lastIndex.Key)
            && sitemaps.Paths.All(_previous.ContainsKey))
        {
            foreach (var path in sitemaps.Paths)
            {
                _outputs[path] = _previous[path];
                Paths.Add(path);
            }

            return;
        }

        string[] inputs = ["site.yml", "articles/", "outlets/", "events/"];
        for (var i = 0; i < sitemaps.Parts.Count; i++)
        {
            var part = i;
            Func<byte[]> make = planned.SitemapEarly is { } early ? () => early.GetAwaiter().GetResult()[part] : () => sitemaps.Part(part);
            Derived(Sitemaps.PartPath(part), make, _fingerprints.Of(sitemaps.Parts[part], [.. _salt, "sitemap", language]).Digest, inputs);
        }

        var index = sitemaps.Index();
        Derived(Sitemaps.IndexPath, () => index, Digest.Of(index), inputs, sitemapKey);
    }

    private void Feed(string lang, string feedPath, string pagePath, string title, string? subtitle, IReadOnlyList<Article> articles, params string[] inputs) =>
        _feeds.Add((lang, feedPath, pagePath, title, subtitle, articles, inputs));

    /// <summary>An output kept when its fingerprint is the last one's, else put on the list to remake.</summary>
    private void Derived(string path, Func<byte[]> make, Digest fingerprint, IEnumerable<string> inputs, object? key = null)
    {
        Paths.Add(path);
        if (_previous.TryGetValue(path, out var old) && old.Fingerprint == fingerprint)
        {
            _outputs[path] = key is null ? old : old with { Key = key };
            return;
        }

        _remake.Add((path, make, fingerprint, inputs, key));
    }

    private void MakeDerived()
    {
        var remade = new OutputRecord[_remake.Count];
        Parallel.For(0, _remake.Count, i =>
        {
            var (path, make, fingerprint, inputs, key) = _remake[i];
            var bytes = make();
            var digest = Digest.Of(bytes);

            // A one-off build writes feeds as it writes pages: at 10,000 articles they are tens of MB.
            var file = run.Options.Stream is { } stream ? stream.Keep(path, bytes, digest) : new OutputFile(path, bytes, digest);
            remade[i] = new OutputRecord(file, fingerprint, true, [], [], inputs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), Key: key);
        });
        foreach (var record in remade)
        {
            _outputs[record.File.Path] = record;
            run.Made.Add(record.File.Path);
        }
    }

    private void DecideFeeds()
    {
        var decided = new (OutputRecord? Kept, Func<byte[]> Make, Digest Fingerprint, IEnumerable<string> Inputs, PageKey? Key)[_feeds.Count];
        Parallel.For(0, _feeds.Count, f => decided[f] = DecideFeed(f));
        for (var f = 0; f < _feeds.Count; f++)
        {
            var (kept, make, fingerprint, inputs, key) = decided[f];
            if (kept is not null)
            {
                _outputs[_feeds[f].FeedPath] = kept;
                Paths.Add(_feeds[f].FeedPath);
            }
            else
            {
                Derived(_feeds[f].FeedPath, make, fingerprint, inputs, key);
            }
        }
    }

    private (OutputRecord? Kept, Func<byte[]> Make, Digest Fingerprint, IEnumerable<string> Inputs, PageKey? Key) DecideFeed(int f)
    {
        var (lang, feedPath, pagePath, title, subtitle, articles, inputs) = _feeds[f];
        var count = Math.Min(articles.Count, Feeds.MaxEntries);
        var pages = _pages;
        byte[] Make() => Feeds.Atom(pages, lang, feedPath, pagePath, title, subtitle, articles.Take(count).ToArray());
        if (!run.Remember)
        {
            return (null, Make, default, inputs.Append("site.yml"), null);
        }

        // A feed is made from its titles and paths, its entries' outlets and views (which stand for their
        // articles): the same key as last time on the same site is the same feed, neither hashed nor made.
        // The key is one array: salt and titles, then the outlets, then the views.
        const int Fixed = 10;
        var parts = new object?[Fixed + (2 * count)];
        (parts[0], parts[1], parts[2]) = (_salt[0], _salt[1], _salt[2]);
        (parts[3], parts[4], parts[5], parts[6], parts[7], parts[8], parts[9]) = ("feed", lang, feedPath, pagePath, title, subtitle ?? "\0", pages.SiteTitle(lang));
        for (var i = 0; i < count; i++)
        {
            parts[Fixed + i] = articles[i].Outlet;
            parts[Fixed + count + i] = pages.View(articles[i], lang);
        }

        var key = new PageKey(parts);
        if (viewed.SameSite && _previous.TryGetValue(feedPath, out var old) && PageKey.Same(key, old.Key))
        {
            return (old, Make, default, [], null);
        }

        var feedSalt = parts[..(Fixed + count)].Cast<string>().ToArray();
        var views = parts[(Fixed + count)..].Cast<ArticleView>().ToArray();
        var (fingerprint, viewInputs) = _fingerprints.Of(views, feedSalt);
        return (null, Make, fingerprint, viewInputs.Concat(inputs).Append("site.yml"), key);
    }
}
