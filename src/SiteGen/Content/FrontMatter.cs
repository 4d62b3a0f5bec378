using SiteGen.Model;

namespace SiteGen.Content;

/// <summary>
/// The YAML shape of an article's front matter. Property order is the order written to disk;
/// YamlDotNet maps <c>TitleEn</c> to <c>title_en</c>. Kept separate from <see cref="Article"/> so the
/// on-disk format can stay stable while the model grows.
/// </summary>
internal sealed class FrontMatter
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? TitleEn { get; set; }

    public string? TitleZh { get; set; }

    public string? Lang { get; set; }

    public string? Outlet { get; set; }

    public string? Published { get; set; }

    public string? Url { get; set; }

    public List<string>? Mirrors { get; set; }

    public List<string>? Authors { get; set; }

    public string? Editor { get; set; }

    public ImageYaml? Image { get; set; }

    public List<string>? Tags { get; set; }

    public List<string>? Events { get; set; }

    public string? Summary { get; set; }

    public string? TranslationOf { get; set; }

    /// <summary>Null unless true: an article read whole has no <c>truncated</c> line.</summary>
    public bool? Truncated { get; set; }

    public SourceYaml? Source { get; set; }

    public List<SourceYaml>? DuplicateSources { get; set; }

    public static FrontMatter From(Article a) => new()
    {
        Id = a.Id,
        Title = a.Title,
        TitleEn = a.TitleEn,
        TitleZh = a.TitleZh,
        Lang = a.Lang,
        Outlet = a.Outlet,
        Published = a.Published.ToString(),
        Url = a.Url,
        Mirrors = a.Mirrors,
        Authors = a.Authors,
        Editor = a.Editor,
        Image = a.Image is null ? null : new ImageYaml { Src = a.Image.Src, Caption = a.Image.Caption, Credit = a.Image.Credit },
        Tags = a.Tags,
        Events = a.Events,
        Summary = a.Summary,
        TranslationOf = a.TranslationOf,
        Truncated = a.Truncated ? true : null,
        Source = a.Source is null ? null : SourceYaml.From(a.Source),
        DuplicateSources = a.DuplicateSources.Select(SourceYaml.From).ToList(),
    };

    public Article ToArticle(string body, Func<string, int> lineOf)
    {
        string Required(string? value, string key) =>
            string.IsNullOrWhiteSpace(value)
                ? throw new ArticleFormatException($"required field '{key}' is missing or empty", lineOf(key))
                : value;

        var publishedText = Required(Published, "published");
        if (!PublishedDate.TryParse(publishedText, out var published))
        {
            throw new ArticleFormatException(
                $"'published' is not an ISO 8601 date ('{publishedText}'): use 2022-02-04 or 2022-02-04T14:22:53+00:00",
                lineOf("published"));
        }

        if (Image is not null && string.IsNullOrWhiteSpace(Image.Src))
        {
            throw new ArticleFormatException("'image' needs a 'src'", lineOf("image"));
        }

        return new Article
        {
            Id = Required(Id, "id"),
            Title = Required(Title, "title"),
            TitleEn = TitleEn,
            TitleZh = TitleZh,
            Lang = Required(Lang, "lang"),
            Outlet = Required(Outlet, "outlet"),
            Published = published,
            Url = Url,
            Mirrors = Mirrors ?? [],
            Authors = Authors ?? [],
            Editor = Editor,
            Image = Image is null ? null : new ArticleImage(Image.Src!, Image.Caption, Image.Credit),
            Tags = Tags ?? [],
            Events = Events ?? [],
            Summary = Summary,
            TranslationOf = TranslationOf,
            Truncated = Truncated == true,
            Source = Source?.ToModel(lineOf("source")),
            DuplicateSources = DuplicateSources?.Select(s => s.ToModel(lineOf("duplicate_sources"))).ToList() ?? [],
            Body = body,
        };
    }

    internal sealed class ImageYaml
    {
        public string? Src { get; set; }

        public string? Caption { get; set; }

        public string? Credit { get; set; }
    }

    internal sealed class SourceYaml
    {
        public string? Path { get; set; }

        public string? Format { get; set; }

        public string? Sha256 { get; set; }

        public static SourceYaml From(SourceInfo s) => new() { Path = s.Path, Format = s.Format, Sha256 = s.Sha256 };

        public SourceInfo ToModel(int line) =>
            string.IsNullOrWhiteSpace(Path) || string.IsNullOrWhiteSpace(Format) || string.IsNullOrWhiteSpace(Sha256)
                ? throw new ArticleFormatException("'source' needs 'path', 'format' and 'sha256'", line)
                : new SourceInfo(Path, Format, Sha256);
    }
}
