using System.Collections.Concurrent;
using SiteGen.Model;

namespace SiteGen.Events;

/// <summary>
/// The <see cref="ArticleText"/> of some articles (an event's members), made once per build: the archive
/// statistics read every article's text and the event comparisons read their members' again, so the
/// members' texts are kept between the two. Other articles' texts are made and let go. Any thread.
/// </summary>
internal sealed class ArticleTextMemo
{
    private readonly ConcurrentDictionary<Article, ArticleText> _texts = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Article> _kept;

    /// <param name="kept">The articles whose texts are kept (by object).</param>
    public ArticleTextMemo(IEnumerable<Article> kept)
    {
        _kept = new HashSet<Article>(kept, ReferenceEqualityComparer.Instance);
    }

    /// <summary>A memo that keeps nothing.</summary>
    public static ArticleTextMemo None { get; } = new([]);

    public ArticleText Of(Article article) =>
        _kept.Contains(article) ? _texts.GetOrAdd(article, ArticleText.From) : ArticleText.From(article);
}
