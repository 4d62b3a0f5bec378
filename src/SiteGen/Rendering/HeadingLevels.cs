using Markdig.Syntax;

namespace SiteGen.Rendering;

/// <summary>
/// A body's headings as levels under the article page's title (its only <c>h1</c>): the body's
/// highest heading becomes <c>h2</c>, and no heading is more than one level below the one before
/// it, so an imported <c>#</c> … <c>###</c> reads <c>h2</c> … <c>h3</c> and the page skips no level
/// (the Nu Html Checker and screen readers' heading lists rely on it). Going back up is always allowed.
/// </summary>
public static class HeadingLevels
{
    private const int Top = 2;
    private const int Deepest = 6;

    public static void Shift(MarkdownDocument document)
    {
        var headings = document.Descendants<HeadingBlock>().ToArray();
        if (headings.Length == 0)
        {
            return;
        }

        var highest = headings.Min(h => h.Level);
        var previous = Top - 1;
        foreach (var heading in headings)
        {
            var level = Math.Min(Math.Min(heading.Level - highest + Top, previous + 1), Deepest);
            heading.Level = level;
            previous = level;
        }
    }
}
