using System.Security.Cryptography;
using SiteGen.Content;
using SiteGen.Model;
using SiteGen.Sources;

namespace SiteGen.Tests.Sources.Mirror;

/// <summary>Reads raw files the way the importer does (decode, choose a reader, read, set the source).</summary>
internal static class MirrorFiles
{
    private static readonly Lazy<ReaderContext> LazyContext = new(() => new ReaderContext(OutletStore.Load(TestPaths.Content)));

    public static ReaderContext Context => LazyContext.Value;

    public static string CorpusDir => Path.Combine(TestPaths.Corpus, "epochtimes-mirror");

    public static IEnumerable<string> Corpus() =>
        Directory.GetFiles(CorpusDir, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>Paths relative to the corpus folder, for xunit theory data.</summary>
    public static TheoryData<string> CorpusNames()
    {
        var data = new TheoryData<string>();
        foreach (var path in Corpus())
        {
            data.Add(Path.GetRelativePath(CorpusDir, path));
        }

        return data;
    }

    public static SourceDocument Document(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var (text, encoding) = TextDecoder.Decode(bytes);
        return new SourceDocument(path, text, Convert.ToHexStringLower(SHA256.HashData(bytes)), encoding);
    }

    /// <summary>Reads with the reader the default registry chooses; sets <c>Source</c> as Importer.ReadOne does.</summary>
    public static (ISourceReader Reader, Article Article) Read(string path)
    {
        var document = Document(path);
        var reader = SourceReaders.Default.Choose(document) ?? throw new InvalidOperationException($"no reader chose {path}");
        var article = reader.Read(document, Context);
        article.Source = new SourceInfo(SourceManifest.StoredPath(document.Sha256, path), reader.Format, document.Sha256);
        return (reader, article);
    }
}
