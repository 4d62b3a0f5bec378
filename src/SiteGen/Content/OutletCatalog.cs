using SiteGen.Model;

namespace SiteGen.Content;

/// <summary>
/// The outlets of the archive, looked up by id, by URL host and by byline (feed title, author
/// field). Built once from <c>content/outlets/*.yml</c>; immutable afterwards.
/// </summary>
public sealed class OutletCatalog
{
    private readonly Dictionary<string, Outlet> _byId;
    private readonly Dictionary<string, Outlet> _byDomain;
    private readonly Dictionary<string, Outlet> _byByline;

    public OutletCatalog(IEnumerable<Outlet> outlets)
    {
        All = outlets.OrderBy(o => o.Id, StringComparer.Ordinal).ToArray();
        _byId = new(StringComparer.Ordinal);
        _byDomain = new(StringComparer.OrdinalIgnoreCase);
        _byByline = new(StringComparer.OrdinalIgnoreCase);
        foreach (var outlet in All)
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

    public IReadOnlyList<Outlet> All { get; }

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
