using System.Text.RegularExpressions;

namespace SiteGen.Normalize;

/// <summary>
/// Keeps the emphasis the converter writes parseable. CommonMark opens <c>*</c> only when it is not
/// squeezed between a letter and punctuation (its flanking rules), so punctuation at the edge of a run
/// moves outside the markers, and two strong runs that meet (<c>**a****b**</c>) become one.
/// Source text never holds an unescaped <c>*</c> (the converter escapes it), so the markers matched
/// here are always the converter's own.
/// </summary>
internal static partial class EmphasisEdges
{
    /// <summary>Punctuation that reads the same inside or outside a run and has no Markdown meaning at an edge.</summary>
    private const string Movable = ",.;:?，。；：、？…—–\"'“”‘’";

    /// <summary>The leading punctuation, the text to emphasize and the trailing punctuation of a run.</summary>
    public static (string Lead, string Core, string Tail) Split(string run)
    {
        var start = 0;
        while (start < run.Length && Movable.Contains(run[start]))
        {
            start++;
        }

        var end = run.Length;
        while (end > start && Movable.Contains(run[end - 1]) && (end - 2 < start || run[end - 2] != '\\'))
        {
            end--;
        }

        // Spaces between the punctuation and the words stay outside too ("Rychlak, *Disinformation*").
        while (start < end && char.IsWhiteSpace(run[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(run[end - 1]))
        {
            end--;
        }

        var core = run[start..end];
        return core.Length == 0 || core.EndsWith('\\') ? ("", "", run) : (run[..start], core, run[end..]);
    }

    /// <summary>
    /// Whether a marker between <paramref name="before"/> and <paramref name="first"/> opens a run:
    /// CommonMark's left-flanking rule, in which a marker followed by punctuation opens only after
    /// a space or punctuation.
    /// </summary>
    public static bool CanOpen(char before, char first) =>
        !IsPunctuation(first) || char.IsWhiteSpace(before) || IsPunctuation(before);

    private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    public static string JoinAdjacentStrong(string text) => text.Contains("****", StringComparison.Ordinal) ? AdjacentStrong().Replace(text, "") : text;

    /// <summary>A closing <c>**</c> right after text and an opening <c>**</c> right before text, with nothing between.</summary>
    [GeneratedRegex(@"(?<=[^\s\\*])\*\*\*\*(?=[^\s*])")]
    private static partial Regex AdjacentStrong();
}
