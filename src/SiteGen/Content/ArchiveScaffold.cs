namespace SiteGen.Content;

/// <summary>
/// <c>sitegen init</c>: the files of a new archive repository (site.yml, outlets/, events/, README,
/// .gitignore, the GitHub Pages workflow, the tool manifest that pins sitegen, and a package folder of
/// the archive's own that <c>nuget.config</c> names, so the pinned tool restores without a feed). Never overwrites a
/// file that exists: what the archivist wrote stays theirs.
/// </summary>
public static class ArchiveScaffold
{
    /// <summary>What <see cref="Write"/> did: files written anew and existing files it left as they were (paths relative to the folder, with <c>/</c>).</summary>
    public sealed record Outcome(IReadOnlyList<string> Written, IReadOnlyList<string> Kept);

    /// <summary>The scaffold's files, relative path (with <c>/</c>) → text. <paramref name="toolVersion"/> is the sitegen version the manifest pins.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Files(string toolVersion) =>
    [
        new("content/site.yml", ScaffoldTexts.SiteYml),
        new("content/outlets/README.md", ScaffoldTexts.OutletsReadme),
        new("content/events/README.md", ScaffoldTexts.EventsReadme),
        new("README.md", ScaffoldTexts.Readme),
        new(".gitignore", ScaffoldTexts.GitIgnore),
        new(".github/workflows/pages.yml", ScaffoldTexts.PagesWorkflow),
        new(".config/dotnet-tools.json", ScaffoldTexts.ToolManifest(toolVersion)),
        new("nuget.config", ScaffoldTexts.NuGetConfig),
        new(".sitegen/packages/README.md", ScaffoldTexts.PackagesReadme(toolVersion)),
    ];

    /// <summary>Whether <paramref name="dir"/> is missing or holds nothing (init refuses other folders unless forced).</summary>
    public static bool IsEmptyOrMissing(string dir) => !Directory.Exists(dir) || !Directory.EnumerateFileSystemEntries(dir).Any();

    /// <summary>
    /// Writes the scaffold into <paramref name="dir"/> (created when missing); with <paramref name="themeSource"/>
    /// also copies that theme folder to <c>themes/default</c>, where the build looks first.
    /// </summary>
    public static Outcome Write(string dir, string toolVersion, string? themeSource = null)
    {
        var written = new List<string>();
        var kept = new List<string>();
        var files = Files(toolVersion).ToList();
        if (themeSource is not null)
        {
            files.AddRange(ThemeFiles(themeSource));
        }

        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(dir, relative.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(path) || Directory.Exists(path))
            {
                kept.Add(relative);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            written.Add(relative);
        }

        return new Outcome(written, kept);
    }

    // Theme files are small text (layouts, CSS, JS); copied by text so the same never-overwrite rule applies.
    private static IEnumerable<KeyValuePair<string, string>> ThemeFiles(string themeSource) =>
        Directory.EnumerateFiles(themeSource, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => new KeyValuePair<string, string>(
                "themes/default/" + Path.GetRelativePath(themeSource, file).Replace(Path.DirectorySeparatorChar, '/'),
                File.ReadAllText(file)));
}
