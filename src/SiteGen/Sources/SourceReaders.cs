namespace SiteGen.Sources;

/// <summary>
/// The set of readers, asked in turn to sniff a document. Immutable once built; the default set
/// holds every format SiteGen knows. Adding a format = adding its reader to <see cref="Default"/>.
/// </summary>
public sealed class SourceReaders
{
    /// <summary>The least confidence at which a reader is trusted with a file.</summary>
    public const int MinimumConfidence = 50;

    public SourceReaders(IEnumerable<ISourceReader> readers) => All = readers.ToArray();

    public static SourceReaders Default { get; } = new(
    [
        new Normalized.NormalizedArticleReader(),
        new Mirror.OldLayoutMirrorReader(),
        new Mirror.NewerLayoutMirrorReader(),
        new RssMarkdown.RssMarkdownReader(),
        new Hexo.HexoReader(),
    ]);

    public IReadOnlyList<ISourceReader> All { get; }

    /// <summary>The most confident reader for the document, or null when none is confident enough.</summary>
    public ISourceReader? Choose(SourceDocument document)
    {
        ISourceReader? best = null;
        var bestScore = MinimumConfidence - 1;
        foreach (var reader in All)
        {
            var score = reader.Sniff(document);
            if (score > bestScore)
            {
                best = reader;
                bestScore = score;
            }
        }

        return best;
    }
}
