using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Model;

namespace SiteGen.Link;

/// <summary>
/// <see cref="SiteModel.Build(IEnumerable{Article}, OutletCatalog, IEnumerable{EventDefinition}, EventComparisonCache?)"/>
/// for repeated builds (<c>sitegen serve</c>): the same model, made from the last one when only a few
/// articles changed.
/// <para>
/// What changed is told by object: the article cache hands back the very same <see cref="Article"/> for
/// an unchanged file, and the outlet and event memos the same <see cref="Outlet"/> and
/// <see cref="EventDefinition"/>. When the outlets and events are the same objects as last time and
/// few articles were replaced, added or removed, only the lists those articles are (or were) in are
/// made again; membership of an article in an event depends on that article and that event only, so
/// only the changed articles are judged against the events. Anything else (another outlet or event
/// file, many changes, a tag whose folder changes) is a full build.
/// </para>
/// <para>
/// A part of the model whose contents did not change is the very same object as in the last model:
/// the lists of <see cref="SiteModel.ByOutlet"/>, <see cref="SiteModel.ByEvent"/> and
/// <see cref="SiteModel.Translations"/>, each <see cref="TagGroup"/>, <see cref="YearGroup"/>,
/// <see cref="MonthGroup"/>, <see cref="Neighbours"/>, <see cref="EventGroup"/> and
/// <see cref="EventReport"/>, and whole dictionaries and lists when nothing in them changed; with no
/// change at all, the model itself. Later steps may compare them by reference.
/// </para>
/// One build at a time per instance.
/// </summary>
public sealed partial class SiteModelMemory
{
    private readonly EventComparisonCache _comparisons = new();
    private readonly Dictionary<string, string> _slugs = new(StringComparer.Ordinal);
    private State? _last;

    /// <summary>True when the last <see cref="Build"/> updated the model before it rather than building it anew.</summary>
    public bool LastWasUpdate { get; private set; }

    /// <summary>The model of these inputs, equal to a clean build's (warnings included, in order).</summary>
    public SiteModel Build(IEnumerable<Article> articles, OutletCatalog outlets, IEnumerable<EventDefinition> events)
    {
        var input = articles.ToArray(); // kept for the next build, so a copy
        var eventList = events as IReadOnlyList<EventDefinition> ?? events.ToArray();

        // The memory is changed in place while updating: it is kept only when the update got through.
        var last = _last;
        _last = null;
        LastWasUpdate = false;
        if (last is not null && Update(last, input, outlets, eventList) is { } updated)
        {
            _last = last;
            LastWasUpdate = true;
            return updated;
        }

        var model = SiteModel.Build(input, outlets, eventList, _comparisons, SlugOf, out var sections);
        _last = State.Of(input, model, sections, outlets, eventList);
        return model;
    }

    // Slugs.Tag is a pure function of the tag: each spelling is folded once.
    private string SlugOf(string tag)
    {
        if (!_slugs.TryGetValue(tag, out var slug))
        {
            _slugs[tag] = slug = Slugs.Tag(tag);
        }

        return slug;
    }

    /// <summary>The last model with the changed articles taken out and put in, or null when a full build is needed.</summary>
    private SiteModel? Update(State last, Article[] input, OutletCatalog outlets, IReadOnlyList<EventDefinition> events)
    {
        if (!SortedChange.SameItems(outlets.All, last.OutletFiles) || !SortedChange.SameItems(events, last.EventFiles))
        {
            return null;
        }

        var old = last.Model;
        var (added, removed) = Difference(last.Input, input);
        last.Input = input;
        if (added.Count + removed.Count > Math.Max(64, old.Articles.Count / 8))
        {
            return null; // building anew is about as quick
        }

        if (added.Count == 0 && removed.Count == 0)
        {
            return old;
        }

        foreach (var article in removed)
        {
            last.ById.Remove(article.Id);
        }

        foreach (var article in added)
        {
            if (!last.ById.TryAdd(article.Id, article))
            {
                return null; // two articles with one id
            }
        }

        added.Sort(SiteModel.NewestFirst);
        var change = new Change(removed, added);
        var all = SortedChange.Apply(old.Articles, removed, added, SiteModel.NewestFirst);

        var (outletById, outletList, outletWarnings) = UpdateOutlets(last, change, out var byOutlet);
        var neighbours = UpdateNeighbours(old, change, byOutlet);
        var (assignment, byEvent, reports, eventWarnings) = UpdateEvents(last, change, all);
        var (tagSlug, tags, unusableTags, sharedFolders) = UpdateTags(last, change, all);
        if (tags is null)
        {
            return null; // a tag's folder changed: every tag group may be different
        }

        var years = UpdateYears(old, change);
        var translations = UpdateTranslations(last, change);
        // Only a changed translation, or a changed article something says it translates, can change these warnings.
        var translationWarnings = change.Both.Any(a => a.TranslationOf is not null) || change.Ids.Any(last.Translators.ContainsKey)
            ? Same(SiteModel.TranslationWarnings(all, last.ById), last.Warnings.Translations)
            : last.Warnings.Translations;
        var sections = new LinkWarnings(
            outletWarnings,
            eventWarnings,
            unusableTags,
            sharedFolders,
            translationWarnings);
        var same = sections.Outlets == last.Warnings.Outlets && sections.Events == last.Warnings.Events && sections.UnusableTags == last.Warnings.UnusableTags
            && sections.SharedFolders == last.Warnings.SharedFolders && sections.Translations == last.Warnings.Translations;

        var model = new SiteModel
        {
            Articles = all,
            Outlets = outletList,
            OutletById = outletById,
            ByOutlet = byOutlet,
            Events = old.Events,
            EventById = old.EventById,
            ByEvent = byEvent,
            Assignment = assignment,
            Reports = reports,
            Tags = tags,
            TagSlug = tagSlug,
            Years = years,
            NeighboursById = neighbours,
            Translations = translations,
            Warnings = same ? old.Warnings : sections.All(),
        };
        last.Model = model;
        last.Warnings = sections;
        return model;
    }

