namespace SiteGen.Model;

/// <summary>
/// A news outlet (<c>content/outlets/&lt;id&gt;.yml</c>): names in both languages, home page, and the
/// domains and bylines that identify its articles in raw sources.
/// </summary>
public sealed class Outlet
{
    public required string Id { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public string? Home { get; set; }

    /// <summary>Host names (without <c>www.</c>) whose URLs belong to this outlet.</summary>
    public List<string> Domains { get; set; } = [];

    /// <summary>Names a source uses for the outlet (feed titles, author fields, datelines).</summary>
    public List<string> Bylines { get; set; } = [];

    /// <summary>The outlet's usual language, used only when the text itself does not tell.</summary>
    public string? Lang { get; set; }

    /// <summary>
    /// Written by <c>sitegen import</c> for an outlet nobody described, from what its files said (the
    /// domain, a byline, a dateline): its names are guesses for a person to check. Only a note.
    /// </summary>
    public bool Generated { get; set; }
}
