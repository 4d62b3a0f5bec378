using System.Text.Json;
using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Link;
using SiteGen.Model;

namespace SiteGen.Tests.Link;

/// <summary>
/// A model updated by <see cref="SiteModelMemory"/> after each kind of change to the shipped archive equals
/// a clean <see cref="SiteModel.Build(IEnumerable{Article}, OutletCatalog, IEnumerable{EventDefinition}, EventComparisonCache?)"/>
/// in every list, dictionary and warning, and hands out the last model's objects for parts that did not change.
/// </summary>
public class SiteModelMemoryTests
{
    private readonly List<Article> _articles = ArticleStore.Open(TestPaths.Content).Articles.Select(a => a.Article).ToList();
    private readonly OutletCatalog _outlets = OutletStore.Load(TestPaths.Content);
    private readonly List<EventDefinition> _events = EventStore.Load(TestPaths.Content).Events.ToList();
    private readonly SiteModelMemory _memory = new();

    [Fact]
    public void Every_kind_of_article_change_gives_the_clean_model_by_update()
    {
        var model = _memory.Build(_articles, _outlets, _events);
        Assert.False(_memory.LastWasUpdate);
        var member = model.ByEvent.Values.First(v => v.Count >= 2)[0];
        var outsider = _articles.First(a => model.EventsOf(a.Id).Count == 0);
        var crash = _events.Single(e => e.Id.EndsWith("ukraine-military-plane-crash", StringComparison.Ordinal));
        var other = _articles.First(a => a.Outlet != outsider.Outlet && model.EventsOf(a.Id).Count == 0);
        var steps = new (string What, Action Change, Func<SiteModel, bool>? Shows)[]
        {
            ("the body of an event's article", () => Replace(member, a => a.Body += "\n\nProbe edit.\n"), null),
            ("the body of an article in no event", () => Replace(outsider, a => a.Body += "\n\n俄罗斯总统普京表示。\n"), null),
            ("the title", () => Replace(outsider, a => a.Title += " (updated)"), null),
            ("a date to another month and year", () => Replace(outsider, a => a.Published = new PublishedDate(a.Published.Value.AddMonths(-14), a.Published.HasTime)), null),
            ("a date to the same instant as another article", () => Replace(outsider, a => a.Published = other.Published), null),
            ("a date to a bare date", () => Replace(outsider, a => a.Published = new PublishedDate(new DateTimeOffset(a.Published.Value.Date, TimeSpan.Zero), false)), null),
            ("a new tag", () => Replace(outsider, a => a.Tags.Add("Probe tag")), null),
            ("a tag of another article", () => Replace(outsider, a => a.Tags.Add(other.Tags.FirstOrDefault() ?? "Probe tag")), null),
            ("a tag spelled another way into the same folder", () => Replace(other, a => a.Tags.Add("probe  tag")), m => m.Warnings.Any(w => w.Contains("share the folder tags/probe-tag/", StringComparison.Ordinal))),
            ("that spelling taken out again", () => Replace(other, a => a.Tags.Remove("probe  tag")), null),
            ("a tag removed (its last use)", () => Replace(outsider, a => a.Tags.Remove("Probe tag")), null),
            ("a tag with no usable character", () => Replace(outsider, a => a.Tags.Add("///")), m => m.Warnings.Contains("tag '///' has no characters usable in a path and is left out")),
            ("it taken out", () => Replace(outsider, a => a.Tags.Remove("///")), null),
            ("another outlet", () => Replace(outsider, a => a.Outlet = other.Outlet), null),
            ("an outlet without a file", () => Replace(outsider, a => a.Outlet = "nosuchoutlet"), m => m.OutletById.ContainsKey("nosuchoutlet") && m.Warnings.Any(w => w.Contains("nosuchoutlet", StringComparison.Ordinal))),
            ("back to a known outlet", () => Replace(outsider, a => a.Outlet = other.Outlet), m => !m.OutletById.ContainsKey("nosuchoutlet")),
            ("a translation", () => _articles.Add(Clone(other, a => { a.Id += "-en"; a.Lang = "en"; a.TranslationOf = other.Id; })), null),
            ("a second translation", () => _articles.Add(Clone(other, a => { a.Id += "-zh"; a.TranslationOf = other.Id; })), m => m.Translations[other.Id].Count == 2),
            ("the original edited", () => Replace(other, a => a.Body += "\n\nEdited original.\n"), null),
            ("a translation of an id not in the archive", () => Replace(Find(other.Id + "-zh"), a => a.TranslationOf = "nosuch-article"), m => m.Warnings.Any(w => w.Contains("nosuch-article", StringComparison.Ordinal))),
            ("the original deleted", () => _articles.RemoveAll(a => a.Id == other.Id), null),
            ("the original back", () => _articles.Add(Clone(outsider, a => { a.Id = other.Id; a.Tags.Add("Back"); })), null),
            ("a translation deleted", () => _articles.RemoveAll(a => a.Id == other.Id + "-en"), null),
            ("a new article", () => _articles.Add(Clone(outsider, a => a.Id += "-new")), null),
            ("an article deleted", () => _articles.RemoveAll(a => a.Id == outsider.Id + "-new"), null),
            ("a rule now matches (date and keywords)", () => Replace(outsider, a => { a.Published = new PublishedDate(new DateTimeOffset(crash.Start.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), true); a.Body += "\n\n乌克兰军机坠毁。\n"; }), m => m.EventsOf(outsider.Id).Contains(crash.Id)),
            ("the keywords only deep in the text", () => Replace(outsider, a => a.Body = string.Concat(Enumerable.Repeat("Filler paragraph.\n\n", 5)) + "乌克兰军机坠毁。\n"), m => m.Assignment.Diagnostics.Any(d => d.ArticleId == outsider.Id && d.Code == "weak-match")),
            ("the rule no longer matches", () => Replace(outsider, a => a.Body = "Nothing here.\n"), m => !m.EventsOf(outsider.Id).Contains(crash.Id)),
            ("opted in by front matter, far away", () => Replace(member, a => a.Events.Add(crash.Id)), null),
            ("opted in twice", () => Replace(member, a => a.Events.Add(crash.Id)), null),
            ("opted out of its event", () => Replace(member, a => a.Events = [.. model.EventsOf(member.Id).Select(id => "-" + id)]), null),
            ("an event that does not exist", () => Replace(member, a => a.Events.Add("no-such-event")), m => m.Assignment.Diagnostics.Any(d => d.ArticleId == member.Id && d.Code == "unknown-event")),
            ("an event emptied", () => _articles.RemoveAll(a => a.Events.Contains(crash.Id) || model.ByEvent[crash.Id].Any(m => m.Id == a.Id)), m => m.Assignment.Diagnostics.Any(d => d.EventId == crash.Id && d.Code == "empty-event")),
            ("an edit and a new article at once", () => { Replace(Find(outsider.Id), a => a.Body += "\n\nTwo at once.\n"); _articles.Add(Clone(outsider, a => a.Id += "-two")); }, null),
        };

        foreach (var (what, change, shows) in steps)
        {
            var before = model;
            change();
            model = _memory.Build(_articles, _outlets, _events);
            Assert.True(_memory.LastWasUpdate, what);
            Assert.True(shows?.Invoke(model) ?? true, what + ": the change shows");
            AssertEqual(SiteModel.Build(_articles, _outlets, _events), model, what);
            AssertSameWhereUnchanged(before, model, what);
        }
    }