    /// <summary>
    /// The articles of <paramref name="before"/> not in <paramref name="now"/>, and the other way round (by
    /// object). The article store lists files in the same order every time, so only the stretch between
    /// the first and the last place where the two lists differ is looked at: outside it they are the same.
    /// </summary>
    private static (List<Article> Added, List<Article> Removed) Difference(Article[] before, Article[] now)
    {
        var head = 0;
        while (head < before.Length && head < now.Length && ReferenceEquals(before[head], now[head]))
        {
            head++;
        }

        int endBefore = before.Length, endNow = now.Length;
        while (endBefore > head && endNow > head && ReferenceEquals(before[endBefore - 1], now[endNow - 1]))
        {
            endBefore--;
            endNow--;
        }

        var inBefore = new HashSet<Article>(before[head..endBefore], ReferenceEqualityComparer.Instance);
        var inNow = new HashSet<Article>(now[head..endNow], ReferenceEqualityComparer.Instance);
        var added = now[head..endNow].Where(a => !inBefore.Contains(a)).ToList();
        var removed = before[head..endBefore].Where(a => !inNow.Contains(a)).ToList();
        return (added, removed);
    }

    /// <summary>The articles taken out (the old objects of changed files, and deleted ones) and put in (newest first).</summary>
    private sealed class Change(List<Article> removed, List<Article> added)
    {
        private readonly HashSet<Article>? _removed = removed.Count > 4 ? new(removed, ReferenceEqualityComparer.Instance) : null;

        public List<Article> Removed { get; } = removed;

        public List<Article> Added { get; } = added;

        /// <summary>Both, removed first.</summary>
        public IEnumerable<Article> Both => Removed.Concat(Added);

        /// <summary>The ids of both.</summary>
        public HashSet<string> Ids { get; } = removed.Concat(added).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);

        // Asked for every article of the lists that change (all of them, for the whole archive's): a few are compared directly.
        public bool IsRemoved(Article article)
        {
            if (_removed is not null)
            {
                return _removed.Contains(article);
            }

            foreach (var gone in Removed)
            {
                if (ReferenceEquals(gone, article))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The added articles (newest first) that <paramref name="keep"/> holds for.</summary>
        public List<Article> AddedWhere(Func<Article, bool> keep) => SortedChange.Where(Added, keep);
    }

    /// <summary>What the last model was made from, and indexes over it; changed in place by an update.</summary>
    private sealed class State
    {
        public required SiteModel Model { get; set; }

        public required LinkWarnings Warnings { get; set; }

        public required IReadOnlyList<Outlet> OutletFiles { get; init; }

        public required HashSet<string> CatalogIds { get; init; }

        public required IReadOnlyList<EventDefinition> EventFiles { get; init; }

        public required HashSet<string> KnownEvents { get; init; }

        /// <summary>The articles as given, in their order.</summary>
        public required Article[] Input { get; set; }

        public required Dictionary<string, Article> ById { get; init; }

        /// <summary>How many times each tag spelling is used.</summary>
        public required Dictionary<string, int> TagUses { get; init; }

        /// <summary>The spellings whose folder holds other spellings too (their order decides warnings and names).</summary>
        public required HashSet<string> SharedSpellings { get; set; }

        public required Dictionary<string, TagGroup> TagBySlug { get; init; }

        /// <summary>The articles that say they translate an id, by that id (whether it exists or not).</summary>
        public required Dictionary<string, List<Article>> Translators { get; init; }

        public static State Of(Article[] input, SiteModel model, LinkWarnings warnings, OutletCatalog outlets, IReadOnlyList<EventDefinition> events)
        {
            var tagUses = new Dictionary<string, int>(StringComparer.Ordinal);
            var translators = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
            foreach (var article in model.Articles)
            {
                foreach (var tag in article.Tags)
                {
                    tagUses[tag] = tagUses.GetValueOrDefault(tag) + 1;
                }

                if (article.TranslationOf is { } original)
                {
                    AddTo(translators, original, article);
                }
            }

            return new State
            {
                Model = model,
                Warnings = warnings,
                OutletFiles = outlets.All.ToArray(), // copies: the caller may change its lists
                CatalogIds = outlets.All.Select(o => o.Id).ToHashSet(StringComparer.Ordinal),
                EventFiles = events.ToArray(),
                KnownEvents = events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal),
                Input = input,
                ById = model.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal),
                TagUses = tagUses,
                SharedSpellings = Shared(model.TagSlug),
                TagBySlug = model.Tags.ToDictionary(g => g.Slug, StringComparer.Ordinal),
                Translators = translators,
            };
        }

        public static HashSet<string> Shared(IReadOnlyDictionary<string, string> tagSlug) =>
            tagSlug.GroupBy(kv => kv.Value, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g.Select(kv => kv.Key)).ToHashSet(StringComparer.Ordinal);
    }

    private static void AddTo<T>(Dictionary<string, List<T>> lists, string key, T item)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(item);
    }
}
