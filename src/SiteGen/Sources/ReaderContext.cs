using SiteGen.Content;

namespace SiteGen.Sources;

/// <summary>What a reader may consult besides the file itself: the outlets known to the archive.</summary>
public sealed record ReaderContext(OutletCatalog Outlets);
