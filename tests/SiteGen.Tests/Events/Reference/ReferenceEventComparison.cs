using SiteGen.Events;
using SiteGen.Model;

namespace SiteGen.Tests.Events.Reference;

/// <summary>
/// Test oracle: <see cref="EventComparison.Compare(EventDefinition, IEnumerable{Article}, TermStatistics?)"/> as it was before it was optimized, built on the
/// reference term extractor, near matcher and tokenizer — the straightforward implementation the
/// optimized one must equal. Do not optimize.
/// </summary>
internal static class ReferenceEventComparison
{
    public static EventReport Compare(EventDefinition ev, IEnumerable<Article> articles, TermStatistics? background = null)
    {
        var ordered = articles.DistinctBy(a => a.Id, StringComparer.Ordinal).ToList();
        ordered.Sort(EventTime.Compare);
        var texts = ordered.Select(a => ArticleText.FromMarkdown(a.Title, a.Body)).ToList();
        var terms = new ReferenceTermExtractor(texts.Select(t => t.Full).ToList(), background);
        var near = ReferenceNearMatcher.Compare(ordered.Select((a, i) => (a.Id, texts[i])).ToList());

        var columns = new List<ArticleColumn>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var a = ordered[i];
            var t = texts[i];
            columns.Add(new ArticleColumn(
                a.Id,
                a.Title,
                a.Outlet,
                a.Lang,
                a.Published,
                EventTime.Display(a.Published),
                t.Lead,
                a.Image,
                t.Body.Count(c => !char.IsWhiteSpace(c)),
                ReferenceTokenizer.Tokenize(t.Body).Count,
                terms.Distinctive(i, EventComparison.DistinctiveTermCount),
                QuoteExtractor.Extract(t),
                near[i]));
        }

        return new EventReport(ev, ordered.Select(a => a.Outlet).Distinct(StringComparer.Ordinal).ToList(), EventComparison.Timeline(ordered), columns, terms.Shared(EventComparison.SharedTermCount));
    }
}
