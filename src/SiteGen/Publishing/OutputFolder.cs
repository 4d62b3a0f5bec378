namespace SiteGen.Publishing;

/// <summary>
/// Where a build may put its output. The build replaces the output folder whole (and deletes what
/// was there), so <c>--out</c> must not be a file system root, the content folder, the theme, a folder
/// holding either (the repository root, the home folder), a folder inside the content folder, or a
/// folder that holds files but no site built by SiteGen. Symbolic links are followed before comparing.
/// </summary>
public static class OutputFolder
{
    /// <summary>Files every SiteGen build writes at the top of its output: a folder without them is not ours to replace.</summary>
    public static readonly string[] Markers = [".nojekyll", "sitemap.xml"];

    /// <summary>Why <paramref name="outDir"/> cannot be the output folder, or null when it can.</summary>
    public static string? Problem(string contentDir, string outDir, string? themeDir = null)
    {
        if (string.IsNullOrWhiteSpace(outDir) || outDir.Contains('\0', StringComparison.Ordinal))
        {
            return "the output folder (--out) is empty or not a valid path";
        }

        var output = RealPath(outDir);
        var content = RealPath(contentDir);
        if (Path.GetPathRoot(output) == output || Path.GetDirectoryName(output) is null)
        {
            return $"refusing to use {output} as the output folder: it is a file system root (the build replaces its output folder whole); choose a folder such as ./public";
        }

        if (output == content || IsInside(content, output))
        {
            return $"refusing to use {output} as the output folder: it {(output == content ? "is" : "holds")} the content folder {content}, which the build would replace; choose a folder such as ./public";
        }

        if (IsInside(output, content))
        {
            return $"refusing to use {output} as the output folder: it is inside the content folder {content}; choose a folder outside it such as ./public";
        }

        if (themeDir is not null)
        {
            var theme = RealPath(themeDir);
            if (output == theme || IsInside(theme, output) || IsInside(output, theme))
            {
                return $"refusing to use {output} as the output folder: it overlaps the theme folder {theme}; choose a folder such as ./public";
            }
        }

        if (File.Exists(output))
        {
            return $"the output folder {output} is a file";
        }

        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !Markers.Any(m => File.Exists(Path.Combine(output, m))))
        {
            return $"refusing to replace {output}: it holds files but no site built by sitegen (no {string.Join(" or ", Markers)}); the build would delete them. Choose an empty or new folder";
        }

        return null;
    }

    /// <summary>True when <paramref name="path"/> is strictly below <paramref name="folder"/> (both full paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>The full path with every symbolic link along it resolved (as far as the path exists).</summary>
    public static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.GetPathRoot(full) ?? "";
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (!info.Exists)
            {
                return Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine([next, .. parts[(i + 1)..]])));
            }

            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                next = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
            }

            current = next;
        }

        return Path.TrimEndingDirectorySeparator(current.Length == 0 ? full : current);
    }
}
