using System.Globalization;

namespace SiteGen.Model;

/// <summary>
/// When one copy of a story was last changed, by every signal its raw file gives, best first:
/// <list type="number">
/// <item><c>page</c>: the last change the page itself states — its updated time (a VOA page's <c>最后更新</c>,
///   a Hexo post's <c>updated</c>), else its publication time when that has a time of day (a page
///   timestamp, a feed item's date): a copy never updated was last changed when it was published;</item>
/// <item><c>fetched</c>: the time the dump says the copy was taken (an RSS dump's <c>&lt;!--ms--&gt;</c> crawl stamp);</item>
/// <item><c>file</c>: the raw file's last-modified time where it was imported from;</item>
/// <item><c>published</c>: the article's publication date (a later one is a later version).</item>
/// </list>
/// Two copies are compared on the signals both have (see <see cref="Import.Versions"/>): an outlet's
/// own clock says more than a crawler's, and a crawler's more than a file system's, which a checkout
/// or a copy resets.
/// </summary>
public sealed record VersionTime(DateTimeOffset? Page = null, DateTimeOffset? Fetched = null, DateTimeOffset? File = null)
{
    /// <summary>The signals in rank order, by name, null where the copy has none.</summary>
    public IEnumerable<(string Name, DateTimeOffset? At)> Signals()
    {
        yield return ("page", Page);
        yield return ("fetched", Fetched);
        yield return ("file", File);
    }

    /// <summary>A signal as the report and the manifest write it: UTC, to the second.</summary>
    public static string Format(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
