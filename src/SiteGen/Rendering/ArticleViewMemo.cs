using SiteGen.Events;
using SiteGen.Link;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>
/// The article views of earlier builds with what each was made from, so that a rebuild hands out the
/// very same view objects for an article whose inputs are the same objects: the view is neither made
/// nor compared, and the pages keyed by it (<see cref="PageJob.Key"/>) are kept without making their
/// variables. After a one-article edit at 10,000 articles this replaces making and comparing 20,000
/// views (most of a rebuild's allocation).
/// </summary>
/// <remarks>
/// An article's views (one per UI language) are a function of (see <c>SitePages.MakeView</c>):
/// <list type="bullet">
/// <item>the article object itself (its body is made from it; a changed file is a new object);</item>
/// <item>its neighbours in its outlet (objects), its translations (objects), its events (ids) and, per
/// event, the other members it lists (the first <see cref="SitePages.CoverageLinks"/>, objects) and
/// their count;</item>
/// <item>global parts: the site's URLs, every outlet and event definition (objects: names and dates
/// shown in links), the tag tables (tag to folder, folder to name, whether it has a page) and the site's
/// default language (the home of an article in neither UI's language). These are compared once per
/// build; after any difference every view is made again.</item>
/// </list>
/// Objects are compared by reference: the article cache and the outlet and event file memos hand out
/// the same object for an unchanged file. Not thread-safe across builds; one build at a time.
/// </remarks>
public sealed class ArticleViewMemo
{
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private Entry?[] _made = [];
    private bool _valid; // false when a global part changed: every view is made again (and may still be compared with the old one)

    // The global parts the entries were made under.
    private string? _baseUrl;
    private string? _defaultLanguage;
    private IReadOnlyDictionary<string, Outlet>? _outlets;
    private IReadOnlyDictionary<string, EventDefinition>? _events;
    private IReadOnlyDictionary<string, string>? _tagSlug;
    private IReadOnlyList<TagGroup>? _tags;

    /// <summary>Entries reused by the last build (for tests and timings).</summary>
    public int LastReused { get; private set; }

    /// <summary>Entries made by the last build.</summary>
    public int LastMade { get; private set; }

    private sealed record Entry(Article Article, Article? Older, Article? Newer, IReadOnlyList<string> Events, Article[][] Coverage, int[] CoverageCounts, IReadOnlyList<Article> Translations, ArticleView[] Views);

    /// <summary>Starts a build on <paramref name="model"/>: no entry is found when a global part differs from the last build's.</summary>
    internal void Begin(SiteModel model, SiteUrls urls, string defaultLanguage)
    {
        _valid = _baseUrl == urls.BaseUrl && _defaultLanguage == defaultLanguage && SameObjects(_outlets, model.OutletById) && SameObjects(_events, model.EventById) && SameTags(model);
        (_baseUrl, _defaultLanguage, _outlets, _events, _tagSlug, _tags) = (urls.BaseUrl, defaultLanguage, model.OutletById, model.EventById, model.TagSlug, model.Tags);
        _made = new Entry?[model.Articles.Count];
    }

    /// <summary>The views of an article made by an earlier build from the same inputs, or null. Thread-safe during a build.</summary>
    internal ArticleView[]? Find(SiteModel model, Article article)
    {
        return _valid && _entries.TryGetValue(article.Id, out var entry) && ReferenceEquals(entry.Article, article) && SameInputs(model, entry) ? entry.Views : null;
    }

    /// <summary>The views an earlier build made of an article with this id, whatever they were made from (to compare a new view with), or null.</summary>
    internal ArticleView[]? Previous(string articleId) => _entries.TryGetValue(articleId, out var entry) ? entry.Views : null;

    /// <summary>Keeps the views just made of the article at <paramref name="index"/> of the model's articles. Thread-safe for distinct indexes.</summary>
    internal void Keep(SiteModel model, int index, Article article, ArticleView[] views)
    {
        var neighbours = model.NeighboursById.GetValueOrDefault(article.Id);
        var events = model.EventsOf(article.Id);
        var coverage = new Article[events.Count][];
        var counts = new int[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var others = Others(model, events[i], article).ToArray();
            coverage[i] = others[..Math.Min(others.Length, SitePages.CoverageLinks)];
            counts[i] = others.Length;
        }

        _made[index] = new Entry(article, neighbours?.Older, neighbours?.Newer, events, coverage, counts, model.Translations.GetValueOrDefault(article.Id, []), views);
    }

