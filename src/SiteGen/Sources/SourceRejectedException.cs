namespace SiteGen.Sources;

/// <summary>A source file that cannot become an article, with the reason and the line where known.</summary>
public sealed class SourceRejectedException : Exception
{
    public SourceRejectedException(string reason, int? line = null)
        : base(reason)
    {
        Line = line;
    }

    public SourceRejectedException()
    {
    }

    public SourceRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? Line { get; }

    /// <summary>The format of the reader that took the file, when one did.</summary>
    public string? Format { get; init; }
}