    [Fact]
    public void Nothing_changed_gives_the_same_model()
    {
        var model = _memory.Build(_articles, _outlets, _events);
        Assert.Same(model, _memory.Build(_articles.ToArray(), _outlets, _events));
        Assert.True(_memory.LastWasUpdate);
    }

    [Fact]
    public void A_body_edit_keeps_every_part_it_does_not_touch()
    {
        var model = _memory.Build(_articles, _outlets, _events);
        var outsider = _articles.First(a => model.EventsOf(a.Id).Count == 0);
        Replace(outsider, a => a.Body += "\n\nZyxwvutsrqp.\n");
        var next = _memory.Build(_articles, _outlets, _events);

        Assert.True(_memory.LastWasUpdate);
        Assert.Same(model.Assignment, next.Assignment);
        Assert.Same(model.ByEvent, next.ByEvent);
        Assert.Same(model.Reports, next.Reports); // a word no other article has moves no event's statistics
        Assert.Same(model.TagSlug, next.TagSlug);
        Assert.Same(model.Warnings, next.Warnings);
        Assert.All(model.ByOutlet.Where(kv => kv.Key != outsider.Outlet), kv => Assert.Same(kv.Value, next.ByOutlet[kv.Key]));
        Assert.All(model.Years.Where(y => y.Year != outsider.Published.Year), y => Assert.Contains(y, next.Years));
        Assert.NotSame(model.ByOutlet[outsider.Outlet], next.ByOutlet[outsider.Outlet]);
    }

