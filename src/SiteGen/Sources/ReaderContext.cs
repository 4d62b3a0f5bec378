using SiteGen.Content;
using SiteGen.Sources.Dates;

namespace SiteGen.Sources;

/// <summary>
/// What a reader may consult besides the file itself: the outlets (those of the catalog, and the
/// ones made for domains and bylines nobody described: see <see cref="OutletResolver"/>), and the
/// date stamps of the file's neighbours (for a page that gives only a month and day).
/// </summary>
public sealed record ReaderContext(OutletCatalog Catalog)
{
    public OutletResolver Outlets { get; } = new(Catalog);

    public FolderDates Folders { get; } = new();
}
