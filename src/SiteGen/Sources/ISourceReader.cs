using SiteGen.Model;

namespace SiteGen.Sources;

/// <summary>
/// A reader for one source format. Readers are plug-ins: a new format is one class implementing
/// this interface (registered in <see cref="SourceReaders.Default"/>) plus its tests.
/// The importer asks every reader to <see cref="Sniff"/> the decoded text and gives the file to
/// the most confident one; folder and file names are never consulted.
/// </summary>
public interface ISourceReader
{
    /// <summary>Format name recorded in front matter (<c>source.format</c>), e.g. <c>epochtimes-mirror</c>.</summary>
    string Format { get; }

    /// <summary>How sure this reader is that the text is in its format: 0 (no) to 100 (certain).</summary>
    int Sniff(SourceDocument document);

    /// <summary>
    /// Reads the document into an article. Throws <see cref="SourceRejectedException"/> when the
    /// document is in this format but is not a usable article (an index page, an empty body).
    /// </summary>
    Article Read(SourceDocument document, ReaderContext context);
}
