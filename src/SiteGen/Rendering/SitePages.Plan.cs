using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>The pages of one UI language, kind by kind, in the order they are planned (and written).</summary>
public sealed partial class SitePages
{
    private IEnumerable<PageJob> ForLanguage(string lang) =>
        [HomePage(lang), .. ArticlePagesOf(lang), .. OutletPages(lang), .. EventPages(lang), .. TagPages(lang), .. ArchivePages(lang),
            Page(lang, "search/", "search", Label(lang, "search")),
            new PageJob($"{lang}/404.html", "404", "base", lang, "404.html", false, () => Vars(lang, "404", null, _text(lang, "notfound.title"), noAlternates: true))];

    private PageJob HomePage(string lang)
    {
        var title = SiteTitle(lang);
        return Page(lang, "", "home", title, vars =>
        {
            vars["latest"] = _model.Articles.Take(_settings.PageSize).Select(a => View(a, lang)).ToArray();
            vars["outlets"] = OutletViews(lang).Where(o => o.Count > 0).ToArray();
            vars["events"] = EventViews(lang).Take(HomeEvents).ToArray();
        }, description: SiteDescription(lang), feed: (Urls.Path($"{lang}/feed.xml"), title));
    }

    // An article's body is published once, in the UI of its own language (ArticleHome).
    private IEnumerable<PageJob> ArticlePagesOf(string lang) =>
        _model.Articles.Where(a => Home(a) == lang).Select(a => View(a, lang))
            .Select(view => ArticlePages?.Get(view, lang, Variables) ?? ArticlePageMemo.Make(view, lang, Variables));

    private IEnumerable<PageJob> OutletPages(string lang)
    {
        yield return Page(lang, "outlets/", "outlets", Label(lang, "outlets"), vars => vars["outlets"] = OutletViews(lang).ToArray());
        foreach (var outlet in PublishedOutlets)
        {
            var view = OutletViews(lang).First(o => o.Id == outlet.Id);
            // The outlet's view is made from the outlet (names, home) and its count (the key's total).
            foreach (var job in Paged(lang, $"outlets/{outlet.Id}/", "outlet", view.Name, _model.ByOutlet[outlet.Id], [outlet], vars => vars["outlet"] = view, (view.FeedUrl, view.Name)))
            {
                yield return job;
            }
        }
    }

    private IEnumerable<PageJob> EventPages(string lang)
    {
        yield return Page(lang, "events/", "events", Label(lang, "events"), vars => vars["events"] = EventViews(lang).ToArray());
        foreach (var e in _model.Events)
        {
            var ev = e;
            var (title, _) = EventTitle(ev, lang);
            // An event page is made from the event (titles, summaries, dates), its report (timeline, lanes,
            // columns) and its articles' views (which name their outlets): these are its key.
            var members = _model.ByEvent.GetValueOrDefault(ev.Id, []);
            var key = new object?[2 + members.Count];
            (key[0], key[1]) = (ev, _model.Reports.GetValueOrDefault(ev.Id));
            for (var i = 0; i < members.Count; i++)
            {
                key[2 + i] = View(members[i], lang);
            }

            yield return Page(lang, $"events/{ev.Id}/", "event", title, vars =>
            {
                vars["event"] = EventView(ev, lang);
                vars["comparison"] = EventPage(ev, lang);
            }, description: EventSummary(ev, lang).Summary, feed: (Urls.Path($"{lang}/events/{ev.Id}/feed.xml"), title), key: new PageKey(key));
        }
    }

    private IEnumerable<PageJob> TagPages(string lang)
    {
        yield return Page(lang, "tags/", "tags", Label(lang, "tags"), vars =>
            vars["tags"] = _model.Tags.OrderByDescending(g => g.Articles.Count).ThenBy(g => g.Slug, StringComparer.Ordinal)
                .Select(g => new LinkView(g.Name, TagUrl(g, lang), Count: g.Articles.Count)).ToArray());
        foreach (var tag in _model.Tags.Where(HasPage))
        {
            var link = new LinkView(tag.Name, TagUrl(tag, lang), Count: tag.Articles.Count);
            foreach (var job in Paged(lang, $"tags/{tag.Slug}/", "tag", tag.Name, tag.Articles, [link], vars => vars["tag"] = link))
            {
                yield return job;
            }
        }
    }

