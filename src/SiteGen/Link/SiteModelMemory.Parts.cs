using SiteGen.Events;
using SiteGen.Model;

namespace SiteGen.Link;

// Each part of the model updated for the changed articles, as SiteModel.Build would make it from all of them.
public sealed partial class SiteModelMemory
{
    private static (IReadOnlyDictionary<string, Outlet> ById, IReadOnlyList<Outlet> List, string[] Warnings) UpdateOutlets(State last, Change change, out IReadOnlyDictionary<string, IReadOnlyList<Article>> byOutlet)
    {
        var old = last.Model;
        var lists = new Dictionary<string, IReadOnlyList<Article>>(old.ByOutlet, StringComparer.Ordinal);
        foreach (var id in change.Both.Select(a => a.Outlet).Distinct(StringComparer.Ordinal))
        {
            var list = SortedChange.Apply(old.ByOutlet.GetValueOrDefault(id) ?? [], change.Removed, change.AddedWhere(a => a.Outlet == id), SiteModel.NewestFirst);
            if (list.Count == 0 && !last.CatalogIds.Contains(id))
            {
                lists.Remove(id); // a stand-in outlet is there only while articles use it
            }
            else
            {
                lists[id] = list;
            }
        }

        byOutlet = lists;
        var missing = lists.Keys.Where(id => !last.CatalogIds.Contains(id)).Order(StringComparer.Ordinal).ToArray();
        if (missing.SequenceEqual(old.OutletById.Keys.Where(id => !last.CatalogIds.Contains(id)).Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return (old.OutletById, old.Outlets, last.Warnings.Outlets);
        }

        var byId = last.OutletFiles.ToDictionary(o => o.Id, StringComparer.Ordinal);
        foreach (var id in missing)
        {
            byId[id] = old.OutletById.TryGetValue(id, out var standIn) ? standIn : new Outlet { Id = id, NameZh = id, NameEn = id };
        }

        return (byId, byId.Values.OrderBy(o => o.Id, StringComparer.Ordinal).ToArray(), missing.Select(SiteModel.MissingOutletWarning).ToArray());
    }

    private static IReadOnlyDictionary<string, Neighbours> UpdateNeighbours(SiteModel old, Change change, IReadOnlyDictionary<string, IReadOnlyList<Article>> byOutlet)
    {
        // Every article has an entry: the few that change are laid over the last dictionary, not copied with it.
        var changes = new Dictionary<string, (bool Present, Neighbours Value)>(StringComparer.Ordinal);
        foreach (var article in change.Removed)
        {
            changes[article.Id] = (false, null!);
        }

        // Only the changed articles' outlets have other lists, and so other neighbours.
        foreach (var id in change.Both.Select(a => a.Outlet).Distinct(StringComparer.Ordinal))
        {
            var list = byOutlet.GetValueOrDefault(id) ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                var older = i + 1 < list.Count ? list[i + 1] : null;
                var newer = i > 0 ? list[i - 1] : null;
                if (old.NeighboursById.TryGetValue(list[i].Id, out var was) && ReferenceEquals(was.Older, older) && ReferenceEquals(was.Newer, newer))
                {
                    changes.Remove(list[i].Id); // an edited article with the same neighbours: the entry stays
                }
                else
                {
                    changes[list[i].Id] = (true, new Neighbours(older, newer));
                }
            }
        }

        return LayeredDictionary<Neighbours>.With(old.NeighboursById, changes);
    }

