using SiteGen.Content;
using SiteGen.Model;

namespace SiteGen.Import;

/// <summary>
/// The outlets an import made (<see cref="OutletResolver"/>), finished from their first article in
/// input order (its language, the name in its dateline) and written to <c>content/outlets/</c>: one
/// file per outlet, only for outlets an article was read for, never over an existing file.
/// </summary>
internal static class NewOutlets
{
    public static IReadOnlyList<GeneratedOutlet> Write(OutletResolver resolver, IEnumerable<Article?> read, string contentDir)
    {
        var made = resolver.Generated.ToDictionary(n => n.Outlet.Id, StringComparer.Ordinal);
        var firstArticle = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in read)
        {
            if (article is not null && made.ContainsKey(article.Outlet))
            {
                firstArticle.TryAdd(article.Outlet, article);
            }
        }

        var written = new List<GeneratedOutlet>();
        foreach (var (id, article) in firstArticle.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var outlet = made[id];
            Finish(outlet.Outlet, article);
            if (OutletFile.WriteNew(contentDir, outlet))
            {
                written.Add(new GeneratedOutlet(id, outlet.Origin, OutletFile.RelativePath(id)));
            }
        }

        return written;
    }

    /// <summary>Its language from the article; a name from the article's dateline when the outlet was made from a domain (no byline gave it names).</summary>
    private static void Finish(Outlet outlet, Article article)
    {
        outlet.Lang ??= article.Lang;
        if (outlet.Bylines.Count > 0 || OutletNames.FromDateline(article.Body) is not { } name)
        {
            return;
        }

        if (name.Any(Normalize.Cjk.IsHan))
        {
            outlet.NameZh = name;
        }
        else
        {
            outlet.NameEn = name;
        }
    }
}
