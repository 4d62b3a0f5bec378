using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Model;
using SiteGen.Rendering;

namespace SiteGen.Bench;

/// <summary>
/// Writes a generated archive three ways: our content folder (normalized articles, outlets, events,
/// <c>site.yml</c>), the same articles as a Hugo site using the theme in <c>bench/hugo-theme/</c>, and
/// raw RSS-to-Markdown dump files for the import benchmark. Same generator, same seed, same bytes.
/// </summary>
public static class ArchiveWriter
{
    public const string BaseUrl = "http://localhost:5000/";

    private static readonly UTF8Encoding Utf8 = new(false);

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <c>site.yml</c>, <c>outlets/</c>, <c>events/</c> and <c>articles/</c> under <paramref name="contentDir"/>.</summary>
    public static void WriteContent(ArchiveGenerator generator, string contentDir)
    {
        Directory.CreateDirectory(contentDir);
        Write(Path.Combine(contentDir, "site.yml"), $"""
            title_zh: 基准新闻档案
            title_en: Benchmark News Archive
            description_zh: 生成的基准档案。
            description_en: A generated archive for the benchmark.
            base_url: {BaseUrl}
            default_language: zh
            theme: default

            """);
        WriteOutlets(generator, Path.Combine(contentDir, "outlets"));
        var events = Path.Combine(contentDir, "events");
        Directory.CreateDirectory(events);
        foreach (var e in generator.Events)
        {
            var yaml = new StringBuilder();
            yaml.Append("id: ").Append(e.Id).Append('\n');
            // A range is start/end: the event store refuses date and end together (it did refuse three
            // in ten generated events before issue 19).
            if (e.End is { } end)
            {
                yaml.Append("start: ").Append(Day(e.Date!.Value)).Append('\n');
                yaml.Append("end: ").Append(Day(end)).Append('\n');
            }
            else
            {
                yaml.Append("date: ").Append(Day(e.Date!.Value)).Append('\n');
            }

            yaml.Append("title_zh: ").Append(Quote(e.TitleZh!)).Append('\n');
            yaml.Append("title_en: ").Append(Quote(e.TitleEn!)).Append('\n');
            if (e.SummaryZh is { } sz)
            {
                yaml.Append("summary_zh: ").Append(Quote(sz)).Append('\n');
            }

            if (e.SummaryEn is { } se)
            {
                yaml.Append("summary_en: ").Append(Quote(se)).Append('\n');
            }

            Write(Path.Combine(events, e.Id + ".yml"), yaml.ToString());
        }

        Parallel.For(0, generator.Spec.Articles, i =>
        {
            var article = generator.Article(i).Article;
            var path = Path.Combine(contentDir, ArticleStore.RelativePath(article));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            Write(path, ArticleFile.Write(article));
        });
    }

    /// <summary>Writes <c>outlets/*.yml</c> (also needed by a content folder that imports raw files).</summary>
    public static void WriteOutlets(ArchiveGenerator generator, string outletsDir)
    {
        Directory.CreateDirectory(outletsDir);
        foreach (var o in generator.Outlets)
        {
            Write(Path.Combine(outletsDir, o.Id + ".yml"), $"""
                id: {o.Id}
                name_zh: {Quote(o.NameZh)}
                name_en: {Quote(o.NameEn)}
                home: {o.Home}
                domains: [{o.Domains[0]}]
                bylines: [{o.Bylines[0]}]
                lang: {o.Lang}

                """);
        }
    }

    /// <summary>
    /// The same archive as a Hugo site: <c>config.toml</c> (zh and en, both in sub-folders; one content
    /// folder mounted for both languages, so every article page exists in both UI languages and they are
    /// each other's translations; taxonomies outlets, events, tags, years and months; pages of the
    /// archive's page_size; feeds of 20), <c>data/</c> with outlet and event names, <c>content/articles/&lt;id&gt;.md</c>, and the
    /// theme from <c>bench/hugo-theme/</c>.
    /// </summary>
    public static void WriteHugoSite(ArchiveGenerator generator, string siteDir) =>
        WriteHugoSite(generator.Outlets, generator.Events, generator.Spec.Articles, generator.Article, new SiteSettings().PageSize, siteDir);

    /// <summary>
    /// The Hugo site of an existing content folder, as it is (<c>SiteGen.Bench --archive DIR</c>): its
    /// articles, outlets and events loaded with the library's own loaders; articles that fail to load are
    /// left out, as the build leaves them out.
    /// </summary>
    public static void WriteHugoSite(string contentDir, string siteDir)
    {
        var articles = ArticleStore.Open(contentDir).Articles.Select(s => s.Article).ToArray();
        var translatedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in articles.Where(a => a.TranslationOf is not null))
        {
            translatedBy.TryAdd(a.TranslationOf!, a.Id);
        }

