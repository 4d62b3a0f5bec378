namespace SiteGen.Content;

/// <summary>
/// What the build checks about a content file before reading a byte of it: that it is a real file
/// (a symbolic link in <c>content/</c> could publish <c>/etc/passwd</c> or a file of someone else's
/// as an article) and that it is not larger than any article can be (a 50 MB body was read whole,
/// rendered into a 340 MB site and took 1.7 GB). Limits and why: docs/security.md.
/// </summary>
public static class ContentFileGuard
{
    /// <summary>
    /// An article file's size in bytes: <see cref="MarkdownGuard.MaxBodyChars"/> characters of Chinese
    /// are 6 MiB in UTF-8, the front matter at most 64 Ki characters (<see cref="YamlGuard.MaxChars"/>).
    /// </summary>
    public const long MaxArticleBytes = 8 * 1024 * 1024;

    /// <summary>Null when the file at <paramref name="path"/> may be read, else the error naming it by <paramref name="relative"/>.</summary>
    public static ContentException? Refusal(string path, string relative, long maxBytes = MaxArticleBytes) => Refusal(new FileInfo(path), relative, maxBytes);

    /// <summary>As <see cref="Refusal(string, string, long)"/> with the file's (not yet refreshed) <see cref="FileInfo"/>.</summary>
    public static ContentException? Refusal(FileInfo info, string relative, long maxBytes = MaxArticleBytes)
    {
        if (info.LinkTarget is { } target)
        {
            return new ContentException(relative, 0, $"a symbolic link (to {target}): content files must be real files inside the content folder, not links");
        }

        return info.Exists && info.Length > maxBytes
            ? new ContentException(relative, 0, $"file too large ({info.Length:N0} bytes; the limit is {maxBytes:N0})")
            : null;
    }
}