    /// <summary>Ends the build: the entries made replace the old ones, and entries of articles no longer in the model are dropped.</summary>
    internal void End(SiteModel model)
    {
        var made = 0;
        foreach (var entry in _made)
        {
            if (entry is not null)
            {
                _entries[entry.Article.Id] = entry;
                made++;
            }
        }

        if (_entries.Count != model.Articles.Count)
        {
            var kept = new Dictionary<string, Entry>(model.Articles.Count, StringComparer.Ordinal);
            foreach (var article in model.Articles)
            {
                if (_entries.TryGetValue(article.Id, out var entry))
                {
                    kept[article.Id] = entry;
                }
            }

            _entries = kept;
        }

        (LastMade, LastReused, _made) = (made, model.Articles.Count - made, []);
    }

    private static IEnumerable<Article> Others(SiteModel model, string eventId, Article article) =>
        (model.Assignment.Find(eventId)?.Members ?? []).Where(m => m.Article.Id != article.Id).Select(m => m.Article);

    private static bool SameInputs(SiteModel model, Entry entry)
    {
        var article = entry.Article;
        var neighbours = model.NeighboursById.GetValueOrDefault(article.Id);
        if (!ReferenceEquals(neighbours?.Older, entry.Older) || !ReferenceEquals(neighbours?.Newer, entry.Newer))
        {
            return false;
        }

        var translations = model.Translations.GetValueOrDefault(article.Id, []);
        if (!ReferenceEquals(translations, entry.Translations) && !SortedChange.SameItems(translations, entry.Translations))
        {
            return false;
        }

        var events = model.EventsOf(article.Id);
        if (events.Count != entry.Events.Count)
        {
            return false;
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (!string.Equals(events[i], entry.Events[i], StringComparison.Ordinal) || !SameCoverage(model.Assignment.Find(events[i])?.Members ?? [], article, entry.Coverage[i], entry.CoverageCounts[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether an event's members other than the article begin with the same objects and are as many (without making the list).</summary>
    private static bool SameCoverage(IReadOnlyList<EventMember> members, Article article, Article[] shown, int count)
    {
        var others = 0;
        foreach (var member in members)
        {
            if (member.Article.Id == article.Id)
            {
                continue;
            }

            if (others < shown.Length && !ReferenceEquals(member.Article, shown[others]))
            {
                return false;
            }

            others++;
        }

        return others == count;
    }

    private static bool SameObjects<T>(IReadOnlyDictionary<string, T>? before, IReadOnlyDictionary<string, T> now)
        where T : class
    {
        if (ReferenceEquals(before, now))
        {
            return true; // the link phase hands out the same table when nothing in it changed
        }

        if (before is null || before.Count != now.Count)
        {
            return false;
        }

        foreach (var (id, value) in now)
        {
            if (!before.TryGetValue(id, out var old) || !ReferenceEquals(old, value))
            {
                return false;
            }
        }

        return true;
    }

    private bool SameTags(SiteModel model)
    {
        if (ReferenceEquals(_tagSlug, model.TagSlug) && ReferenceEquals(_tags, model.Tags))
        {
            return true;
        }

        if (_tagSlug is null || _tags is null || _tagSlug.Count != model.TagSlug.Count || _tags.Count != model.Tags.Count)
        {
            return false;
        }

        foreach (var (tag, slug) in model.TagSlug)
        {
            if (!_tagSlug.TryGetValue(tag, out var old) || old != slug)
            {
                return false;
            }
        }

        for (var i = 0; i < _tags.Count; i++)
        {
            if (_tags[i].Slug != model.Tags[i].Slug || _tags[i].Name != model.Tags[i].Name || SitePages.HasPage(_tags[i]) != SitePages.HasPage(model.Tags[i]))
            {
                return false;
            }
        }

        return true;
    }
}
