namespace SiteGen.Content;

/// <summary>
/// Which files in the content folder and the theme are part of the site: not hidden ones (a name or
/// folder starting with a dot — <c>.#x.md</c> Emacs locks, <c>.x.md.swp</c> Vim swaps, atomic-save
/// temporaries) and not editors' backup or temporary files (<c>x~</c>, <c>#x#</c>, <c>*.tmp</c>, …).
/// The build and the watcher of <c>sitegen serve</c> use the same rule.
/// </summary>
public static class ContentFiles
{
    private static readonly string[] TempSuffixes = [".swp", ".swx", ".swo", ".tmp", ".temp", ".bak", ".crswap", ".part", ".kate-swp"];

    /// <summary>Files under <paramref name="dir"/> matching the pattern, without hidden or temporary ones.</summary>
    public static IEnumerable<string> Enumerate(string dir, string pattern, SearchOption option = SearchOption.TopDirectoryOnly) =>
        Directory.EnumerateFiles(dir, pattern, option).Where(f => !IsHiddenOrTemporary(Path.GetRelativePath(dir, f)));

    /// <summary>True for a path (relative, either slash) with a hidden segment or an editor's temporary or backup name.</summary>
    public static bool IsHiddenOrTemporary(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(p => p.StartsWith('.') || p.StartsWith('#')))
        {
            return true;
        }

        var name = parts.Length == 0 ? "" : parts[^1];
        return name.EndsWith('~') || name == "4913" || name.Contains("___jb_", StringComparison.Ordinal)
            || TempSuffixes.Any(x => name.EndsWith(x, StringComparison.OrdinalIgnoreCase));
    }
}
