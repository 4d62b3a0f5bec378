using SiteGen.Content;

namespace SiteGen.Events;

/// <summary>
/// The placeholders <c>sitegen events suggest --write</c> leaves in a draft (<c>TODO: English title</c>,
/// <c>待填</c>) still standing in an event that was moved into <c>content/events/</c>: a warning of the
/// build, an error of <c>--strict</c> (the Pages workflow) and of <c>sitegen check</c>, so a page never
/// publishes them silently.
/// </summary>
public static class EventPlaceholders
{
    /// <summary>How the suggester's placeholders begin (see <see cref="EventSuggester"/>).</summary>
    public static readonly string[] Markers = ["TODO", "待填"];

    public static IEnumerable<ContentException> Find(EventDefinition e, string contentDir)
    {
        (string Field, string? Value)[] fields = [("title_zh", e.TitleZh), ("title_en", e.TitleEn), ("summary_zh", e.SummaryZh), ("summary_en", e.SummaryEn)];
        string[]? lines = null;
        foreach (var (field, value) in fields)
        {
            if (value is not null && Markers.Any(m => value.TrimStart().StartsWith(m, StringComparison.Ordinal)))
            {
                lines ??= ReadLines(Path.Combine(contentDir, e.Path));
                var line = Array.FindIndex(lines, l => l.StartsWith(field + ":", StringComparison.Ordinal)) + 1;
                yield return new ContentException(e.Path, line, $"{field} is still the placeholder '{value.Trim()}' that events suggest --write left: write it before publishing");
            }
        }
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return []; // the message then has no line
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
