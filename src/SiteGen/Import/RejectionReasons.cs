using System.Text.RegularExpressions;

namespace SiteGen.Import;

/// <summary>
/// Rejections counted by kind for the import's summary (<c>29 no reader recognizes this file's
/// format; 3 no publication date</c>): a reason's kind is its text before the first colon,
/// parenthesis or semicolon, with numbers made one (<c>an index page listing N articles</c>).
/// </summary>
public static partial class RejectionReasons
{
    private const int MaxKindLength = 60;

    public static string KindOf(string reason)
    {
        var end = reason.IndexOfAny([':', '(', ';', '（']);
        var head = (end > 0 ? reason[..end] : reason).Trim();
        head = Number().Replace(head, "N");
        return head.Length > MaxKindLength ? head[..MaxKindLength].TrimEnd() + "…" : head;
    }

    /// <summary>Each kind with its count, the commonest first (ties by name).</summary>
    public static IReadOnlyList<(string Kind, int Count)> Count(IEnumerable<ImportEntry> entries) =>
        entries.Where(e => e.Status == ImportStatus.Rejected)
            .GroupBy(e => KindOf(e.Reason ?? "unknown"), StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(k => k.Item2).ThenBy(k => k.Key, StringComparer.Ordinal)
            .ToArray();

    [GeneratedRegex(@"\d[\d,.]*")]
    private static partial Regex Number();
}