    private IEnumerable<PageJob> ArchivePages(string lang)
    {
        var years = _model.Years.Select(y => YearView(y, lang)).ToArray();
        yield return Page(lang, "archive/", "archive", Label(lang, "archive"), vars => vars["years"] = years);
        foreach (var (year, view) in _model.Years.Zip(years))
        {
            // The year's view is its number, title, URL, count and months (links: title, URL, count).
            object?[] yearKey = [view.Year, view.Title, view.Url, view.Count, .. view.Months];
            foreach (var job in Paged(lang, $"archive/{year.Year:D4}/", "archive_year", view.Title, year.Articles, yearKey, vars => vars["year"] = view))
            {
                yield return job;
            }

            foreach (var month in year.Months)
            {
                var title = Dates.Month(month.Year, month.Month, lang);
                var monthLink = new LinkView(title, Urls.Path($"{lang}/archive/{month.Year:D4}/{month.Month:D2}/"), Count: month.Articles.Count);
                foreach (var job in Paged(lang, $"archive/{month.Year:D4}/{month.Month:D2}/", "archive_month", title, month.Articles, [.. yearKey, monthLink], vars =>
                {
                    vars["year"] = view;
                    vars["month"] = monthLink;
                }))
                {
                    yield return job;
                }
            }
        }
    }

    private PageJob Page(string lang, string suffix, string template, string title, Action<Dictionary<string, object?>>? fill = null, string? description = null, string ogType = "website", string? ogImage = null, (string Url, string Title)? feed = null, object? key = null) =>
        new($"{lang}/{suffix}index.html", template, "base", lang, suffix, true, () =>
        {
            var vars = Vars(lang, template, suffix, title, description: description, ogType: ogType, ogImage: ogImage, feed: feed);
            fill?.Invoke(vars);
            return vars;
        }, key);

    // A list page's variables are made from its title, number, items and what `fill` adds (given as
    // `fillKey`, the parts that determine it): these are its key (PageKey), with the site's settings.
    private IEnumerable<PageJob> Paged(string lang, string suffix, string template, string title, IReadOnlyList<Article> articles, object?[] fillKey, Action<Dictionary<string, object?>>? fill = null, (string Url, string Title)? feed = null)
    {
        var pages = Math.Max(1, (articles.Count + _settings.PageSize - 1) / _settings.PageSize);
        for (var n = 1; n <= pages; n++)
        {
            var number = n;
            var pageSuffix = n == 1 ? suffix : $"{suffix}page/{n}/";
            var pageTitle = n == 1 ? title : $"{title} ({number}/{pages})";
            // The key's parts, then the page's items (their views) at its end: one array, sized up front.
            var first = (number - 1) * _settings.PageSize;
            var count = Math.Max(0, Math.Min(_settings.PageSize, articles.Count - first));
            var key = new object?[6 + fillKey.Length + count];
            (key[0], key[1], key[2], key[3], key[4], key[5]) = (pageTitle, number, pages, articles.Count, feed?.Url, feed?.Title);
            fillKey.CopyTo(key, 6);
            var items = new ArticleView[count];
            for (var i = 0; i < count; i++)
            {
                key[6 + fillKey.Length + i] = items[i] = View(articles[first + i], lang);
            }

            yield return Page(lang, pageSuffix, template, pageTitle, vars =>
            {
                vars["pager"] = new PagerView
                {
                    Items = items,
                    Number = number,
                    Count = pages,
                    Total = articles.Count,
                    PrevUrl = number > 1 ? Urls.Path(lang + "/" + (number == 2 ? suffix : $"{suffix}page/{number - 1}/")) : null,
                    NextUrl = number < pages ? Urls.Path($"{lang}/{suffix}page/{number + 1}/") : null,
                };
                fill?.Invoke(vars);
            }, feed: feed, key: new PageKey(key));
        }
    }
}