    private (EventAssignment Assignment, IReadOnlyDictionary<string, IReadOnlyList<Article>> ByEvent, IReadOnlyDictionary<string, EventReport> Reports, string[] Warnings) UpdateEvents(State last, Change change, IReadOnlyList<Article> all)
    {
        var old = last.Model;
        var oldGroups = old.Assignment.Groups;

        // The added articles against every event; the removed ones leave the events they were in.
        var texts = new Dictionary<Article, ArticleText>(ReferenceEqualityComparer.Instance);
        ArticleText TextOf(Article a)
        {
            if (!texts.TryGetValue(a, out var text))
            {
                texts[a] = text = ArticleText.From(a);
            }

            return text;
        }

        var joined = new Dictionary<string, List<EventMember>>(StringComparer.Ordinal);
        var diagnostics = new List<EventDiagnostic>();
        foreach (var article in change.Added)
        {
            EventAssigner.UnknownEvents(article, last.KnownEvents, diagnostics);
            foreach (var group in oldGroups)
            {
                if (EventAssigner.Judge(group.Event, article, TextOf, diagnostics) is { } member)
                {
                    AddTo(joined, group.Event.Id, member);
                }
            }
        }

        var affected = new HashSet<string>(joined.Keys, StringComparer.Ordinal);
        foreach (var article in change.Removed)
        {
            affected.UnionWith(old.Assignment.EventsOf(article.Id));
        }

        var groups = new EventGroup[oldGroups.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            var group = oldGroups[i];
            if (!affected.Contains(group.Event.Id))
            {
                groups[i] = group;
                continue;
            }

            var joining = joined.GetValueOrDefault(group.Event.Id) ?? [];
            joining.Sort((x, y) => EventTime.Compare(x.Article, y.Article));
            var members = SortedChange.Apply(group.Members, m => change.IsRemoved(m.Article), joining, (x, y) => EventTime.Compare(x.Article, y.Article));
            if (members.Count == 0)
            {
                diagnostics.Add(EventAssigner.Empty(group.Event));
            }

            groups[i] = new EventGroup(group.Event, members);
        }

        // Diagnostics: those of unchanged articles and events stay, with their warnings; the new ones merge in.
        diagnostics.Sort(EventAssigner.DiagnosticOrder);
        var oldDiagnostics = old.Assignment.Diagnostics;
        var oldWarnings = last.Warnings.Events;
        var keptDiagnostics = new List<EventDiagnostic>(oldDiagnostics.Count + diagnostics.Count);
        var warnings = new List<string>(oldDiagnostics.Count + diagnostics.Count);
        var n = 0;
        for (var i = 0; i < oldDiagnostics.Count; i++)
        {
            var d = oldDiagnostics[i];
            if (d.ArticleId is null ? affected.Contains(d.EventId) : change.Ids.Contains(d.ArticleId))
            {
                continue;
            }

            for (; n < diagnostics.Count && EventAssigner.DiagnosticOrder(diagnostics[n], d) < 0; n++)
            {
                keptDiagnostics.Add(diagnostics[n]);
                warnings.Add(SiteModel.Warning(diagnostics[n], old.EventById, last.ById));
            }

            keptDiagnostics.Add(d);
            warnings.Add(oldWarnings[i]);
        }

        for (; n < diagnostics.Count; n++)
        {
            keptDiagnostics.Add(diagnostics[n]);
            warnings.Add(SiteModel.Warning(diagnostics[n], old.EventById, last.ById));
        }

        var sameDiagnostics = keptDiagnostics.SequenceEqual(oldDiagnostics);
        var assignment = affected.Count == 0 && sameDiagnostics ? old.Assignment : new EventAssignment(groups, keptDiagnostics);
        var eventWarnings = sameDiagnostics ? oldWarnings : warnings.ToArray();
        var byEvent = old.ByEvent;
        if (affected.Count > 0)
        {
            var lists = new Dictionary<string, IReadOnlyList<Article>>(old.ByEvent, StringComparer.Ordinal);
            foreach (var group in groups.Where(g => affected.Contains(g.Event.Id)))
            {
                lists[group.Event.Id] = group.Articles.Reverse().ToArray();
            }

            byEvent = lists;
        }

        // The reports, through the comparison memory: the archive statistics corrected for the changed
        // articles only. Every report is looked at, as an event's terms read the statistics of the whole archive.
        var memo = new ArticleTextMemo(groups.Where(g => affected.Contains(g.Event.Id)).SelectMany(g => g.Articles).Concat(change.Added));
        var background = groups.Any(g => g.Members.Count > 0)
            ? _comparisons.Background(all, old.Articles, change.Removed, change.Added, memo)
            : TermStatistics.None;
        var computed = _comparisons.CompareAll(groups, background, memo);
        var reports = old.Reports;
        for (var i = 0; i < groups.Length; i++)
        {
            if (!ReferenceEquals(computed[i], old.Reports.GetValueOrDefault(groups[i].Event.Id)))
            {
                reports = groups.Select((g, k) => (g.Event.Id, Report: computed[k])).ToDictionary(x => x.Id, x => x.Report, StringComparer.Ordinal);
                break;
            }
        }

        return (assignment, byEvent, reports, eventWarnings);
    }

