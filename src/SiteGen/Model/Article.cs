namespace SiteGen.Model;

/// <summary>
/// One normalized news article: the typed form of a Markdown file with YAML front matter under
/// <c>content/articles/</c>. Readers fill it from a raw source; the writer serializes it; the site
/// renders it. Field names in front matter are the snake_case forms of these properties.
/// </summary>
public sealed class Article
{
    /// <summary>Stable ASCII id, unique in the archive: <c>&lt;outlet&gt;-&lt;slug&gt;</c>.</summary>
    public required string Id { get; set; }

    public required string Title { get; set; }

    /// <summary>The title in English when the article is not English (never machine-translated).</summary>
    public string? TitleEn { get; set; }

    /// <summary>The title in Chinese when the article is not Chinese.</summary>
    public string? TitleZh { get; set; }

    /// <summary>BCP 47 language of the article text: <c>zh-Hans</c>, <c>zh-Hant</c> or <c>en</c>.</summary>
    public required string Lang { get; set; }

    /// <summary>Outlet id, matching a file in <c>content/outlets/</c>.</summary>
    public required string Outlet { get; set; }

    public required PublishedDate Published { get; set; }

    /// <summary>Which signal of the raw file gave <see cref="Published"/> (told in the import report; not stored).</summary>
    public string? DateFrom { get; set; }

    /// <summary>The original article's canonical address.</summary>
    public string? Url { get; set; }

    /// <summary>Addresses of the mirror copies this article was archived from.</summary>
    public List<string> Mirrors { get; set; } = [];

    public List<string> Authors { get; set; } = [];

    public string? Editor { get; set; }

    public ArticleImage? Image { get; set; }

    public List<string> Tags { get; set; } = [];

    public List<string> Events { get; set; } = [];

    public string? Summary { get; set; }

    /// <summary>Id of the article this one translates, when it is a translation.</summary>
    public string? TranslationOf { get; set; }

    /// <summary>
    /// The source held only part of the article: a teaser ending ("阅读全文", "Continue reading", a
    /// paywall note) was cut from its body (<see cref="Normalize.Teaser"/>). Written only when true.
    /// </summary>
    public bool Truncated { get; set; }

    /// <summary>
    /// When this copy of the story was last changed, as its raw file tells (told in the import report
    /// and kept in the manifest, not in front matter): decides which of two differing copies wins.
    /// </summary>
    public VersionTime? Version { get; set; }

    /// <summary>The raw file this article was read from (kept verbatim under <c>content/sources/</c>).</summary>
    public SourceInfo? Source { get; set; }

    /// <summary>Further raw files that held the same story (other mirrors), content-addressed too.</summary>
    public List<SourceInfo> DuplicateSources { get; set; } = [];

    /// <summary>The article text as Markdown, word for word and in order.</summary>
    public string Body { get; set; } = "";

    /// <summary>The slug part of the id (after the outlet prefix); names the file on disk.</summary>
    public string Slug => Id.StartsWith(Outlet + "-", StringComparison.Ordinal) ? Id[(Outlet.Length + 1)..] : Id;
}
