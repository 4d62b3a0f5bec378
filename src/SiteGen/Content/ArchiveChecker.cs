using System.Security.Cryptography;

namespace SiteGen.Content;

/// <summary>
/// <c>sitegen check</c>: verifies that nothing an archivist collected has been lost or altered.
/// Every article's recorded source (and duplicate sources) must exist with the recorded SHA-256;
/// every raw file under <c>sources/</c> must be named by its own SHA-256 and be claimed by an article
/// or by a rejection recorded in the manifest; every article must parse (which holds it to
/// <see cref="ArticleRules"/>) and its body must pass <see cref="Normalize.MarkdownSafety"/>.
/// </summary>
public static class ArchiveChecker
{
    public static IReadOnlyList<ContentException> Check(string contentDir)
    {
        var problems = new List<ContentException>();
        var store = ArticleStore.Open(contentDir);
        problems.AddRange(store.Errors);
        var events = Events.EventStore.Load(contentDir);
        problems.AddRange(events.Errors);
        problems.AddRange(events.Events.SelectMany(e => Events.EventPlaceholders.Find(e, contentDir)));
        var manifest = SourceManifest.Load(contentDir);
        var claimed = new HashSet<string>(StringComparer.Ordinal);

        foreach (var stored in store.Articles)
        {
            if (Normalize.MarkdownSafety.Check(stored.Article.Body) is { } unsafeBody)
            {
                // Opened without a cache, so the text is there.
                var bodyLine = (stored.Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Length - stored.Article.Body.Split('\n').Length + unsafeBody.Line - 1;
                problems.Add(new ContentException(stored.RelativePath, bodyLine, $"the body holds {unsafeBody.Reason}"));
            }

            var sources = stored.Article.DuplicateSources.Prepend(stored.Article.Source);
            foreach (var source in sources)
            {
                if (source is null)
                {
                    continue;
                }

                claimed.Add(source.Sha256);
                var path = Path.Combine(contentDir, source.Path);
                if (!IsInside(contentDir, path) || !File.Exists(path))
                {
                    problems.Add(new ContentException(stored.RelativePath, 0, $"its source {source.Path} is missing"));
                }
                else if (Sha256Of(path) != source.Sha256)
                {
                    problems.Add(new ContentException(stored.RelativePath, 0, $"its source {source.Path} does not have the recorded SHA-256 {source.Sha256}"));
                }
            }
        }

        var sourcesDir = Path.Combine(contentDir, "sources");
        if (Directory.Exists(sourcesDir))
        {
            foreach (var file in Directory.EnumerateFiles(sourcesDir).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name == "manifest.json")
                {
                    continue;
                }

                var relative = "sources/" + name;
                var named = Path.GetFileNameWithoutExtension(name);
                var actual = Sha256Of(file);
                if (named != actual)
                {
                    problems.Add(new ContentException(relative, 0, $"its content hash is {actual}, not the one in its name"));
                }
                else if (!claimed.Contains(actual) && manifest.Sources.GetValueOrDefault(actual)?.Rejected is null)
                {
                    problems.Add(new ContentException(relative, 0, "no article comes from it and no rejection is recorded for it"));
                }
            }
        }

        return problems;
    }

    private static bool IsInside(string root, string path)
    {
        var full = Path.GetFullPath(path);
        var top = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        return full.StartsWith(top, StringComparison.Ordinal);
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
