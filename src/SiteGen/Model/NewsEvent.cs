namespace SiteGen.Model;

/// <summary>
/// A happening that several outlets covered (<c>content/events/&lt;id&gt;.yml</c>): a date or date range,
/// titles and summaries in both languages. Articles join it by listing its id under <c>events:</c>.
/// </summary>
public sealed class NewsEvent
{
    public required string Id { get; set; }

    /// <summary>First (or only) day, <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Last day of a range, when the event spans several days.</summary>
    public DateOnly? End { get; set; }

    public string? TitleZh { get; set; }

    public string? TitleEn { get; set; }

    public string? SummaryZh { get; set; }

    public string? SummaryEn { get; set; }

    /// <summary>True when no file defines the event and it exists only because articles name it.</summary>
    public bool Implicit { get; set; }
}
