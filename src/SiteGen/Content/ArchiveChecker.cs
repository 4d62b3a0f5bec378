using System.Security.Cryptography;

namespace SiteGen.Content;

/// <summary>
/// <c>sitegen check</c>: verifies that nothing an archivist collected has been lost or altered.
/// Every article's recorded source (and duplicate sources) must exist with the recorded SHA-256;
/// every raw file under <c>sources/</c> must be named by its own SHA-256 and be claimed by an article
/// or by a rejection recorded in the manifest; every article must parse (which holds it to
/// <see cref="ArticleRules"/>) and its body must pass <see cref="Normalize.MarkdownSafety"/>. An
/// import that was killed while writing is named with what a re-run of it finishes (its pending
/// manifest, see <see cref="Import.ImportWrites"/>), and so is each temporary file a killed write left.
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
        if (SourceManifest.LoadPending(contentDir) is { } pending)
        {
            problems.Add(Interrupted(contentDir, pending));

            // Its raw files are accounted for by it: a re-run records them.
            claimed.UnionWith(pending.Sources.Where(s => s.Value.Article is not null).Select(s => s.Key));
        }

        problems.AddRange(Leftovers(contentDir));

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
                if (name is SourceManifest.FileName or SourceManifest.PendingFileName || AtomicFile.IsTemporary(name))
                {
                    continue; // the manifests, and temporary files (named above)
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

    private static ContentException Interrupted(string contentDir, SourceManifest pending)
    {
        var unfinished = SourceManifest.Unfinished(contentDir, pending);
        var named = string.Join(", ", unfinished.Take(3)) + (unfinished.Count > 3 ? $" and {unfinished.Count - 3:N0} more" : "");
        var rest = unfinished.Count == 0 ? "every file it meant to write is there" : $"it has not written {named}";
        return new ContentException(
            "sources/" + SourceManifest.PendingFileName,
            0,
            $"an import was interrupted before it finished ({rest}); run the same `sitegen import` again to finish it (any import first completes the manifest with what was written)");
    }

    private static IEnumerable<ContentException> Leftovers(string contentDir) =>
        AtomicFile.Leftovers(Path.Combine(contentDir, "articles"), recursive: true)
            .Concat(AtomicFile.Leftovers(Path.Combine(contentDir, "sources"), recursive: false))
            .Select(f => new ContentException(
                Path.GetRelativePath(contentDir, f).Replace('\\', '/'),
                0,
                "a temporary file left by a write that was interrupted (the file it was for is untouched); the next `sitegen import` removes it"));

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
