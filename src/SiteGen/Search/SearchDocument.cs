using Markdig;
using SiteGen.Model;

namespace SiteGen.Search;

/// <summary>A value readers filter by (an outlet, an event), with its display name per UI language.</summary>
public sealed record SearchFacetValue(string Id, IReadOnlyDictionary<string, string> Names)
{
    public static SearchFacetValue Of(string id) => new(id, new Dictionary<string, string>(StringComparer.Ordinal));
}

/// <summary>
/// One article as the search index sees it. The site builder fills it from an <see cref="Article"/>
/// (see <see cref="FromArticle"/>); everything here is either indexed or shown in a result.
/// </summary>
public sealed record SearchDocument
{
    public required string Id { get; init; }

    /// <summary>BCP 47 language of the article (<c>zh-Hans</c>, <c>zh-Hant</c>, <c>en</c>): a filter.</summary>
    public required string Lang { get; init; }

    public required string Title { get; init; }

    /// <summary>The title in another language, by UI language (<c>en</c> → <c>title_en</c>); indexed as title, shown on that UI.</summary>
    public IReadOnlyDictionary<string, string> AltTitles { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The article text as plain text (no Markdown), see <see cref="PlainText"/>.</summary>
    public string Body { get; init; } = "";

    public required SearchFacetValue Outlet { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<SearchFacetValue> Events { get; init; } = [];

    public required PublishedDate Published { get; init; }

    /// <summary>The article page per UI language, relative to the site's base path (<c>zh/articles/x/</c>).</summary>
    public required IReadOnlyDictionary<string, string> Urls { get; init; }

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseEmphasisExtras().UsePipeTables().Build();

    /// <summary>Plain text of a Markdown body: no markup, no link targets, no images.</summary>
    public static string PlainText(string markdown) => PlainTextRenderer.ToPlainText(markdown, Pipeline);

    /// <summary>
    /// The usual mapping: article fields, the outlet's names, events' names when known, and the article
    /// page (<see cref="ArticleHome"/>; the first UI language is the site's default) for each UI language.
    /// </summary>
    public static SearchDocument FromArticle(Article article, Outlet? outlet = null, IReadOnlyList<SearchFacetValue>? events = null, IReadOnlyList<string>? uiLanguages = null)
    {
        var languages = uiLanguages ?? ["zh", "en"];
        var alt = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(article.TitleEn))
        {
            alt["en"] = article.TitleEn.Trim();
        }

        if (!string.IsNullOrWhiteSpace(article.TitleZh))
        {
            alt["zh"] = article.TitleZh.Trim();
        }

        var outletNames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (outlet is not null)
        {
            outletNames["zh"] = outlet.NameZh;
            outletNames["en"] = outlet.NameEn;
        }

        return new SearchDocument
        {
            Id = article.Id,
            Lang = article.Lang,
            Title = article.Title,
            AltTitles = alt,
            Body = Content.ArticleBodyException.Guard(article.Id, () => PlainText(article.Body)),
            Outlet = new SearchFacetValue(article.Outlet, outletNames),
            Authors = article.Authors,
            Tags = article.Tags,
            Events = events ?? [.. article.Events.Select(SearchFacetValue.Of)],
            Published = article.Published,
            Urls = languages.ToDictionary(l => l, _ => ArticleHome.Path(article, languages[0]), StringComparer.Ordinal),
        };
    }
}
