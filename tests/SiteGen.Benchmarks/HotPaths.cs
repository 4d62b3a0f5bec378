using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using SiteGen.Bench;
using SiteGen.Content;
using SiteGen.Link;
using SiteGen.Normalize;
using SiteGen.Publishing;
using SiteGen.Rendering;
using SiteGen.Sources;

namespace SiteGen.Benchmarks;

/// <summary>
/// The hot paths of import and build on generated input (seed 42), one operation per call: read a raw
/// feed file (sniff + read + normalize), HTML → Markdown, parse a front-matter article, Markdig on a
/// body, Scriban on an article page and a tag page, NUglify on a page. The search index has its own
/// class, <see cref="SearchIndexing"/>.
/// </summary>
[MemoryDiagnoser]
public class HotPaths
{
    private SourceDocument _raw = null!;
    private ReaderContext _context = null!;
    private string _bodyHtml = "";
    private string _articleFile = "";
    private string _markdown = "";
    private PageRenderer _renderer = null!;
    private PageJob _articlePage = null!;
    private PageJob _tagPage = null!;
    private string _pageHtml = "";

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitegen-benchmarks-" + Environment.ProcessId);
        var generator = new ArchiveGenerator(new ArchiveSpec(400));
        var content = Path.Combine(dir, "content");
        ArchiveWriter.WriteContent(generator, content);
        ArchiveWriter.WriteRawFeedFiles(generator, Path.Combine(dir, "raw"), 1);

        var rawPath = Directory.GetFiles(Path.Combine(dir, "raw")).Single();
        var text = File.ReadAllText(rawPath);
        _raw = new SourceDocument(rawPath, text, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), "utf-8");
        _context = new ReaderContext(OutletStore.Load(content));
        var article = generator.Article(0).Article;
        _markdown = article.Body;
        _bodyHtml = MarkdownRenderer.ToHtml(article.Body);
        _articleFile = ArticleFile.Write(article);

        var themeDir = FindUp("themes/default");
        var settings = SiteStore.LoadSettings(content);
        var urls = new SiteUrls(settings.BaseUrl);
        var store = ArticleStore.Open(content);
        var model = SiteModel.Build(store.Articles.Select(s => s.Article), OutletStore.Load(content), SiteGen.Events.EventStore.Load(content).Events);
        var i18n = SitePages.Languages.ToDictionary(l => l, l => I18n.Load(l, Path.Combine(themeDir, "i18n", l + ".yml")), StringComparer.Ordinal);
        var pages = new SitePages(model, settings, urls, "/assets/site.css", "/assets/icon.svg", (lang, key) => i18n[lang].Get(key));
        var jobs = pages.All().ToArray();
        _renderer = new PageRenderer(Theme.Load(themeDir, null), i18n, urls);
        _articlePage = jobs.First(j => j.Template == "article");
        _tagPage = jobs.Where(j => j.Template == "tag").MaxBy(j => model.Tags.First(t => j.Suffix == $"tags/{t.Slug}/" || j.Suffix.StartsWith($"tags/{t.Slug}/page/", StringComparison.Ordinal)).Articles.Count)!;
        _pageHtml = _renderer.Render(_articlePage);
        Directory.Delete(dir, recursive: true);
    }

    [Benchmark(Description = "reader: RSS dump → Article (sniff, read, HTML → Markdown)")]
    public object ReadRawFeedFile()
    {
        var reader = SourceReaders.Default.Choose(_raw)!;
        return reader.Read(_raw, _context);
    }

    [Benchmark(Description = "HtmlToMarkdown.Convert of a 1–4 KB body")]
    public string HtmlToMarkdownBody() => HtmlToMarkdown.Convert(_bodyHtml);

    [Benchmark(Description = "ArticleFile.Parse (YAML front matter + body)")]
    public object ParseArticleFile() => ArticleFile.Parse(_articleFile);

    [Benchmark(Description = "Markdig: body → HTML")]
    public string Markdig() => MarkdownRenderer.ToHtml(_markdown);

    [Benchmark(Description = "Scriban: article page (page + layout + partials)")]
    public string ScribanArticle() => _renderer.Render(_articlePage);

    [Benchmark(Description = "Scriban: tag list page of 20")]
    public string ScribanTagPage() => _renderer.Render(_tagPage);

    [Benchmark(Description = "NUglify: minify an article page")]
    public string Minify() => Minifier.Html(_pageHtml);

    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, relative)))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new DirectoryNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
