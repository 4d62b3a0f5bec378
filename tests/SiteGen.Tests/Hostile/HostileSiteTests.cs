using System.Text;
using AngleSharp.Html.Parser;
using SiteGen.Import;
using SiteGen.Publishing;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// The site side of "nothing injected": a site built from the whole hostile fixture set plus
/// hand-written hostile articles, outlets, events, site.yml and UI strings, every page scanned.
/// </summary>
public class HostileSiteTests(ITestOutputHelper output)
{
    /// <summary>Payloads placed in every text field a reader or the archivist controls.</summary>
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "'><svg onload=alert(3)>",
        "<iframe src=\"javascript:alert(4)\"></iframe>",
        "<object data=\"data:text/html,<script>alert(5)</script>\"></object>",
        "<style>body{background:url(javascript:alert(6))}</style>",
        "<a href=\"vbscript:msgbox(7)\">x</a>",
        "<!-- comment --><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(8)\">",
        "<base href=\"//evil.example/\"><embed src=\"//evil.example/x.swf\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(9)>",
        "javascript:alert(10)",
        "{{ site.title }}{% raw %}${alert(11)}",
    ];

    private static string P(int i) => Payloads[i % Payloads.Length];

    [Theory]
    [InlineData(true, "https://example.org/")]
    [InlineData(false, "https://example.org/sub/'quote/")]
    public void Every_page_built_from_hostile_content_is_inert(bool minify, string baseUrl)
    {
        var (content, _) = HostileKit.NewWorkspace();
        var import = HostileKit.Import(content, HostileKit.Dir);
        var imported = import.Count(ImportStatus.Imported);
        var themes = HostileTheme(Path.Combine(Path.GetDirectoryName(content)!, "themes"));
        var handWritten = WriteHostileContent(content);
        var outDir = Path.Combine(Path.GetDirectoryName(content)!, "public");

        var result = SiteBuilder.Build(new BuildOptions(content, outDir) { ThemesDir = themes, BaseUrl = baseUrl, Minify = minify });
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

        var basePath = new Uri(baseUrl).AbsolutePath;
        var (pages, feeds) = SiteScan.AssertSiteSafe(outDir, basePath);

        // Not vacuous: the payloads reached the pages, as text.
        var parser = new HtmlParser();
        var withPayloadText = Directory.EnumerateFiles(outDir, "*.html", SearchOption.AllDirectories)
            .Count(f => parser.ParseDocument(File.ReadAllText(f)).Body!.TextContent.Contains("alert(", StringComparison.Ordinal));
        Assert.True(withPayloadText > pages / 2, $"only {withPayloadText} of {pages} pages show a payload as text");
        var article = File.ReadAllText(Directory.EnumerateDirectories(outDir, "evil-hostile-fields", SearchOption.AllDirectories).Select(d => Path.Combine(d, "index.html")).Single());
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", article, StringComparison.Ordinal);

        output.WriteLine($"imported {imported} hostile fixtures (of {import.Entries.Count}), wrote {handWritten} hand-written hostile articles; scanned {pages} pages and {feeds} feeds: nothing active");
    }

    /// <summary>A copy of the default theme whose every UI string carries a payload.</summary>
    internal static string HostileTheme(string themesDir)
    {
        var source = Path.Combine(TestPaths.RepoRoot, "themes", "default");
        var target = Path.Combine(themesDir, "default");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var n = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(target, "i18n"), "*.yml"))
        {
            var stream = new YamlStream();
            using (var reader = new StringReader(File.ReadAllText(file)))
            {
                stream.Load(reader);
            }

            void Poison(YamlMappingNode map)
            {
                foreach (var (_, value) in map.Children)
                {
                    if (value is YamlMappingNode child)
                    {
                        Poison(child);
                    }
                    else if (value is YamlScalarNode scalar)
                    {
                        scalar.Value += " " + P(n++);
                        scalar.Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted;
                    }
                }
            }

            Poison((YamlMappingNode)stream.Documents[0].RootNode);
            using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
            stream.Save(writer, assignAnchors: false);
        }

        return themesDir;
    }

    /// <summary>site.yml, an outlet, events and normalized articles written by hand, hostile in every field.</summary>
    internal static int WriteHostileContent(string content)
    {
        static string Q(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

        File.WriteAllText(Path.Combine(content, "site.yml"), $"""
            title_zh: {Q("档案" + P(0))}
            title_en: {Q("Archive" + P(1))}
            description_zh: {Q(P(2))}
            description_en: {Q(P(7))}
            base_url: https://example.org/
            default_language: zh
            page_size: 2
            """);
        File.WriteAllText(Path.Combine(content, "outlets", "evil.yml"), $"""
            id: evil
            name_zh: {Q("恶意" + P(0))}
            name_en: {Q("Evil" + P(1))}
            home: "javascript:alert('home')"
            domains: [evil.example]
            """);
        File.WriteAllText(Path.Combine(content, "outlets", "evil2.yml"), $"""
            id: evil2
            name_zh: {Q(P(5))}
            name_en: {Q(P(8))}
            home: {Q("https://evil.example/\"><script>alert('home2')</script>")}
            """);
        Directory.CreateDirectory(Path.Combine(content, "events"));
        File.WriteAllText(Path.Combine(content, "events", "evil-event.yml"), $"""
            id: evil-event
            date: 2022-02-04
            title_zh: {Q("事件" + P(3))}
            title_en: {Q("Event" + P(4))}
            summary_zh: {Q(P(6))}
            summary_en: {Q(P(9))}
            """);
        File.WriteAllText(Path.Combine(content, "events", "evil-event-2.yml"), $"""
            id: evil-event-2
            title_en: {Q(P(10))}
            summary_en: {Q("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>")}
            """);

        var tags = new[]
        {
            "<script>alert('tag')</script>", "javascript:alert(1)", "\" onmouseover=\"alert(1)", "../../../etc/passwd", "..", ".", "..\\..\\windows",
            "/etc/passwd", "C:\\Windows", "con", "NUL", "a%2f..%2fb", "%2e%2e", "普京", "普京/../习近平", "․․／․․", "ａ／ｂ", "<!-- -->",
            "url(javascript:alert(1))", "<svg><script>alert(1)</script></svg>",
        };
        var bodies = new[]
        {
            "[click](javascript:alert(1)) [v](vbscript:msgbox(1)) [d](data:text/html,<script>alert(1)</script>) [tab](java\tscript:alert(1))",
            "![img](javascript:alert(1)) ![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) ![ok](https://img.example/x.jpg)",
            "<script>alert(1)</script>\n\n<iframe src=\"javascript:alert(1)\"></iframe>\n\n<img src=x onerror=alert(1)>",
            "<style>body{background:url(javascript:alert(1))}</style>\n\n<object data=x></object><embed src=x>",
            "<!-- comment -->\n\n<svg onload=alert(1)><script>alert(1)</script></svg>\n\n<math><mtext><script>alert(1)</script></mtext></math>",
            "<javascript:alert(1)> <vbscript:msgbox(1)> <https://ok.example/?a=\"b\">",
            "[ref][1] ![ref][2]\n\n[1]: javascript:alert(1)\n[2]: data:image/svg+xml,<svg/onload=alert(1)>",
            "[x](&#106;avascript:alert(1)) [y](&#x6A;avascript&#58;alert(1)) [z]( JAVASCRIPT:alert(1))",
            "## \"><script>alert(1)</script>\n\n| <b onmouseover=alert(1)>a</b> | b |\n|---|---|\n| <a href=javascript:alert(1)>c</a> | d |",
            "^^^ ![cap](javascript:alert(1))\n^^^ <script>alert(1)</script> caption\n\n<form action=\"https://evil.example/\"><input formaction=\"javascript:alert(1)\"></form>",
            "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><link rel=stylesheet href=\"https://evil.example/x.css\">",
            "[x](<https://ok.example/a b\"onmouseover=\"alert(1)>) [x](https://ok.example/\"onmouseover=\"alert(1)) <a href='x' style='background:url(javascript:alert(1))'>s</a>",
        };

        var dir = Path.Combine(content, "articles", "evil", "2022");
        Directory.CreateDirectory(dir);
        var count = 0;
        void Article(string slug, string frontMatter, string body)
        {
            File.WriteAllText(Path.Combine(dir, slug + ".md"), $"---\nid: evil-{slug}\noutlet: evil\n{frontMatter.TrimEnd()}\n---\n\n{body}\n");
            count++;
        }

        Article("hostile-fields", $"""
            title: {Q(P(0) + "标题")}
            title_en: {Q(P(0))}
            title_zh: {Q(P(1))}
            lang: zh-Hans
            published: 2022-02-04T14:22:53+08:00
            url: {Q("https://evil.example/a?x=\"><script>alert(1)</script>")}
            mirrors:
              - {Q("https://mirror.example/'onmouseover='alert(1)")}
              - "https://mirror.example/%22%3E%3Cscript%3E"
            authors:
              - {Q(P(1))}
              - {Q(P(2))}
            editor: {Q(P(3))}
            image:
              src: {Q("https://img.example/x.jpg?\"onerror=\"alert(1)")}
              caption: {Q(P(2))}
              credit: {Q(P(7))}
            tags:
            {string.Join("\n", tags.Select(t => "  - " + Q(t)))}
            events:
              - evil-event
              - evil-event-2
              - evil-implicit
            summary: {Q(P(4))}
            """, bodies[0]);
        for (var i = 0; i < bodies.Length; i++)
        {
            Article($"body-{i}", $"""
                title: {Q(P(i) + " #" + i)}
                title_zh: {Q(P(i + 1))}
                lang: en
                published: 2022-0{1 + (i % 9)}-1{i % 10}T08:00:00Z
                authors: [{Q(P(i + 2))}]
                image:
                  src: https://img.example/{i}.jpg
                  caption: {Q(P(i + 3))}
                tags: [{Q(tags[i % tags.Length])}, {Q(tags[(i + 5) % tags.Length])}]
                events: [evil-event]
                summary: {Q(P(i + 4))}
                {(i == 1 ? "translation_of: evil-hostile-fields" : "")}
                """, bodies[i]);
        }

        return count;
    }
}
