using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Normalize;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// The no-injection scan of a whole built site: every HTML page parsed with AngleSharp, and the HTML
/// inside every Atom entry. What a page may hold is what the theme writes, nothing a source controls.
/// </summary>
public static class SiteScan
{
    /// <summary>Elements that never belong in a page (the root redirect's refresh is checked apart).</summary>
    private static readonly string[] Forbidden =
        ["iframe", "object", "embed", "base", "frame", "frameset", "applet", "style", "svg", "math", "template", "portal", "fencedframe"];

    private static readonly string[] UrlAttributes =
        ["href", "src", "action", "formaction", "poster", "background", "xlink:href", "data", "cite", "codebase", "ping", "manifest", "icon", "lowsrc", "dynsrc"];

    /// <summary>Scans every page and feed under <paramref name="siteDir"/>; returns (pages, feeds) scanned. Fails with every problem found.</summary>
    public static (int Pages, int Feeds) AssertSiteSafe(string siteDir, string basePath = "/")
    {
        var problems = new List<string>();
        var pages = Directory.EnumerateFiles(siteDir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var parser = new HtmlParser();
        foreach (var file in pages)
        {
            var relative = Path.GetRelativePath(siteDir, file).Replace('\\', '/');
            problems.AddRange(PageProblems(parser, File.ReadAllText(file), relative, basePath).Select(p => $"/{relative}: {p}"));
        }

        var feeds = Directory.EnumerateFiles(siteDir, "*.xml", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) == "feed.xml").ToArray();
        foreach (var feed in feeds)
        {
            var relative = Path.GetRelativePath(siteDir, feed).Replace('\\', '/');
            XNamespace atom = "http://www.w3.org/2005/Atom";
            var document = XDocument.Load(feed);
            foreach (var link in document.Descendants(atom + "link"))
            {
                if (!MarkdownSafety.IsSafeUrl((string?)link.Attribute("href")))
                {
                    problems.Add($"/{relative}: feed link {(string?)link.Attribute("href")}");
                }
            }

            foreach (var html in document.Descendants().Where(e => (string?)e.Attribute("type") == "html"))
            {
                problems.AddRange(FragmentProblems(parser, html.Value).Select(p => $"/{relative}: entry HTML: {p}"));
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join("\n", problems.Take(60)));
        return (pages.Length, feeds.Length);
    }

    public static IEnumerable<string> PageProblems(HtmlParser parser, string html, string relative, string basePath)
    {
        using var document = parser.ParseDocument(html);
        var isRedirect = relative == "index.html";

        // A CSP that forbids inline and third-party scripts, first thing in <head>.
        var csp = document.Head?.QuerySelectorAll("meta").FirstOrDefault(m => string.Equals(m.GetAttribute("http-equiv"), "Content-Security-Policy", StringComparison.OrdinalIgnoreCase));
        if (csp is null)
        {
            yield return "no Content-Security-Policy meta in <head>";
        }
        else
        {
            foreach (var problem in CspProblems(csp.GetAttribute("content") ?? ""))
            {
                yield return problem;
            }

            if (document.Head!.QuerySelectorAll("script, link[rel~=stylesheet]").Any(e => e.CompareDocumentPosition(csp).HasFlag(DocumentPositions.Following)))
            {
                yield return "the CSP meta comes after a script or style sheet";
            }
        }

        if (document.QuerySelectorAll("meta[http-equiv]").Count(m => string.Equals(m.GetAttribute("http-equiv"), "Content-Security-Policy", StringComparison.OrdinalIgnoreCase)) > 1)
        {
            yield return "more than one CSP meta";
        }

        foreach (var element in document.All)
        {
            foreach (var problem in ElementProblems(element, isRedirect, basePath))
            {
                yield return problem;
            }
        }

        foreach (var comment in document.Descendants<IComment>())
        {
            yield return $"HTML comment <!--{Short(comment.Data)}-->";
        }
    }

    /// <summary>Escaped HTML carried as text (an Atom entry body): the same rules, no script at all.</summary>
    public static IEnumerable<string> FragmentProblems(HtmlParser parser, string html)
    {
        using var document = parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            if (element.LocalName == "script")
            {
                yield return "script element";
            }

            foreach (var problem in ElementProblems(element, false, "/"))
            {
                yield return problem;
            }
        }

        foreach (var comment in document.Descendants<IComment>())
        {
            yield return $"HTML comment <!--{Short(comment.Data)}-->";
        }
    }