        var events = EventStore.Load(contentDir).Events.Select(e => new BenchEvent
        {
            Id = e.Id,
            Date = e.Start,
            End = e.End == e.Start ? null : e.End,
            TitleZh = e.TitleZh,
            TitleEn = e.TitleEn,
            SummaryZh = e.SummaryZh,
            SummaryEn = e.SummaryEn,
        }).ToArray();
        var pageSize = SiteStore.LoadSettings(contentDir).PageSize;
        // The site lists only outlets with articles (SitePages.PublishedOutlets): so does Hugo's, not the whole shipped catalog.
        var withArticles = articles.Select(a => a.Outlet).ToHashSet(StringComparer.Ordinal);
        var outlets = OutletStore.Load(contentDir).All.Where(o => withArticles.Contains(o.Id)).ToArray();
        WriteHugoSite(outlets, events, articles.Length, i => new GeneratedArticle(i, articles[i], translatedBy.GetValueOrDefault(articles[i].Id)), pageSize, siteDir);
    }

    private static void WriteHugoSite(IReadOnlyList<Outlet> outlets, IReadOnlyList<BenchEvent> events, int count, Func<int, GeneratedArticle> article, int pageSize, string siteDir)
    {
        Directory.CreateDirectory(siteDir);
        Write(Path.Combine(siteDir, "config.toml"), $"""
            baseURL = "{BaseUrl}"
            theme = "bench"
            defaultContentLanguage = "zh"
            defaultContentLanguageInSubdir = true
            paginate = {pageSize}
            rssLimit = 20
            enableRobotsTXT = true
            disableKinds = []

            [taxonomies]
            outlet = "outlets"
            event = "events"
            tag = "tags"
            year = "years"
            month = "months"

            [permalinks]
            articles = "/articles/:slug/"

            [outputs]
            home = ["HTML", "RSS"]
            section = ["HTML"]
            taxonomy = ["HTML"]
            term = ["HTML", "RSS"]

            [languages.zh]
            languageCode = "zh-Hans"
            languageName = "中文"
            title = "基准新闻档案"
            weight = 1

            [languages.en]
            languageCode = "en"
            languageName = "English"
            title = "Benchmark News Archive"
            weight = 2

            [[module.mounts]]
            source = "content"
            target = "content"
            lang = "zh"

            [[module.mounts]]
            source = "content"
            target = "content"
            lang = "en"

            [[module.mounts]]
            source = "data"
            target = "data"

            """);

        var data = Path.Combine(siteDir, "data");
        Directory.CreateDirectory(data);
        Write(Path.Combine(data, "outlets.json"), JsonSerializer.Serialize(
            outlets.ToDictionary(o => o.Id, o => new Dictionary<string, string> { ["name_zh"] = o.NameZh, ["name_en"] = o.NameEn }), Json));
        Write(Path.Combine(data, "events.json"), JsonSerializer.Serialize(
            events.ToDictionary(e => e.Id, e => new Dictionary<string, string> { ["title_zh"] = e.TitleZh!, ["title_en"] = e.TitleEn!, ["date"] = Day(e.Date!.Value) }), Json));

        var content = Path.Combine(siteDir, "content");
        var articles = Path.Combine(content, "articles");
        Directory.CreateDirectory(articles);
        // The article section has no list page (our site has none); tags, years and months have no feeds.
        Write(Path.Combine(articles, "_index.md"), "---\ntitle: Articles\n_build:\n  render: never\n---\n");
        foreach (var taxonomy in new[] { "tags", "years", "months" })
        {
            Directory.CreateDirectory(Path.Combine(content, taxonomy));
            Write(Path.Combine(content, taxonomy, "_index.md"), $"---\ntitle: {taxonomy}\ncascade:\n  outputs: [\"HTML\"]\n---\n");
        }

        Write(Path.Combine(content, "search.md"), "---\ntitle: Search\nlayout: search\n---\n");

        Parallel.For(0, count, i =>
        {
            var g = article(i);
            Write(Path.Combine(articles, g.Article.Id + ".md"), HugoArticle(g));
        });

        // The theme, from the resources of this assembly (bench/hugo-theme/ in the repository).
        var theme = Path.Combine(siteDir, "themes", "bench");
        var assembly = typeof(ArchiveWriter).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("hugo-theme/", StringComparison.Ordinal)))
        {
            var path = Path.Combine(theme, name["hugo-theme/".Length..].Replace('\\', '/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var source = assembly.GetManifestResourceStream(name)!;
            using var target = File.Create(path);
            source.CopyTo(target);
        }
    }

    /// <summary>One Hugo content file: YAML front matter (JSON-quoted strings) and the same Markdown body.</summary>
    internal static string HugoArticle(GeneratedArticle g)
    {
        var a = g.Article;
        var sb = new StringBuilder(a.Body.Length + 1024);
        sb.Append("---\n");
        sb.Append("title: ").Append(Quote(a.Title)).Append('\n');
        sb.Append("slug: ").Append(a.Id).Append('\n');
        sb.Append("date: ").Append(a.Published.HasTime ? a.Published.ToString() : a.Published + "T00:00:00Z").Append('\n');
        sb.Append("outlets: [").Append(a.Outlet).Append("]\n");
        sb.Append("years: [\"").Append(a.Published.Year.ToString("D4", CultureInfo.InvariantCulture)).Append("\"]\n");
        sb.Append("months: [\"").Append(a.Published.Year.ToString("D4", CultureInfo.InvariantCulture)).Append('-').Append(a.Published.Month.ToString("D2", CultureInfo.InvariantCulture)).Append("\"]\n");
        sb.Append("tags: [").Append(string.Join(", ", a.Tags.Select(Quote))).Append("]\n");
        if (a.Events.Count > 0)
        {
            sb.Append("events: [").Append(string.Join(", ", a.Events)).Append("]\n");
        }

        if (a.Summary is { } summary)
        {
            sb.Append("summary: ").Append(Quote(summary)).Append('\n');
        }

        sb.Append("article_lang: ").Append(a.Lang).Append('\n');
        sb.Append("outlet: ").Append(a.Outlet).Append('\n');
        if ((a.TitleEn ?? a.TitleZh) is { } alt)
        {
            sb.Append(a.TitleEn is null ? "title_zh: " : "title_en: ").Append(Quote(alt)).Append('\n');
        }

        if (a.Url is { } url)
        {
            sb.Append("original: ").Append(Quote(url)).Append('\n');
        }

        if (a.Authors.Count > 0)
        {
            sb.Append("authors: [").Append(string.Join(", ", a.Authors.Select(Quote))).Append("]\n");
        }

        if (a.Image is { } image)
        {
            sb.Append("image: ").Append(Quote(image.Src)).Append('\n');
            if (image.Caption is { } caption)
            {
                sb.Append("caption: ").Append(Quote(caption)).Append('\n');
            }
        }

        var translations = new[] { a.TranslationOf, g.TranslatedBy }.OfType<string>().ToArray();
        if (translations.Length > 0)
        {
            sb.Append("translations: [").Append(string.Join(", ", translations)).Append("]\n");
        }

        sb.Append("---\n\n").Append(a.Body).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// Raw files in the RSS-to-Markdown dump format (seed 001): crawl-time comment, title link underlined
    /// with dashes, date line, proxied lead image with caption, the body as HTML paragraphs.
    /// </summary>
    public static void WriteRawFeedFiles(ArchiveGenerator generator, string dir, int count)
    {
        Directory.CreateDirectory(dir);
        Parallel.For(0, Math.Min(count, generator.Spec.Articles), i =>
        {
            var a = generator.Article(i).Article;
            var sb = new StringBuilder(a.Body.Length * 2);
            sb.Append("<!--").Append(a.Published.Utc.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append("-->\n");
            sb.Append('[').Append(a.Title.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)).Append("](").Append(a.Url).Append(")\n------\n\n");
            sb.Append("<div><i>");
            if (a.Authors.Count > 0)
            {
                sb.Append(System.Net.WebUtility.HtmlEncode(a.Authors[0])).Append("<br>");
            }

            sb.Append(a.Published.Utc.ToString("R", CultureInfo.InvariantCulture)).Append("</i></div>");
            if (a.Image is { } image)
            {
                sb.Append("<img src=\"https://images.weserv.nl?url=").Append(image.Src["https://".Length..]).Append("\" width=\"100%\">");
                if (image.Caption is { } caption)
                {
                    sb.Append("<div><small style=\"color: #999;\">").Append(System.Net.WebUtility.HtmlEncode(caption)).Append("</small></div>");
                }
            }

            sb.Append(MarkdownRenderer.ToHtml(a.Body).Replace("\n", "", StringComparison.Ordinal));
            sb.Append("\n\n<br><hr><div>获取更多RSS：<br><a href=\"https://feedx.example/rss/voa.xml\">https://feedx.example/rss/voa.xml</a></div>\n");
            Write(Path.Combine(dir, $"{i:D6}_{a.Id}.txt"), sb.ToString());
        });
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A YAML double-quoted scalar (JSON string syntax is valid YAML).</summary>
    private static string Quote(string s) => JsonSerializer.Serialize(s, Json);

    private static void Write(string path, string text) => File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal), Utf8);
}
