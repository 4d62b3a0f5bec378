using SiteGen.Model;

namespace SiteGen.Content;

/// <summary>
/// The outlet of a read article: the catalog's (<see cref="OutletCatalog"/>) when it knows the URL's
/// domain or the byline, else a new one made from them (<see cref="Generated"/>), so an unknown
/// outlet never costs an article. Safe to call from the readers' threads: every URL or byline that
/// gives one id gives the same outlet, which lists all their domains and bylines.
/// </summary>
public sealed class OutletResolver(OutletCatalog catalog)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, NewOutlet> _created = new(StringComparer.Ordinal);

    public OutletCatalog Catalog => catalog;

    /// <summary>The outlets made so far, by id.</summary>
    public IReadOnlyList<NewOutlet> Generated
    {
        get
        {
            lock (_gate)
            {
                return _created.Values.OrderBy(n => n.Outlet.Id, StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>The outlet of an article at <paramref name="url"/>; null only when the URL has no host.</summary>
    public Outlet? ByUrl(string? url)
    {
        if (catalog.ByUrl(url) is { } known)
        {
            return known;
        }

        if (OutletDomains.HostOf(url) is not { } host)
        {
            return null;
        }

        var domain = OutletDomains.Registrable(host);
        var id = FreeId(OutletDomains.IdOf(domain), OutletDomains.SuffixOf(domain));
        var home = $"{new Uri(url!.Trim()).Scheme}://{host}/";
        lock (_gate)
        {
            var made = Made(id, () => (domain, domain));
            made.AddDomain(domain, host, home);
            return made.Outlet;
        }
    }

    /// <summary>The outlet a byline names; null when the byline cannot be an outlet's name (empty, a path, markup).</summary>
    public Outlet? ByByline(string? byline)
    {
        if (catalog.ByByline(byline) is { } known)
        {
            return known;
        }

        if (!OutletNames.IsUsableByline(byline))
        {
            return null;
        }

        var trimmed = byline!.Trim();
        var id = FreeId(OutletNames.IdFromByline(trimmed), "");
        lock (_gate)
        {
            var made = Made(id, () => OutletNames.FromByline(trimmed));
            made.AddByline(trimmed);
            return made.Outlet;
        }
    }

    private NewOutlet Made(string id, Func<(string Zh, string En)> names)
    {
        if (!_created.TryGetValue(id, out var made))
        {
            var (zh, en) = names();
            made = new NewOutlet(new Outlet { Id = id, NameZh = zh, NameEn = en, Generated = true });
            _created[id] = made;
        }

        return made;
    }

    /// <summary>
    /// <paramref name="id"/> when no outlet of the catalog has it; else the id with the domain's suffix
    /// (<c>reuterscouk</c>), then a number: an unknown domain is never filed under another outlet.
    /// </summary>
    private string FreeId(string id, string suffix)
    {
        if (id.Length == 0)
        {
            id = "outlet";
        }

        if (catalog.ById(id) is null)
        {
            return id;
        }

        var candidate = id + suffix;
        for (var n = 2; candidate == id || catalog.ById(candidate) is not null; n++)
        {
            candidate = $"{id}{suffix}{n}";
        }

        return candidate;
    }
}

/// <summary>An outlet made by <see cref="OutletResolver"/>, with where it was seen (the hosts and bylines).</summary>
public sealed class NewOutlet(Outlet outlet)
{
    private readonly SortedSet<string> _hosts = new(StringComparer.Ordinal);

    public Outlet Outlet { get; } = outlet;

    /// <summary>What the outlet was made from, for the report: its first host (<c>www.example-news.org</c>) or byline.</summary>
    public string Origin => _hosts.Count > 0 ? _hosts.Min! : $"the byline '{Outlet.Bylines.FirstOrDefault()}'";

    internal void AddDomain(string domain, string host, string home)
    {
        if (!Outlet.Domains.Contains(domain, StringComparer.Ordinal))
        {
            Outlet.Domains.Add(domain);
            Outlet.Domains.Sort(StringComparer.Ordinal);
        }

        if (_hosts.Add(host) && _hosts.Min == host)
        {
            Outlet.Home = home;
        }
    }

    internal void AddByline(string byline)
    {
        if (!Outlet.Bylines.Contains(byline, StringComparer.Ordinal))
        {
            Outlet.Bylines.Add(byline);
            Outlet.Bylines.Sort(StringComparer.Ordinal);
        }
    }
}
