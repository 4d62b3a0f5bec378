using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Markdig;
using SiteGen.Content;
using SiteGen.Import;
using SiteGen.Model;
using SiteGen.Normalize;
using SiteGen.Sources;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// What the hostile-input tests share: a scratch workspace, the importer, and the checks every
/// article that gets in must pass (safe ids and paths, no markup from the source, re-readable).
/// </summary>
public static partial class HostileKit
{
    public static string Dir => Path.Combine(TestPaths.Fixtures, "hostile");

    public static OutletCatalog Outlets { get; } = OutletStore.Load(TestPaths.Content);

    public static ReaderContext Context { get; } = new(Outlets);

    private static readonly MarkdownPipeline Figures = new MarkdownPipelineBuilder().UseFigures().Build();

    /// <summary>Elements that must never come out of a body; the site adds its own scripts, never the sources.</summary>
    private static readonly string[] ActiveElements =
        ["script", "iframe", "object", "embed", "style", "svg", "math", "form", "input", "base", "link", "meta", "frame", "frameset", "applet", "template", "noscript"];

    /// <summary>A new workspace: an empty content folder (with the archive's outlets) and an inbox.</summary>
    public static (string Content, string Inbox) NewWorkspace()
    {
        var (content, inbox) = TestPaths.NewImportWorkspace();
        Directory.CreateDirectory(Path.Combine(content, "outlets"));
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Content, "outlets"), "*.yml"))
        {
            File.Copy(file, Path.Combine(content, "outlets", Path.GetFileName(file)));
        }

        return (content, inbox);
    }

    public static ImportResult Import(string content, params string[] inputs) =>
        new Importer(SourceReaders.Default, Outlets).Import(inputs, new ImportOptions(content));

    /// <summary>Reads bytes as the importer does (decode, sniff, read, rules, safety), without its catch-all.</summary>
    public static Article ReadBytes(byte[] bytes, string name = "input.txt") =>
        Importer.ReadDocument(name, bytes, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), SourceReaders.Default, Context).Article;

    /// <summary>Every invariant an imported article keeps, whatever its source held.</summary>
    public static void AssertSafe(Article a, string? contentDir = null)
    {
        Assert.Matches(Name(), a.Outlet);
        Assert.Matches(Name(), a.Id);
        Assert.StartsWith(a.Outlet + "-", a.Id, StringComparison.Ordinal);
        Assert.InRange(a.Slug.Length, 1, ArticleIds.MaxSlugLength);
        Assert.InRange(a.Outlet.Length, 1, ArticleIds.MaxSlugLength);

        var relative = ArticleStore.RelativePath(a);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentDir ?? Path.Combine(Path.GetTempPath(), "content")));
        Assert.StartsWith(root + Path.DirectorySeparatorChar, Path.GetFullPath(Path.Combine(root, relative)), StringComparison.Ordinal);
        Assert.Matches(@"^articles/[a-z0-9-]+/\d{4}/[a-z0-9-]+\.md$", relative);

        Assert.Null(MarkdownSafety.Check(a.Body));
        AssertNoActiveHtml(Markdown.ToHtml(a.Body, Figures));
        foreach (var url in a.Mirrors.Append(a.Url).Append(a.Image?.Src).OfType<string>())
        {
            Assert.Matches("^https?://", url);
        }

        Assert.False(string.IsNullOrWhiteSpace(a.Title));
        var text = ArticleFile.Write(a);
        Assert.Equal(text, ArticleFile.Write(ArticleFile.Parse(text)));
    }

    /// <summary>
    /// The no-injection scan of rendered HTML (what the site's page scan will do for whole pages): no
    /// active element, no event-handler attribute, no URL attribute with a scheme other than
    /// http(s)/mailto, no inline style.
    /// </summary>
    public static void AssertNoActiveHtml(string html)
    {
        var body = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ActiveElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} in {html}");
                Assert.NotEqual("style", attribute.Name);
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "poster" or "background" or "xlink:href")
                {
                    Assert.True(MarkdownSafety.IsSafeUrl(attribute.Value), $"{attribute.Name}=\"{attribute.Value}\" in {html}");
                }

                if (attribute.Name == "srcset")
                {
                    Assert.All(attribute.Value.Split(','), c => Assert.True(MarkdownSafety.IsSafeUrl(c.Trim().Split(' ')[0])));
                }
            }
        }

        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
    }

    /// <summary><c>sitegen check</c> finds nothing wrong.</summary>
    public static void AssertCheckClean(string content)
    {
        var problems = ArchiveChecker.Check(content);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.Message)));
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Name();
}
