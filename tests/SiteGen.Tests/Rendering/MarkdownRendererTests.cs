using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

public class MarkdownRendererTests
{
    [Theory]
    [InlineData("据**《环球时报》**报道", "据<strong>《环球时报》</strong>报道")]
    [InlineData("这是**重要。**然后", "这是<strong>重要。</strong>然后")]
    [InlineData("他说*“不”*就走了", "他说<em>“不”</em>就走了")]
    public void Emphasis_next_to_full_width_punctuation_is_rendered(string markdown, string expected) =>
        Assert.Equal($"<p>{expected}</p>", MarkdownRenderer.ToHtml(markdown).Trim());

    [Fact]
    public void Chinese_headings_get_github_style_ids_that_keep_their_letters()
    {
        var html = MarkdownRenderer.ToHtml("## 观察人士：中俄关系“背靠背”\n\n### Western reaction, in brief\n\n#### 观察人士");
        Assert.Contains("<h2 id=\"观察人士中俄关系背靠背\">", html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"western-reaction-in-brief\">", html, StringComparison.Ordinal);
        Assert.Contains("<h4 id=\"观察人士\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_in_a_body_comes_out_as_text()
    {
        var html = MarkdownRenderer.ToHtml("hi <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">block</div>");
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_load_lazily_without_referrer_and_external_links_get_noopener()
    {
        var html = MarkdownRenderer.ToHtml("![a](https://img.example/x.jpg) [link](https://example.com/) [local](#top)");
        Assert.Contains("loading=\"lazy\"", html, StringComparison.Ordinal);
        Assert.Contains("referrerpolicy=\"no-referrer\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/\" rel=\"noopener noreferrer\">link</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#top\">local</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](data:text/html,hi)")]
    [InlineData("![x](vbscript:msgbox)")]
    public void Active_urls_are_made_inert(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Figure_blocks_from_the_importer_become_figures_with_captions()
    {
        var html = MarkdownRenderer.ToHtml("^^^\n![](https://a.org/x.jpg)\n^^^ 中俄两国元首举行会晤");
        Assert.Contains("<figure>", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>中俄两国元首举行会晤</figcaption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pipeline_is_built_once()
    {
        Assert.Same(MarkdownRenderer.Pipeline, MarkdownRenderer.Pipeline);
    }
}