    private static IEnumerable<string> ElementProblems(IElement element, bool isRedirect, string basePath)
    {
        var tag = element.LocalName;
        if (Forbidden.Contains(tag))
        {
            yield return $"<{tag}> element";
        }

        if (tag == "script")
        {
            var src = element.GetAttribute("src");
            if (src is null || !src.StartsWith(basePath + "assets/search.js", StringComparison.Ordinal) || element.TextContent.Trim().Length > 0)
            {
                yield return $"script other than our own search.js: <script src=\"{src}\">{Short(element.TextContent)}";
            }
        }

        if (tag == "meta")
        {
            var equiv = element.GetAttribute("http-equiv");
            if (equiv is not null && !string.Equals(equiv, "Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            {
                var content = element.GetAttribute("content") ?? "";
                var ownRefresh = isRedirect && string.Equals(equiv, "refresh", StringComparison.OrdinalIgnoreCase)
                    && content.StartsWith("0; url=" + basePath, StringComparison.Ordinal) && MarkdownSafety.IsSafeUrl(content["0; url=".Length..]);
                if (!ownRefresh)
                {
                    yield return $"<meta http-equiv=\"{equiv}\" content=\"{Short(content)}\">";
                }
            }

            if (element.GetAttribute("property") is "og:url" or "og:image" && !IsHttp(element.GetAttribute("content")))
            {
                yield return $"{element.GetAttribute("property")} is not http(s): {element.GetAttribute("content")}";
            }
        }

        if (tag == "link" && element.GetAttribute("rel") is { } rel && (rel.Contains("stylesheet", StringComparison.OrdinalIgnoreCase) || rel.Contains("icon", StringComparison.OrdinalIgnoreCase) || rel.Contains("import", StringComparison.OrdinalIgnoreCase) || rel.Contains("preload", StringComparison.OrdinalIgnoreCase))
            && element.GetAttribute("href") is { } linkHref && !linkHref.StartsWith(basePath + "assets/", StringComparison.Ordinal))
        {
            yield return $"<link rel=\"{rel}\"> not from our assets: {linkHref}";
        }

        if (tag == "form" && !(element.GetAttribute("action") ?? "").StartsWith(basePath, StringComparison.Ordinal))
        {
            yield return $"form posting elsewhere: {element.GetAttribute("action")}";
        }

        foreach (var attribute in element.Attributes)
        {
            var name = attribute.Name.ToLowerInvariant();
            if (name.StartsWith("on", StringComparison.Ordinal))
            {
                yield return $"event handler {attribute.Name} on <{tag}>";
            }

            if (name == "style")
            {
                yield return $"inline style on <{tag}>: {Short(attribute.Value)}";
            }

            if (name == "srcdoc")
            {
                yield return $"srcdoc on <{tag}>";
            }

            if (UrlAttributes.Contains(name) && !MarkdownSafety.IsSafeUrl(attribute.Value))
            {
                yield return $"{name}=\"{Short(attribute.Value)}\" on <{tag}>";
            }

            if (name is "srcset" or "imagesrcset")
            {
                foreach (var candidate in attribute.Value.Split(','))
                {
                    if (!MarkdownSafety.IsSafeUrl(candidate.Trim().Split(' ')[0]))
                    {
                        yield return $"{name} candidate {Short(candidate)} on <{tag}>";
                    }
                }
            }
        }
    }

    /// <summary>What the policy must say: scripts only from the site, no inline or eval, no plugins, no base.</summary>
    public static IEnumerable<string> CspProblems(string policy)
    {
        var directives = policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(d => d[0].ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First()[1..], StringComparer.Ordinal);
        var scripts = directives.GetValueOrDefault("script-src") ?? directives.GetValueOrDefault("default-src");
        if (scripts is null)
        {
            yield return "CSP without script-src or default-src";
            yield break;
        }

        foreach (var source in scripts)
        {
            if (source is not ("'self'" or "'none'"))
            {
                yield return $"CSP script-src allows {source}";
            }
        }

        if (directives.GetValueOrDefault("object-src") is not ["'none'"])
        {
            yield return "CSP object-src is not 'none'";
        }

        if (directives.GetValueOrDefault("base-uri") is not ["'none'"])
        {
            yield return "CSP base-uri is not 'none'";
        }

        if (directives.GetValueOrDefault("default-src") is not (["'self'"] or ["'none'"]))
        {
            yield return "CSP default-src is not 'self'";
        }
    }

    private static bool IsHttp(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static string Short(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