    [Fact]
    public void Another_event_file_or_a_folded_tag_builds_anew_and_equal()
    {
        var model = _memory.Build(_articles, _outlets, _events);
        _events[0] = new EventDefinition { Id = _events[0].Id, Start = _events[0].Start, End = _events[0].End, TitleZh = _events[0].TitleZh, TitleEn = _events[0].TitleEn + " (updated)", Match = _events[0].Match, Path = _events[0].Path };
        AssertEqual(SiteModel.Build(_articles, _outlets, _events), _memory.Build(_articles, _outlets, _events), "event file");
        Assert.False(_memory.LastWasUpdate);

        // Folder names differing only in case meet under one: the first spelling's folder changes.
        Replace(_articles[0], a => a.Tags.Add("россия"));
        AssertEqual(SiteModel.Build(_articles, _outlets, _events), _memory.Build(_articles, _outlets, _events), "a new tag");
        Assert.True(_memory.LastWasUpdate);
        Replace(_articles[1], a => a.Tags.Add("Россия"));
        AssertEqual(SiteModel.Build(_articles, _outlets, _events), _memory.Build(_articles, _outlets, _events), "a folded tag");
        Assert.False(_memory.LastWasUpdate);
    }

    private Article Find(string id) => _articles.Single(a => a.Id == id);

    private void Replace(Article old, Action<Article> change)
    {
        var i = _articles.FindIndex(a => a.Id == old.Id);
        _articles[i] = Clone(_articles[i], change);
    }

    // A copy of every field (not through the file format, which would not take an id of another outlet).
    private static Article Clone(Article article, Action<Article> change)
    {
        var copy = JsonSerializer.Deserialize<Article>(JsonSerializer.Serialize(article))!;
        change(copy);
        return copy;
    }

    private static void AssertEqual(SiteModel expected, SiteModel actual, string what)
    {
        Assert.True(Same(expected.Articles, actual.Articles), what);
        Assert.Equal(expected.Outlets.Select(o => (o.Id, o.NameZh, o.NameEn)), actual.Outlets.Select(o => (o.Id, o.NameZh, o.NameEn)));
        Assert.Equal(Keys(expected.OutletById), Keys(actual.OutletById));
        AssertLists(expected.ByOutlet, actual.ByOutlet, what);
        Assert.True(Same(expected.Events, actual.Events), what);
        Assert.Equal(Keys(expected.EventById), Keys(actual.EventById));
        AssertLists(expected.ByEvent, actual.ByEvent, what);
        Assert.Equal(expected.Assignment.Groups.Count, actual.Assignment.Groups.Count);
        foreach (var (e, a) in expected.Assignment.Groups.Zip(actual.Assignment.Groups))
        {
            Assert.Same(e.Event, a.Event);
            Assert.Equal(e.Members.Select(m => (m.Article.Id, m.Via, m.Reason)), a.Members.Select(m => (m.Article.Id, m.Via, m.Reason)));
            Assert.True(Same(e.Articles.ToArray(), a.Articles.ToArray()), what);
        }

        Assert.Equal(expected.Assignment.Diagnostics, actual.Assignment.Diagnostics);
        Assert.All(expected.Articles, x => Assert.Equal(expected.EventsOf(x.Id), actual.EventsOf(x.Id)));
        Assert.Equal(Keys(expected.Reports), Keys(actual.Reports));
        Assert.All(expected.Reports, kv => Assert.Equal(JsonSerializer.Serialize(kv.Value), JsonSerializer.Serialize(actual.Reports[kv.Key])));
        Assert.Equal(expected.Tags.Select(t => (t.Slug, t.Name)), actual.Tags.Select(t => (t.Slug, t.Name)));
        Assert.All(expected.Tags.Zip(actual.Tags), p => Assert.True(Same(p.First.Articles, p.Second.Articles), what + ": tag " + p.First.Slug));
        Assert.Equal(expected.TagSlug.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.TagSlug.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Years.Select(y => (y.Year, y.Months.Select(m => (m.Year, m.Month)).ToArray())), actual.Years.Select(y => (y.Year, y.Months.Select(m => (m.Year, m.Month)).ToArray())));
        Assert.All(expected.Years.Zip(actual.Years), p =>
        {
            Assert.True(Same(p.First.Articles, p.Second.Articles), what);
            Assert.All(p.First.Months.Zip(p.Second.Months), m => Assert.True(Same(m.First.Articles, m.Second.Articles), what));
        });
        Assert.Equal(Keys(expected.NeighboursById), Keys(actual.NeighboursById));
        Assert.All(expected.NeighboursById, kv => Assert.True(
            ReferenceEquals(kv.Value.Older, actual.NeighboursById[kv.Key].Older) && ReferenceEquals(kv.Value.Newer, actual.NeighboursById[kv.Key].Newer), what + ": neighbours of " + kv.Key));
        AssertLists(expected.Translations, actual.Translations, what);
        Assert.Equal(expected.Warnings, actual.Warnings);
    }

