using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Publishing;

namespace SiteGen.Tests;

/// <summary>Builds the fixture site (tests/SiteGen.Tests/Fixtures/site) with the repository's theme.</summary>
public static class SiteFixture
{
    public static string ContentDir => Path.Combine(TestPaths.Fixtures, "site");

    public static string ThemesDir => Path.Combine(TestPaths.RepoRoot, "themes");

    public static BuildResult Build(string outDir, string? contentDir = null, string? baseUrl = null, bool strict = false) =>
        SiteBuilder.Build(new BuildOptions(contentDir ?? ContentDir, outDir) { ThemesDir = ThemesDir, BaseUrl = baseUrl, Strict = strict });

    /// <summary>A writable copy of the fixture content, for tests that add layouts or break things.</summary>
    public static string CopyContent()
    {
        var target = Path.Combine(TestPaths.NewTempDir(), "content");
        foreach (var file in Directory.EnumerateFiles(ContentDir, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(ContentDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Every file under a folder, by relative path (forward slashes), with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}

/// <summary>The fixture site built once (base URL https://example.org/) and shared by read-only tests.</summary>
public sealed class BuiltSite : IDisposable
{
    public BuiltSite()
    {
        OutDir = Path.Combine(TestPaths.NewTempDir(), "public");
        Result = SiteFixture.Build(OutDir);
        Assert.True(Result.Succeeded, string.Join("\n", Result.Errors));
    }

    public string OutDir { get; }

    public BuildResult Result { get; }

    public string Text(string relativePath) => File.ReadAllText(Path.Combine(OutDir, relativePath));

    public IDocument Page(string relativePath) => SiteFixture.Parse(Text(relativePath));

    public IEnumerable<string> HtmlFiles => Directory.EnumerateFiles(OutDir, "*.html", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(OutDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(OutDir)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BuiltSiteGroup : ICollectionFixture<BuiltSite>
{
    public const string Name = "built fixture site";
}
