namespace SiteGen.Content;

/// <summary>
/// What a caller that watches the content folder (<c>sitegen serve</c>) knows changed since the last
/// build: paths relative to the content folder. Null stands for "not known", which means everything.
/// </summary>
public static class ContentChanges
{
    /// <summary>A path in the form the loaders compare: forward slashes, none at either end.</summary>
    public static string Normalize(string relativePath) => relativePath.Replace('\\', '/').Trim('/');

    /// <summary>
    /// Whether anything in <paramref name="changed"/> may be in the folder <paramref name="folder"/>
    /// (relative, forward slashes): a path in it, the folder itself or a folder above it (a folder
    /// renamed or deleted whole). Always true when <paramref name="changed"/> is null (not known).
    /// </summary>
    public static bool Touch(IReadOnlyCollection<string>? changed, string folder)
    {
        if (changed is null)
        {
            return true;
        }

        foreach (var raw in changed)
        {
            var path = Normalize(raw);
            if (path is "" or "." || HasParentSegment(path) || path == folder
                || (path.Length > folder.Length && path[folder.Length] == '/' && path.StartsWith(folder, StringComparison.Ordinal))
                || (folder.Length > path.Length && folder[path.Length] == '/' && folder.StartsWith(path, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>..</c> segment: a path that is not plainly inside the content folder is taken to touch everything.</summary>
    internal static bool HasParentSegment(string path) =>
        path == ".." || path.StartsWith("../", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal) || path.Contains("/../", StringComparison.Ordinal);
}
