namespace SiteGen.Sources;

/// <summary>
/// A raw source file, decoded: its original path (for messages only), its bytes' SHA-256, the
/// text, and the encoding it was decoded from.
/// </summary>
public sealed record SourceDocument(string Path, string Text, string Sha256, string Encoding)
{
    /// <summary>1-based line number of a character offset in <see cref="Text"/>, for error messages.</summary>
    public int LineOf(int offset)
    {
        var line = 1;
        var end = Math.Min(offset, Text.Length);
        for (var i = 0; i < end; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