    // Where a part has the same contents as in the model before, it is the same object.
    private static void AssertSameWhereUnchanged(SiteModel before, SiteModel after, string what)
    {
        foreach (var lists in new[] { (before.ByOutlet, after.ByOutlet), (before.ByEvent, after.ByEvent), (before.Translations, after.Translations) })
        {
            foreach (var (key, list) in lists.Item2)
            {
                if (lists.Item1.TryGetValue(key, out var was) && Same(was, list))
                {
                    Assert.True(ReferenceEquals(was, list), $"{what}: list {key}");
                }
            }
        }

        foreach (var tag in after.Tags)
        {
            if (before.Tags.FirstOrDefault(t => t.Slug == tag.Slug) is { } was && was.Name == tag.Name && Same(was.Articles, tag.Articles))
            {
                Assert.True(ReferenceEquals(was, tag), $"{what}: tag {tag.Slug}");
            }
        }

        foreach (var year in after.Years)
        {
            var was = before.Years.FirstOrDefault(y => y.Year == year.Year);
            foreach (var month in year.Months)
            {
                if (was?.Months.FirstOrDefault(m => m.Month == month.Month) is { } m && Same(m.Articles, month.Articles))
                {
                    Assert.True(ReferenceEquals(m, month), $"{what}: month {year.Year}-{month.Month}");
                }
            }

            if (was is not null && Same(was.Articles, year.Articles) && Same(was.Months, year.Months))
            {
                Assert.True(ReferenceEquals(was, year), $"{what}: year {year.Year}");
            }
        }

        foreach (var (id, n) in after.NeighboursById)
        {
            if (before.NeighboursById.TryGetValue(id, out var was) && ReferenceEquals(was.Older, n.Older) && ReferenceEquals(was.Newer, n.Newer))
            {
                Assert.True(ReferenceEquals(was, n), $"{what}: neighbours of {id}");
            }
        }

        foreach (var group in after.Assignment.Groups)
        {
            if (before.Assignment.Find(group.Event.Id) is { } was && Same(was.Members, group.Members))
            {
                Assert.True(ReferenceEquals(was, group), $"{what}: event {group.Event.Id}");
                Assert.True(ReferenceEquals(before.ByEvent[group.Event.Id], after.ByEvent[group.Event.Id]), $"{what}: event list {group.Event.Id}");
            }
        }
    }

    private static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : class => a.Count == b.Count && a.Zip(b).All(p => ReferenceEquals(p.First, p.Second));

    private static string[] Keys<T>(IReadOnlyDictionary<string, T> d) => d.Keys.Order(StringComparer.Ordinal).ToArray();

    private static void AssertLists(IReadOnlyDictionary<string, IReadOnlyList<Article>> expected, IReadOnlyDictionary<string, IReadOnlyList<Article>> actual, string what)
    {
        Assert.Equal(Keys(expected), Keys(actual));
        Assert.All(expected, kv => Assert.True(Same(kv.Value, actual[kv.Key]), $"{what}: {kv.Key}"));
    }
}
