using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

/// <summary>
/// Each thread reuses one Scriban context from page to page, partials called as statements render
/// straight into the page and a layout prints its page's text from a builder: what a page shows must
/// not depend on any of that (nor on the page rendered before it on the same thread).
/// </summary>
public class PageRendererTests
{
    private static PageRenderer Renderer(params (string Name, string Text)[] templates)
    {
        var dir = TestPaths.NewTempDir();
        foreach (var (name, text) in templates)
        {
            var file = Path.Combine(dir, "layouts", name + Theme.Extension);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        var i18n = new Dictionary<string, I18n>(StringComparer.Ordinal)
        {
            ["en"] = new I18n("en", new Dictionary<string, string>(StringComparer.Ordinal) { ["hello"] = "Hello" }),
        };
        return new PageRenderer(Theme.Load(dir, null), i18n, new SiteUrls("https://example.org/"));
    }

    private static PageJob Job(string template, string? layout = null, Dictionary<string, object?>? variables = null) =>
        new($"{template}/index.html", template, layout, "en", template + "/", false, () => variables ?? []);

    [Fact]
    public void A_partial_prints_the_same_as_a_statement_as_a_value_and_piped()
    {
        var renderer = Renderer(
            ("page", "<{{ include 'partials/p' }}>\n{{ x = include 'partials/p' }}[{{ x }}]\n{{ include 'partials/p' | string.size }}"),
            ("partials/p", "A & {{ 'b & c' }}\n{{ t 'hello' }}"));
        Assert.Equal("<A & b &amp; c\nHello>\n[A & b &amp; c\nHello]\n19", renderer.Render(Job("page")));
    }

    [Fact]
    public void An_indented_partial_is_indented_as_scriban_indents_it()
    {
        // What the partial made into a string of its own, then printed under the indent, gave (raw lines
        // of the partial are indented twice, values once): kept as it was.
        var renderer = Renderer(
            ("page", "<main>\n    {{ include 'partials/p' }}\n</main>"),
            ("partials/p", "A\n  {{ 'x' }}\nB\n{{ 1 }}\nC\n"));
        Assert.Equal("<main>\n        A\n          x\n        B\n    1\n        C\n\n</main>", renderer.Render(Job("page")));
    }

    [Fact]
    public void A_layout_prints_its_page_as_it_is_where_content_stands()
    {
        var renderer = Renderer(
            ("page", "a & {{ 'b & c' }}\nd"),
            ("layout", "<main>\n{{ content }}\n  {{ content }}\n{{ content | string.size }} {{ content.html | string.size }}\n</main>"));
        Assert.Equal("<main>\na & b &amp; c\nd\n  a & b &amp; c\n  d\n15 15\n</main>", renderer.Render(Job("page", "layout")));
    }

    [Fact]
    public void A_page_sees_nothing_the_page_before_it_assigned()
    {
        var renderer = Renderer(("assigns", "{{ leak = 'x' }}{{ $local = 'y' }}ok"), ("reads", "{{ leak }}"));
        Assert.Equal("ok", renderer.Render(Job("assigns")));
        var error = Assert.Throws<RenderException>(() => renderer.Render(Job("reads")));
        Assert.Contains("leak", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_after_a_failed_page_renders_whole()
    {
        var renderer = Renderer(
            ("fails", "{{ include 'partials/p' }}"),
            ("partials/p", "<p>{{ for i in 1..3 }}{{ i }}{{ if i == 2 }}{{ no_such_thing.x }}{{ end }}{{ end }}</p>"),
            ("page", "<b>{{ name }}</b>"),
            ("layout", "[{{ content }}]"));
        Assert.Throws<RenderException>(() => renderer.Render(Job("fails", "layout")));
        Assert.Equal("[<b>A &amp; B</b>]", renderer.Render(Job("page", "layout", new() { ["name"] = "A & B" })));
    }

    [Fact]
    public void Each_page_records_in_its_own_trace_whether_it_read_a_body()
    {
        var article = new ArticleView
        {
            Id = "a1",
            Url = "/en/articles/a1/",
            Title = "T",
            ListTitle = "T",
            ListTitleLang = "en",
            Lang = "en",
            Outlet = new LinkView("O", "/en/outlets/o/"),
            DateIso = "2024-01-02",
            DateText = "2 January 2024",
            Body = new RawHtml("<p>body</p>"),
        };
        var renderer = Renderer(("full", "{{ article.body }}"), ("list", "{{ article.title }}"));
        var variables = new Dictionary<string, object?> { ["article"] = article };
        foreach (var (template, readsBody) in new[] { ("full", true), ("list", false), ("full", true), ("list", false) })
        {
            var trace = new RenderTrace();
            renderer.Render(Job(template), variables, trace);
            Assert.Equal(readsBody, trace.ReadBodies);
            Assert.Contains(template, trace.Templates.Keys);
        }
    }
}
