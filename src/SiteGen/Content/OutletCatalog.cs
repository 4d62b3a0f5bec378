using SiteGen.Model;

namespace SiteGen.Content;

/// <summary>
/// The outlets of the archive, looked up by id, by URL host and by byline (feed title, author
/// field). Built once from the shipped catalog and <c>content/outlets/*.yml</c> (see
/// <see cref="OutletStore.Load"/>); immutable afterwards.
/// </summary>
public sealed class OutletCatalog
{
    private readonly Dictionary<string, Outlet> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Outlet> _byDomain = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Outlet> _byByline = new(StringComparer.OrdinalIgnoreCase);

    public OutletCatalog(IEnumerable<Outlet> outlets)
        : this([], outlets)
    {
    }

    /// <summary>
    /// The <paramref name="shipped"/> outlets with the archive's <paramref name="own"/> added: an own
    /// outlet replaces the shipped one of its id, and its domains and bylines win over any shipped
    /// outlet's (the archive's word is the last).
    /// </summary>
    public OutletCatalog(IEnumerable<Outlet> shipped, IEnumerable<Outlet> own)
    {
        var ownList = own.OrderBy(o => o.Id, StringComparer.Ordinal).ToArray();
        var ownIds = ownList.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var kept = shipped.Where(o => !ownIds.Contains(o.Id)).OrderBy(o => o.Id, StringComparer.Ordinal).ToArray();
        Index(kept);
        Index(ownList);
        All = kept.Concat(ownList).OrderBy(o => o.Id, StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<Outlet> All { get; }

    private void Index(IEnumerable<Outlet> outlets)
    {
        foreach (var outlet in outlets)
        {
            _byId[outlet.Id] = outlet;
            foreach (var domain in outlet.Domains)
            {
                _byDomain[domain.Trim()] = outlet;
            }

            foreach (var byline in outlet.Bylines.Append(outlet.NameZh).Append(outlet.NameEn))
            {
                _byByline[byline.Trim()] = outlet;
            }
        }
    }

    public Outlet? ById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The outlet whose domain is the URL's host or a parent of it (<c>www.</c>, <c>cn.</c> …).</summary>
    public Outlet? ByUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host;
        while (host.Length > 0)
        {
            if (_byDomain.TryGetValue(host, out var outlet))
            {
                return outlet;
            }

            var dot = host.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                break;
            }

            host = host[(dot + 1)..];
        }

        return null;
    }

    public Outlet? ByByline(string? byline) =>
        byline is null ? null : _byByline.GetValueOrDefault(byline.Trim());
}
