using System.Collections.Concurrent;
using AngleSharp.Html.Parser;
using SiteGen.Rendering;

namespace SiteGen.Publishing;

/// <summary>
/// Checks every page of the finished site before it is swapped in: each internal link and asset
/// (<c>href</c>, <c>src</c>, <c>srcset</c>, form <c>action</c>, absolute links under the base URL) must
/// name a file of the output; nothing but article images may load from a third party, and those only
/// lazily without a referrer; no element may carry an inline script or an event handler attribute.
/// Each problem names the page and the link.
/// </summary>
public static class LinkChecker
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "poster", "data"];

    public static IReadOnlyList<string> Check(StagingFolder staging, SiteUrls urls)
    {
        var files = new HashSet<string>(staging.Files.Keys, StringComparer.Ordinal);
        var pages = staging.Files.Keys.Where(f => f.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var problems = new ConcurrentBag<(string Page, string Problem)>();
        Parallel.ForEach(pages, () => new HtmlParser(), (page, _, parser) =>
        {
            using var document = parser.ParseDocument(File.ReadAllText(staging.FullPath(page)));
            foreach (var element in document.All)
            {
                var tag = element.LocalName;
                if (tag == "script" && !element.HasAttribute("src"))
                {
                    problems.Add((page, "inline <script> element"));
                }

                foreach (var attribute in element.Attributes)
                {
                    if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add((page, $"event handler attribute {attribute.Name} on <{tag}>"));
                    }
                }

                var links = UrlAttributes.Select(element.GetAttribute).OfType<string>();
                if (element.GetAttribute("srcset") is { } srcset)
                {
                    links = links.Concat(srcset.Split(',').Select(c => c.Trim().Split(' ')[0]));
                }

                var isMeta = tag == "meta" && element.GetAttribute("property") is "og:url" or "og:image";
                if (isMeta && element.GetAttribute("content") is { } content)
                {
                    links = links.Append(content);
                }

                foreach (var link in links)
                {
                    if (Problem(link, page, tag, element, files, urls) is { } problem)
                    {
                        problems.Add((page, problem));
                    }
                }
            }

            return parser;
        }, _ => { });
        return problems.Distinct()
            .OrderBy(p => p.Page, StringComparer.Ordinal).ThenBy(p => p.Problem, StringComparer.Ordinal)
            .Select(p => $"/{p.Page}: {p.Problem}")
            .ToArray();
    }

    private static string? Problem(string link, string page, string tag, AngleSharp.Dom.IElement element, HashSet<string> files, SiteUrls urls)
    {
        link = link.Trim();
        if (link.Length == 0 || link.StartsWith('#') || link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || link.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? sitePath;
        if (link.StartsWith(urls.BaseUrl, StringComparison.Ordinal))
        {
            sitePath = link[urls.BaseUrl.Length..];
        }
        else if (link.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(link, UriKind.Absolute, out var abs) && abs.Scheme is not "file")
        {
            // Third party: a plain link is fine; anything that loads when the page opens is not,
            // except an article image that loads lazily and sends no referrer.
            var loads = tag is "img" or "script" or "iframe" or "source" or "video" or "audio" or "embed" or "object" or "input"
                || (tag == "link" && element.GetAttribute("rel") is { } rel && !rel.Contains("alternate", StringComparison.Ordinal) && !rel.Contains("canonical", StringComparison.Ordinal));
            if (!loads || element.GetAttribute("href") == link && tag == "a")
            {
                return null;
            }

            var allowed = tag == "img" && element.GetAttribute("loading") == "lazy" && element.GetAttribute("referrerpolicy") == "no-referrer";
            return allowed ? null : $"third-party request from <{tag}>: {link}";
        }
        else if (link.StartsWith('/'))
        {
            if (!link.StartsWith(urls.BasePath, StringComparison.Ordinal))
            {
                return $"broken link (outside the base path {urls.BasePath}): {link}";
            }

            sitePath = link[urls.BasePath.Length..];
        }
        else
        {
            var pageDir = page.Contains('/', StringComparison.Ordinal) ? page[..(page.LastIndexOf('/') + 1)] : "";
            sitePath = pageDir + link;
        }

        var cut = sitePath.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            sitePath = sitePath[..cut];
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(sitePath);
        }
        catch (UriFormatException)
        {
            return $"broken link (bad percent-encoding): {link}";
        }

        var normalized = Normalize(decoded);
        if (normalized is null)
        {
            return $"broken link (leaves the site): {link}";
        }

        var found = normalized.Length == 0 || normalized.EndsWith('/')
            ? files.Contains(normalized + "index.html")
            : files.Contains(normalized) || files.Contains(normalized + "/index.html");
        return found ? null : $"broken link: {link}";
    }

    /// <summary>Resolves <c>.</c> and <c>..</c> segments; null when the path climbs above the site.</summary>
    private static string? Normalize(string path)
    {
        var parts = new List<string>();
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (s != "." && (s.Length > 0 || i == segments.Length - 1))
            {
                parts.Add(s);
            }
        }

        return string.Join('/', parts);
    }
}
