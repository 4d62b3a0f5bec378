namespace SiteGen.Content;

/// <summary>
/// A third-party library (Markdig) failed on one article's body although it passed
/// <see cref="MarkdownGuard"/>. Thrown where the article is known (its page body, its search text), so
/// the build can stop at the boundary of that one file and name it instead of ending in a stack trace.
/// </summary>
public sealed class ArticleBodyException : Exception
{
    private ArticleBodyException(string articleId, string message, Exception inner)
        : base(message, inner) => ArticleId = articleId;

    public ArticleBodyException() => ArticleId = "";

    public ArticleBodyException(string message)
        : base(message) => ArticleId = "";

    public ArticleBodyException(string message, Exception inner)
        : base(message, inner) => ArticleId = "";

    public string ArticleId { get; }

    /// <summary>Runs <paramref name="make"/> on an article's body; any failure but running out of memory names the article.</summary>
    public static T Guard<T>(string articleId, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException or ArticleBodyException))
        {
            throw new ArticleBodyException(articleId, $"the body could not be rendered: {e.Message}", e);
        }
    }

    /// <summary>The first <see cref="ArticleBodyException"/> in <paramref name="e"/> or the exceptions it wraps (parallel loops wrap them in <see cref="AggregateException"/>).</summary>
    public static ArticleBodyException? In(Exception e) => e switch
    {
        ArticleBodyException found => found,
        AggregateException many => many.InnerExceptions.Select(In).FirstOrDefault(f => f is not null),
        _ when e.InnerException is { } inner => In(inner),
        _ => null,
    };

    /// <summary>The error line: the article's file (<paramref name="fileOf"/> maps its id), then the reason.</summary>
    public string Describe(Func<string, string?> fileOf) => $"{fileOf(ArticleId) ?? $"article '{ArticleId}'"}: {Message}";
}