    private (IReadOnlyDictionary<string, string> TagSlug, IReadOnlyList<TagGroup>? Tags, string[] Unusable, string[] SharedFolders) UpdateTags(State last, Change change, IReadOnlyList<Article> all)
    {
        var old = last.Model;

        // Which spellings are used at all, and whether a change touches a spelling that decides a warning.
        var appeared = new HashSet<string>(StringComparer.Ordinal);
        var vanished = new HashSet<string>(StringComparer.Ordinal);
        var unusable = false;
        var shared = false;
        foreach (var tag in change.Removed.SelectMany(a => a.Tags))
        {
            if ((last.TagUses[tag] -= 1) == 0)
            {
                last.TagUses.Remove(tag);
                vanished.Add(tag);
            }
        }

        foreach (var tag in change.Added.SelectMany(a => a.Tags))
        {
            if (last.TagUses.TryGetValue(tag, out var uses))
            {
                last.TagUses[tag] = uses + 1;
            }
            else
            {
                last.TagUses[tag] = 1;
                if (!vanished.Remove(tag))
                {
                    appeared.Add(tag);
                }
            }
        }

        foreach (var tag in change.Both.SelectMany(a => a.Tags))
        {
            unusable |= SlugOf(tag).Length == 0;
            shared |= last.SharedSpellings.Contains(tag);
        }

        var spellingsChanged = appeared.Concat(vanished).Any(t => SlugOf(t).Length > 0);
        var tagSlug = old.TagSlug;
        Dictionary<string, string>? remade = null;
        if (spellingsChanged || shared)
        {
            // As SiteModel.Build makes it (in the order spellings first appear: it decides which of two
            // spellings that differ only in case a warning shows).
            var made = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var article in all)
            {
                foreach (var tag in article.Tags)
                {
                    if (!made.ContainsKey(tag) && SlugOf(tag) is { Length: > 0 } slug)
                    {
                        made[tag] = slug;
                    }
                }
            }

            SiteModel.FoldCase(made);
            foreach (var (tag, slug) in made)
            {
                if (old.TagSlug.TryGetValue(tag, out var was) && was != slug)
                {
                    return (old.TagSlug, null, [], []);
                }
            }

            remade = made;
            tagSlug = made.Count == old.TagSlug.Count && !spellingsChanged ? old.TagSlug : made;
            last.SharedSpellings = State.Shared(made);
        }

        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in change.Removed.SelectMany(a => a.Tags))
        {
            if (old.TagSlug.TryGetValue(tag, out var slug))
            {
                slugs.Add(slug);
            }
        }

        foreach (var tag in change.Added.SelectMany(a => a.Tags))
        {
            if (tagSlug.TryGetValue(tag, out var slug))
            {
                slugs.Add(slug);
            }
        }

        var foldersChanged = false;
        foreach (var slug in slugs)
        {
            bool Has(Article a) => a.Tags.Any(t => tagSlug.TryGetValue(t, out var s) && s == slug);
            var was = last.TagBySlug.GetValueOrDefault(slug);
            var list = SortedChange.Apply(was?.Articles ?? [], change.Removed, change.AddedWhere(Has), SiteModel.NewestFirst);
            if (list.Count == 0)
            {
                last.TagBySlug.Remove(slug);
                foldersChanged = true;
                continue;
            }

            // The name shown: the first spelling, newest article first.
            var name = list[0].Tags.First(t => tagSlug.TryGetValue(t, out var s) && s == slug).Trim();
            foldersChanged |= was is null;
            last.TagBySlug[slug] = was is not null && ReferenceEquals(was.Articles, list) && was.Name == name ? was : new TagGroup(slug, name, list);
        }

        var tags = foldersChanged
            ? last.TagBySlug.Values.OrderBy(g => g.Slug, StringComparer.Ordinal).ToArray()
            : old.Tags.Select(g => last.TagBySlug[g.Slug]).ToArray();
        return (
            tagSlug,
            SortedChange.SameItems(tags, old.Tags) ? old.Tags : tags,
            unusable ? SiteModel.UnusableTagWarnings(all, SlugOf) : last.Warnings.UnusableTags,
            remade is not null ? Same(SiteModel.SharedFolderWarnings(remade, s => last.TagBySlug[s].Name), last.Warnings.SharedFolders) : last.Warnings.SharedFolders);
    }

    // The old warnings when the new ones say the same.
    private static string[] Same(string[] now, string[] before) => now.SequenceEqual(before, StringComparer.Ordinal) ? before : now;

    private static IReadOnlyList<YearGroup> UpdateYears(SiteModel old, Change change)
    {
        var years = old.Years.ToDictionary(y => y.Year);
        foreach (var year in change.Both.Select(a => a.Published.Year).Distinct())
        {
            var was = years.GetValueOrDefault(year);
            var articles = SortedChange.Apply(was?.Articles ?? [], change.Removed, change.AddedWhere(a => a.Published.Year == year), SiteModel.NewestFirst);
            if (articles.Count == 0)
            {
                years.Remove(year);
                continue;
            }

            var months = (was?.Months ?? []).ToDictionary(m => m.Month);
            foreach (var month in change.Both.Where(a => a.Published.Year == year).Select(a => a.Published.Month).Distinct())
            {
                var before = months.GetValueOrDefault(month);
                var list = SortedChange.Apply(before?.Articles ?? [], change.Removed, change.AddedWhere(a => a.Published.Year == year && a.Published.Month == month), SiteModel.NewestFirst);
                if (list.Count == 0)
                {
                    months.Remove(month);
                }
                else if (before is null || !ReferenceEquals(before.Articles, list))
                {
                    months[month] = new MonthGroup(year, month, list);
                }
            }

            var monthList = months.Values.OrderByDescending(m => m.Month).ToArray();
            years[year] = was is not null && ReferenceEquals(was.Articles, articles) && SortedChange.SameItems(monthList, was.Months)
                ? was
                : new YearGroup(year, monthList, articles);
        }

        var result = years.Values.OrderByDescending(y => y.Year).ToArray();
        return SortedChange.SameItems(result, old.Years) ? old.Years : result;
    }

    private static Dictionary<string, IReadOnlyList<Article>> UpdateTranslations(State last, Change change)
    {
        var old = last.Model.Translations;
        foreach (var article in change.Removed.Where(a => a.TranslationOf is not null))
        {
            var list = last.Translators[article.TranslationOf!];
            list.Remove(article);
            if (list.Count == 0)
            {
                last.Translators.Remove(article.TranslationOf!);
            }
        }

        foreach (var article in change.Added.Where(a => a.TranslationOf is not null))
        {
            AddTo(last.Translators, article.TranslationOf!, article);
        }

        // The lists that may hold a changed article, or be there or not because one came or went.
        var keys = new HashSet<string>(change.Ids, StringComparer.Ordinal);
        foreach (var article in change.Both)
        {
            if (article.TranslationOf is { } original)
            {
                keys.Add(original);
            }
        }

        foreach (var id in change.Ids)
        {
            foreach (var translator in last.Translators.GetValueOrDefault(id) ?? [])
            {
                keys.Add(translator.Id);
            }
        }

        var translations = new Dictionary<string, IReadOnlyList<Article>>(old, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            // As SiteModel.Build pairs them: a translation with its original, both ways, when the original exists.
            var list = new List<Article>();
            if (last.ById.TryGetValue(key, out var article))
            {
                list.AddRange(last.Translators.GetValueOrDefault(key) ?? []);
                if (article.TranslationOf is { } original && last.ById.TryGetValue(original, out var found))
                {
                    list.Add(found);
                }
            }

            var sorted = list.Distinct().OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();
            if (sorted.Length == 0)
            {
                translations.Remove(key);
            }
            else if (!(old.TryGetValue(key, out var was) && SortedChange.SameItems(was, sorted)))
            {
                translations[key] = sorted;
            }
        }

        return translations;
    }
}
