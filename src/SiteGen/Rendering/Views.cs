namespace SiteGen.Rendering;

// What templates see. Scriban renames members to snake_case (TitleLang → title_lang). Values are plain
// text and are escaped when printed; only RawHtml members (bodies) are printed as they are.

/// <summary>A link: text, address, the text's language when it differs from the UI's, and a count.</summary>
public sealed record LinkView(string Title, string Url, string? Lang = null, int Count = 0, string? Note = null);

/// <summary>An alternate-language address of a page (<c>hreflang</c>).</summary>
public sealed record AlternateView(string Hreflang, string Href);

public sealed record ImageView(string Src, string? Caption, string? Credit);

/// <summary>An article as shown in one UI language.</summary>
public sealed class ArticleView
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    /// <summary>The article's own title, in its own language (<see cref="Lang"/>).</summary>
    public required string Title { get; init; }

    /// <summary>The title in the UI language when the article is in the other one (never machine-made).</summary>
    public string? AltTitle { get; init; }

    public string? AltTitleLang { get; init; }

    /// <summary>What lists show: the UI-language title when there is one, else the own title.</summary>
    public required string ListTitle { get; init; }

    public required string ListTitleLang { get; init; }

    /// <summary>BCP 47 language of the article text.</summary>
    public required string Lang { get; init; }

    public required LinkView Outlet { get; init; }

    public required string DateIso { get; init; }

    public required string DateText { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? Editor { get; init; }

    public ImageView? Image { get; init; }

    public RawHtml Body { get; init; } = new("");

    public string? Summary { get; init; }

    public IReadOnlyList<LinkView> Tags { get; init; } = [];

    public IReadOnlyList<LinkView> Events { get; init; } = [];

    /// <summary>Each event of <see cref="Events"/> with the other outlets' articles on it.</summary>
    public IReadOnlyList<EventCoverageView> Coverage { get; init; } = [];

    public string? OriginalUrl { get; init; }

    public IReadOnlyList<string> Mirrors { get; init; } = [];

    /// <summary>The outlet's article published just before this one.</summary>
    public LinkView? Older { get; init; }

    /// <summary>The outlet's article published just after this one.</summary>
    public LinkView? Newer { get; init; }

    public IReadOnlyList<LinkView> Translations { get; init; } = [];

    /// <summary>Where the article page's language switch leads: a translation in the other UI's language, else that UI's page of the outlet; null in the view of the UI that has no page of it.</summary>
    public string? SwitchUrl { get; init; }
}

/// <summary>One page of a paginated list.</summary>
public sealed class PagerView
{
    public required IReadOnlyList<ArticleView> Items { get; init; }

    public required int Number { get; init; }

    public required int Count { get; init; }

    public required int Total { get; init; }

    public string? PrevUrl { get; init; }

    public string? NextUrl { get; init; }
}

public sealed class EventView
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    public required string Title { get; init; }

    public required string TitleLang { get; init; }

    public string? Summary { get; init; }

    public string? SummaryLang { get; init; }

    public required string DateText { get; init; }

    public required int Count { get; init; }

    /// <summary>How many outlets covered it, and which (in order of their first article, with their counts).</summary>
    public required int OutletCount { get; init; }

    public IReadOnlyList<LinkView> Outlets { get; init; } = [];

    public required string FeedUrl { get; init; }
}

public sealed class OutletView
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    public required string Name { get; init; }

    /// <summary>The name in the other language.</summary>
    public required string OtherName { get; init; }

    public string? Home { get; init; }

    public required int Count { get; init; }

    public required string FeedUrl { get; init; }
}

public sealed class YearView
{
    public required int Year { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    public required int Count { get; init; }

    public required IReadOnlyList<LinkView> Months { get; init; }
}

/// <summary>The page being rendered: its title, addresses, alternates and social metadata.</summary>
public sealed class PageView
{
    public required string Kind { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required string Url { get; init; }

    public string? Canonical { get; init; }

    public IReadOnlyList<AlternateView> Alternates { get; init; } = [];

    /// <summary>The same page in the other UI language.</summary>
    public string? SwitchUrl { get; init; }

    public string? SwitchLang { get; init; }

    public string OgType { get; init; } = "website";

    public string? OgImage { get; init; }

    public string? FeedUrl { get; init; }

    public string? FeedTitle { get; init; }
}

/// <summary>The site as seen from a page in one UI language.</summary>
public sealed class SiteView
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary><c>zh</c> or <c>en</c>: the UI language of this page.</summary>
    public required string Lang { get; init; }

    /// <summary><c>zh-Hans</c> or <c>en</c>, for <c>&lt;html lang&gt;</c> and <c>hreflang</c>.</summary>
    public required string HtmlLang { get; init; }

    public required string OgLocale { get; init; }

    public required string BasePath { get; init; }

    public required string BaseUrl { get; init; }

    public required string HomeUrl { get; init; }

    public required string OutletsUrl { get; init; }

    public required string EventsUrl { get; init; }

    public required string TagsUrl { get; init; }

    public required string ArchiveUrl { get; init; }

    public required string SearchUrl { get; init; }

    public required string FeedUrl { get; init; }

    public required string CssUrl { get; init; }

    public required string IconUrl { get; init; }

    public required string SearchJsUrl { get; init; }

    public required string SearchCssUrl { get; init; }
}
