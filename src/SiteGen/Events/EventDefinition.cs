namespace SiteGen.Events;

/// <summary>
/// One news event as written in <c>content/events/&lt;id&gt;.yml</c>: a happening on a date (or over a
/// date range), titles and summaries in both UI languages, and the rules that pick its articles.
/// </summary>
public sealed class EventDefinition
{
    /// <summary>Lowercase ASCII id (letters, digits, hyphens), equal to the file name.</summary>
    public required string Id { get; init; }

    /// <summary>First day of the event (equal to <see cref="End"/> for a one-day event).</summary>
    public required DateOnly Start { get; init; }

    /// <summary>Last day of the event.</summary>
    public required DateOnly End { get; init; }

    public required string TitleZh { get; init; }

    public required string TitleEn { get; init; }

    public string? SummaryZh { get; init; }

    public string? SummaryEn { get; init; }

    /// <summary>The rules that add articles without an <c>events:</c> entry; null when only front matter counts.</summary>
    public EventRules? Match { get; init; }

    /// <summary>Where the event was read from (relative to the content folder), for messages.</summary>
    public string Path { get; init; } = "";

    /// <summary>True for a one-day event (<c>date:</c>), false for a range (<c>start:</c>/<c>end:</c>).</summary>
    public bool IsSingleDay => Start == End;
}

/// <summary>
/// Match rules of an event. An article matches when its outlet is listed (or no outlet is), its date is
/// within <see cref="WindowDays"/> days of the event's dates, every <see cref="All"/> keyword and at
/// least one <see cref="Any"/> keyword (when there are any) occurs in its title or text. A keyword may
/// list spellings separated by <c>|</c> (<c>普京|普丁|Putin</c>): one of them is enough. Latin
/// letters compare without case; Chinese compares exactly.
/// </summary>
public sealed class EventRules
{
    /// <summary>Default date window: an article up to this many days before the start or after the end.</summary>
    public const int DefaultWindowDays = 3;

    public IReadOnlyList<string> Any { get; init; } = [];

    public IReadOnlyList<string> All { get; init; } = [];

    /// <summary>Outlet ids; empty means every outlet.</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];

    public int WindowDays { get; init; } = DefaultWindowDays;
}
