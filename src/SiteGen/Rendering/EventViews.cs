namespace SiteGen.Rendering;

// What the event page's template sees (variable `comparison`), besides `event` (EventView). Built per UI
// language from the EventReport that the link phase computed once per event. Plain text everywhere:
// the template context escapes it when printed.

/// <summary>The event page: timeline, outlets, the terms all articles share and one column per article.</summary>
public sealed class EventPageView
{
    /// <summary>Articles in time order (UTC; a bare date at the end of its day).</summary>
    public required IReadOnlyList<TimelineItemView> Timeline { get; init; }

    /// <summary>Outlets in order of their first article, each with its articles in time order.</summary>
    public required IReadOnlyList<OutletLaneView> Lanes { get; init; }

    /// <summary>Terms every article of the event uses (empty for one article).</summary>
    public required IReadOnlyList<TermView> SharedTerms { get; init; }

    public required IReadOnlyList<EventColumnView> Columns { get; init; }

    /// <summary>CSS class of the comparison grid: <c>cols-1</c> … <c>cols-4</c>, or <c>cols-many</c> (wrapping).</summary>
    public required string Layout { get; init; }
}

/// <summary>One article on the timeline: its position, time as published (with the offset) and in UTC.</summary>
public sealed class TimelineItemView
{
    public required int Number { get; init; }

    public required ArticleView Article { get; init; }

    /// <summary>In-page anchor of the article's column (<c>#a-&lt;id&gt;</c>).</summary>
    public required string Anchor { get; init; }

    /// <summary>ISO 8601 as published (<c>2022-02-04T20:39:00+08:00</c>, or <c>2022-02-04</c>).</summary>
    public required string TimeIso { get; init; }

    /// <summary>The time as published, in the UI language, with its offset; a bare date has no time.</summary>
    public required string TimeText { get; init; }

    /// <summary><c>12:39 UTC</c> for an instant not published in UTC; null otherwise.</summary>
    public string? UtcText { get; init; }

    /// <summary>True when the source gave only a date (it sorts at the end of that day).</summary>
    public required bool DateOnly { get; init; }
}

/// <summary>One outlet's articles on the event, by time: numbers refer to <see cref="TimelineItemView.Number"/>.</summary>
public sealed record OutletLaneView(LinkView Outlet, IReadOnlyList<TimelineItemView> Items);

/// <summary>A term (distinctive or shared) as found in the text, with its count.</summary>
public sealed record TermView(string Text, string Lang, int Count);

/// <summary>A quotation and whom the article attributes it to (null: no attribution found).</summary>
public sealed record QuoteView(string Text, string? Speaker);

/// <summary>One article's column (one card on a phone).</summary>
public sealed class EventColumnView
{
    public required int Number { get; init; }

    /// <summary>The article as shown everywhere (headline in its own language, outlet, date, image, URL).</summary>
    public required ArticleView Article { get; init; }

    /// <summary>Element id of the column, the target of the timeline's in-page links.</summary>
    public required string Id { get; init; }

    public required TimelineItemView Time { get; init; }

    /// <summary>The first paragraph of 20+ characters, in the article's language.</summary>
    public required string Lead { get; init; }

    /// <summary>Length: Han characters and words for a Chinese article, words for an English one.</summary>
    public required int Length { get; init; }

    /// <summary><c>chars</c> (Chinese text) or <c>words</c>: which unit <see cref="Length"/> counts.</summary>
    public required string LengthUnit { get; init; }

    public required IReadOnlyList<TermView> Terms { get; init; }

    public required IReadOnlyList<QuoteView> Quotes { get; init; }

    /// <summary>Sentences long enough to compare, and how many of them have a near match in another article.</summary>
    public required int Sentences { get; init; }

    public required int Matched { get; init; }

    /// <summary>Share of those sentences with a near match, in whole percent.</summary>
    public required int SharePercent { get; init; }
}

/// <summary>On an article page: an event the article is in and the other articles on it (headline, outlet in <see cref="LinkView.Note"/>).</summary>
public sealed record EventCoverageView(LinkView Event, string DateText, IReadOnlyList<LinkView> Others, int Total);
