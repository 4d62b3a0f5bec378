using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Content;
using SiteGen.Model;
using SiteGen.Sources;

namespace SiteGen.Tests.Sources;

/// <summary>What reader tests share: reading a raw file as the importer does, golden files, and the output checks.</summary>
public static class ReaderTestKit
{
    private static readonly MarkdownPipeline Figures = new MarkdownPipelineBuilder().UseFigures().Build();

    public static ReaderContext Context { get; } = new(OutletStore.Load(TestPaths.Content));

    public static SourceDocument Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var (text, encoding) = TextDecoder.Decode(bytes);
        return new SourceDocument(path, text, Convert.ToHexStringLower(SHA256.HashData(bytes)), encoding);
    }

    /// <summary>Reads a file with <paramref name="reader"/> and records its source exactly as Importer.ReadOne does.</summary>
    public static Article Read(ISourceReader reader, string path)
    {
        var document = Load(path);
        var article = reader.Read(document, Context);
        article.Source = new SourceInfo(SourceManifest.StoredPath(document.Sha256, path), reader.Format, document.Sha256);
        return article;
    }

    /// <summary>
    /// Compares with Fixtures/golden/&lt;name&gt;. Set SITEGEN_UPDATE_GOLDEN=1 to (re)write the file — then
    /// check the new file by hand against its source before committing it.
    /// </summary>
    public static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(TestPaths.Fixtures, "golden", name);
        if (Environment.GetEnvironmentVariable("SITEGEN_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>Writes a normalized article to SITEGEN_DUMP_DIR (when set), for reading outputs by hand.</summary>
    public static void Dump(string name, Article article)
    {
        var dir = Environment.GetEnvironmentVariable("SITEGEN_DUMP_DIR");
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, name), ArticleFile.Write(article), new UTF8Encoding(false));
        }
    }

    /// <summary>The normalized file re-reads to itself, and no raw HTML, event handler, proxy or comment survives in it.</summary>
    public static void AssertClean(Article article)
    {
        var text = ArticleFile.Write(article);
        Assert.Equal(text, ArticleFile.Write(ArticleFile.Parse(text)));
        Assert.DoesNotContain("onclick", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("images.weserv.nl", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!--", text, StringComparison.Ordinal);
        var html = Markdown.Parse(article.Body, Figures).Descendants()
            .Where(n => n is HtmlBlock or HtmlInline or HtmlEntityInline)
            .Select(n => n.ToString());
        Assert.Empty(html);
    }

    /// <summary>The article text a source holds: the TextContent of its paragraphs, headings and captions.</summary>
    public static IEnumerable<string> SourceParagraphs(string html)
    {
        var body = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
        return body.QuerySelectorAll("p, h1, h2, h3, h4, h5, h6, figcaption").Select(e => e.TextContent);
    }

    /// <summary>
    /// The share of the paragraphs' characters (whitespace stripped) found in the same order in the
    /// plain text of the rendered body: the longest common subsequence over the source length.
    /// </summary>
    public static double Retention(IEnumerable<string> paragraphs, string markdown)
    {
        var target = StripWhitespace(Markdown.ToPlainText(markdown, Figures));
        var source = StripWhitespace(string.Concat(paragraphs));
        return source.Length == 0 ? 1 : (double)CommonSubsequenceLength(source, target) / source.Length;
    }

    /// <summary>LCS length by the bit-vector method (Hyyrö 2004): one bit per character of <paramref name="a"/>.</summary>
    public static int CommonSubsequenceLength(string a, string b)
    {
        var words = (a.Length + 63) / 64;
        var masks = new Dictionary<char, ulong[]>();
        for (var i = 0; i < a.Length; i++)
        {
            if (!masks.TryGetValue(a[i], out var mask))
            {
                masks[a[i]] = mask = new ulong[words];
            }

            mask[i / 64] |= 1UL << (i % 64);
        }

        var v = Enumerable.Repeat(ulong.MaxValue, words).ToArray();
        foreach (var c in b)
        {
            if (!masks.TryGetValue(c, out var mask))
            {
                continue;
            }

            // V = (V + (V & M)) | (V & ~M), the addition carried across words.
            ulong carry = 0;
            for (var w = 0; w < words; w++)
            {
                var u = v[w] & mask[w];
                var sum = v[w] + u + carry;
                carry = sum < v[w] || (carry == 1 && sum == v[w]) ? 1UL : 0UL;
                v[w] = sum | (v[w] & ~mask[w]);
            }
        }

        var ones = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if ((v[i / 64] & (1UL << (i % 64))) != 0)
            {
                ones++;
            }
        }

        return a.Length - ones;
    }

    private static string StripWhitespace(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
