using System.Runtime.ExceptionServices;
using SiteGen.Content;

namespace SiteGen.Import;

/// <summary>
/// The write phase of <c>sitegen import</c>, ordered so that a kill (or a failed write) anywhere leaves
/// a content folder that is whole and that the next import finishes:
/// (1) the manifest the import will leave is saved as <c>sources/manifest.pending.json</c>;
/// (2) the raw files are kept under <c>sources/</c>; (3) the articles are written; (4) the pending
/// manifest is renamed over <c>sources/manifest.json</c>. Every file is written whole through a
/// temporary file and a rename (<see cref="AtomicFile"/>), so (2) and (3) run in parallel; an article
/// is never on disk before its raw files. The next import first removes temporary files left by a
/// killed one and keeps of the pending manifest what the disk bears out (<see cref="SourceManifest.Recover"/>);
/// <c>sitegen check</c> names both until then.
/// </summary>
internal sealed class ImportWrites
{
    private readonly Dictionary<string, byte[]> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _articles = new(StringComparer.Ordinal);

    public void KeepSource(string relativePath, byte[] bytes) => _sources.TryAdd(relativePath, bytes);

    public void WriteArticle(string relativePath, string text) => _articles[relativePath] = text;

    /// <summary>The text this import will write at <paramref name="relativePath"/>, if it writes there.</summary>
    public string? Planned(string relativePath) => _articles.GetValueOrDefault(relativePath);

    /// <summary>Removes what a killed import left half-done and completes the manifest with what it did write.</summary>
    public static void FinishInterrupted(string contentDir)
    {
        AtomicFile.RemoveLeftovers(Path.Combine(contentDir, "articles"), recursive: true);
        AtomicFile.RemoveLeftovers(Path.Combine(contentDir, "sources"), recursive: false);
        SourceManifest.Recover(contentDir);
    }

    /// <summary>Writes everything planned, then <paramref name="manifest"/>; nothing when nothing changes.</summary>
    public void Run(ArticleStore store, string contentDir, SourceManifest manifest)
    {
        if (_sources.Count == 0 && _articles.Count == 0 && manifest.IsSaved(contentDir))
        {
            return; // a re-run with nothing new writes nothing (and so also works in a read-only folder)
        }

        manifest.SavePending(contentDir);
        try
        {
            Parallel.ForEach(_sources, s => store.KeepSource(s.Key, s.Value));
            Parallel.ForEach(_articles, a => store.WriteArticle(a.Key, a.Value));
            SourceManifest.CommitPending(contentDir);
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(IsWriteFailure) is { } first)
        {
            RecordWhatWasWritten(contentDir);
            ExceptionDispatchInfo.Throw(first);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            RecordWhatWasWritten(contentDir);
            throw;
        }
    }

    private static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>After a failed write: the manifest takes what was written, so <c>check</c> finds the folder whole.</summary>
    private static void RecordWhatWasWritten(string contentDir)
    {
        try
        {
            SourceManifest.Recover(contentDir);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            // The folder takes no write at all now (a full disk): the pending manifest stays, and the
            // next import recovers from it.
        }
    }
}
