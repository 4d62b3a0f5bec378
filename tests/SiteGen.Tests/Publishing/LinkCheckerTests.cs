using SiteGen.Publishing;
using SiteGen.Rendering;

namespace SiteGen.Tests.Publishing;

/// <summary>The link checker on hand-written pages: what it must find, and what raw text must not fool it into.</summary>
public class LinkCheckerTests
{
    private static readonly SiteUrls Urls = new("https://user.github.io/repo/");

    private static IReadOnlyList<string> Check(string html, params string[] otherFiles)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { ["zh/a/index.html"] = html };
        foreach (var file in otherFiles)
        {
            files[file] = "";
        }

        return LinkChecker.Check(files.Keys, path => files[path], null, Urls, null);
    }

    [Fact]
    public void Links_to_files_of_the_site_pass_in_every_form()
    {
        var problems = Check(
            """<a href="/repo/zh/b/">b</a><a href="../b/index.html#x">b</a><a href="https://user.github.io/repo/assets/s.css?v=1">s</a><img src="/repo/assets/%E5%9B%BE.png" srcset="/repo/assets/s.css 1x, ../b/ 2x" alt=""><meta property="og:url" content="https://user.github.io/repo/zh/b/"><a href="#top">t</a><a href="mailto:x@example.org">m</a>""",
            "zh/b/index.html",
            "assets/s.css",
            "assets/图.png");
        Assert.Empty(problems);
    }

    [Fact]
    public void Each_broken_link_is_named_with_its_page()
    {
        var problems = Check("""<a href="/repo/zh/missing/">x</a><img src="../../gone.png" alt=""><img src="../../../above.png" alt=""><a href="/elsewhere/">y</a><a href="/repo/../../etc/passwd">z</a><link rel="stylesheet" href="/repo/%zz">""");
        Assert.Equal(
            [
                "/zh/a/index.html: broken link (leaves the site): ../../../above.png",
                "/zh/a/index.html: broken link (leaves the site): /repo/../../etc/passwd",
                "/zh/a/index.html: broken link (outside the base path /repo/): /elsewhere/",
                "/zh/a/index.html: broken link: ../../gone.png",
                "/zh/a/index.html: broken link: /repo/%zz",
                "/zh/a/index.html: broken link: /repo/zh/missing/",
            ],
            problems);
    }

    [Fact]
    public void Third_party_loads_fail_except_lazy_article_images_without_referrer()
    {
        var problems = Check("""
            <a href="https://other.example/story">a plain link is fine</a>
            <link rel="alternate" href="https://other.example/feed">
            <img src="https://img.example/ok.jpg" loading="lazy" referrerpolicy="no-referrer" alt="">
            <img src="https://img.example/eager.jpg" alt="">
            <script src="https://cdn.example/x.js"></script>
            <link rel="stylesheet" href="//cdn.example/x.css">
            <iframe src="https://video.example/embed"></iframe>
            """);
        Assert.Equal(
            [
                "/zh/a/index.html: third-party request from <iframe>: https://video.example/embed",
                "/zh/a/index.html: third-party request from <img>: https://img.example/eager.jpg",
                "/zh/a/index.html: third-party request from <link>: //cdn.example/x.css",
                "/zh/a/index.html: third-party request from <script>: https://cdn.example/x.js",
            ],
            problems);
    }

    [Fact]
    public void Inline_scripts_and_event_handlers_are_reported()
    {
        var problems = Check("""<p onclick="x()">a</p><script>alert(1)</script><svg><a ONMOUSEOVER="y()"></a></svg>""");
        Assert.Equal(
            [
                "/zh/a/index.html: event handler attribute onclick on <p>",
                "/zh/a/index.html: event handler attribute onmouseover on <a>",
                "/zh/a/index.html: inline <script> element",
            ],
            problems);
    }

    [Fact]
    public void Tags_written_inside_raw_text_elements_are_text_not_links()
    {
        // Inside script, style, title and textarea a '<' starts no tag: these would be a broken link and
        // a third-party image if the checker read them as markup (the browser does not).
        var problems = Check("""
            <title><img src="https://tracker.example/t.gif"></title>
            <style>a::after { content: "<a href='/repo/nowhere/'>"; }</style>
            <textarea><a href="/repo/nowhere/">x</a></textarea>
            <script src="/repo/assets/s.js"></script>
            <noscript><a href="/repo/zh/b/">archive</a></noscript>
            """,
            "assets/s.js",
            "zh/b/index.html");
        Assert.Empty(problems);
    }

    [Fact]
    public void The_first_of_two_attributes_with_one_name_counts_as_in_a_browser()
    {
        var problems = Check("""<img src="https://img.example/a.jpg" loading="lazy" referrerpolicy="no-referrer" loading="eager" alt="">""");
        Assert.Empty(problems);
        problems = Check("""<img src="https://img.example/a.jpg" loading="eager" loading="lazy" referrerpolicy="no-referrer" alt="">""");
        Assert.Single(problems);
    }

    [Fact]
    public void A_cached_page_is_not_read_again_but_its_links_are_looked_up_anew()
    {
        var cache = new LinkCache();
        var reads = 0;
        var files = new List<string> { "zh/a/index.html", "zh/b/index.html" };
        string Read(string path)
        {
            reads++;
            return path == "zh/a/index.html" ? """<a href="/repo/zh/b/">b</a>""" : "";
        }

        Assert.Empty(LinkChecker.Check(files, Read, null, Urls, cache));
        var first = reads;
        files.Remove("zh/b/index.html");
        Assert.Equal(["/zh/a/index.html: broken link: /repo/zh/b/"], LinkChecker.Check(files, Read, path => SiteGen.Publishing.Incremental.Digest.Of(Read(path)), Urls, cache));
        Assert.Equal(first + 1, reads); // read once for its digest, not parsed again
    }

    [Fact]
    public void A_kept_verdict_holds_only_while_the_set_of_files_is_the_same()
    {
        var cache = new LinkCache();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["zh/a/index.html"] = """<a href="/repo/zh/b/">b</a><p onclick="x()">p</p>""",
            ["zh/b/index.html"] = "",
        };
        IReadOnlyList<string> Run(params string[] files) => LinkChecker.Check(files, path => texts[path], path => SiteGen.Publishing.Incremental.Digest.Of(texts[path]), Urls, cache);

        string[] own = ["/zh/a/index.html: event handler attribute onclick on <p>"];
        string[] broken = ["/zh/a/index.html: broken link: /repo/zh/b/", .. own];
        Assert.Equal(own, Run("zh/a/index.html", "zh/b/index.html"));
        Assert.Equal(own, Run("zh/a/index.html", "zh/b/index.html")); // same files: the kept verdict
        Assert.Equal(broken, Run("zh/a/index.html"));                 // b is gone: looked up anew
        Assert.Equal(broken, Run("zh/a/index.html"));
        Assert.Equal(own, Run("zh/b/index.html", "zh/a/index.html")); // back, in another order
        texts["zh/a/index.html"] = """<a href="/repo/zh/c/">c</a>""";
        Assert.Equal(["/zh/a/index.html: broken link: /repo/zh/c/"], Run("zh/a/index.html", "zh/b/index.html")); // the page changed
    }

    [Fact]
    public void A_link_resolved_on_an_earlier_page_resolves_again_where_its_meaning_differs()
    {
        // Extract remembers, per thread, what links starting with '/' or the base URL resolved to: the
        // same text may mean something else under another base URL, from another page (relative
        // links) or on another tag (third-party loads), and those are never taken from the memory.
        var other = new SiteUrls("https://example.org/");
        var first = LinkChecker.Extract("zh/a/index.html", """<a href="/repo/zh/b/">b</a>""", Urls);
        var second = LinkChecker.Extract("zh/a/index.html", """<a href="/repo/zh/b/">b</a>""", other);
        Assert.Equal([("zh/b/", "/repo/zh/b/")], first.Targets);
        Assert.Equal([("repo/zh/b/", "/repo/zh/b/")], second.Targets);
        Assert.Equal(["broken link (outside the base path /repo/): /elsewhere/"], LinkChecker.Extract("zh/a/index.html", """<a href="/elsewhere/">x</a>""", Urls).Problems);
        Assert.Empty(LinkChecker.Extract("zh/a/index.html", """<a href="/elsewhere/">x</a>""", other).Problems);

        Assert.Equal([("zh/b/", "../b/")], LinkChecker.Extract("zh/a/index.html", """<a href="../b/">b</a>""", Urls).Targets);
        Assert.Equal([("en/x/b/", "../b/")], LinkChecker.Extract("en/x/y/index.html", """<a href="../b/">b</a>""", Urls).Targets);

        Assert.Empty(LinkChecker.Extract("zh/a/index.html", """<a href="https://img.example/p.jpg">p</a>""", Urls).Problems);
        Assert.Equal(["third-party request from <img>: https://img.example/p.jpg"], LinkChecker.Extract("zh/a/index.html", """<img src="https://img.example/p.jpg" alt="">""", Urls).Problems);
        Assert.Empty(LinkChecker.Extract("zh/a/index.html", """<a href="https://img.example/p.jpg">p</a>""", Urls).Problems);
    }

    [Fact]
    public void Each_target_and_problem_of_a_page_is_listed_once_in_the_order_first_met()
    {
        var links = LinkChecker.Extract(
            "zh/a/index.html",
            """<a href="/repo/zh/c/">c</a><p onclick="x()"></p><a href=" /repo/zh/b/ ">b</a><a href="/repo/zh/c/">c</a><p onclick="y()"></p><a href="/repo/zh/b/">b</a><a href="https://user.github.io/repo/zh/c/">c</a>""",
            Urls);
        Assert.Equal([("zh/c/", "/repo/zh/c/"), ("zh/b/", "/repo/zh/b/"), ("zh/c/", "https://user.github.io/repo/zh/c/")], links.Targets);
        Assert.Equal(["event handler attribute onclick on <p>"], links.Problems);
    }

    [Fact]
    public void A_value_is_read_as_the_browser_decodes_it_whether_or_not_it_was_met_before()
    {
        // Values are looked up as they stand in the page only when decoding would not change them: the
        // text "/repo/a&amp;b/" is the link "/repo/a&b/", not the link written "/repo/a&amp;amp;b/".
        Assert.Equal([("a&amp;b/", "/repo/a&amp;b/")], LinkChecker.Extract("x.html", """<a href="/repo/a&amp;amp;b/">1</a>""", Urls).Targets);
        Assert.Equal([("a&b/", "/repo/a&b/")], LinkChecker.Extract("x.html", """<a href="/repo/a&amp;b/">2</a>""", Urls).Targets);
        Assert.Equal([("zh/b/", "/repo/zh/b/")], LinkChecker.Extract("x.html", """<a href="/repo/zh/b/">3</a><a href="/repo/zh/&#98;/">4</a>""", Urls).Targets);

        // og:url and og:image are links wherever the property's name is written with a reference.
        Assert.Equal([("zh/c/", "https://user.github.io/repo/zh/c/")], LinkChecker.Extract("x.html", """<meta property="og&#58;url" content="https://user.github.io/repo/zh/c/">""", Urls).Targets);
        Assert.Empty(LinkChecker.Extract("x.html", """<meta property="og:title" content="https://user.github.io/repo/zh/c/">""", Urls).Targets);
    }
}
