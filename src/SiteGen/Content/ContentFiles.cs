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

    /// <summary>
    /// As <see cref="Enumerate"/> over the whole tree, without following symbolic links to folders:
    /// a link (to a file or a folder, whatever its name) is listed itself, so the caller refuses it
    /// by name (<see cref="ContentFileGuard"/>) instead of reading what it points to.
    /// </summary>
    public static IEnumerable<string> EnumerateTree(string dir, string pattern)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var entries = new System.IO.Enumeration.FileSystemEnumerable<string>(dir, (ref System.IO.Enumeration.FileSystemEntry e) => e.ToFullPath(), options)
        {
            ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0,
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) != 0
                || (!e.IsDirectory && System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, e.FileName)),
        };
        return entries.Where(f => !IsHiddenOrTemporary(Path.GetRelativePath(dir, f)));
    }

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
