using SiteGen.Content;
using SiteGen.Model;

namespace SiteGen.Sources.Normalized;

/// <summary>
/// Reads SiteGen's own normalized format (front matter with <c>id</c>, <c>outlet</c> and
/// <c>published</c>). Importing such a file gives back the same file: the article is returned as
/// written, and the importer writes it unchanged.
/// </summary>
public sealed class NormalizedArticleReader : ISourceReader
{
    public const string FormatName = "sitegen";

    public string Format => FormatName;

    public int Sniff(SourceDocument document)
    {
        if (!ArticleFile.HasFrontMatter(document.Text))
        {
            return 0;
        }

        var end = document.Text.IndexOf("\n---", 3, StringComparison.Ordinal);
        var head = end < 0 ? document.Text : document.Text[..end];
        var hits = 0;
        foreach (var key in new[] { "\nid:", "\noutlet:", "\npublished:", "\nlang:" })
        {
            if (head.Contains(key, StringComparison.Ordinal))
            {
                hits++;
            }
        }

        return hits == 4 ? 95 : hits * 10;
    }

    public Article Read(SourceDocument document, ReaderContext context)
    {
        try
        {
            return ArticleFile.Parse(document.Text);
        }
        catch (ArticleFormatException e)
        {
            throw new SourceRejectedException(e.Message, e.Line);
        }
    }
}
