using SiteGen.Content;
using SiteGen.Sources.Dates;

namespace SiteGen.Sources;

/// <summary>
/// What a reader may consult besides the file itself: the outlets known to the archive, and the
/// date stamps of the file's neighbours (for a page that gives only a month and day).
/// </summary>
public sealed record ReaderContext(OutletCatalog Outlets)
{
    public FolderDates Folders { get; } = new();
}
