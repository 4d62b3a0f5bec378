using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using CsCheck;
using SiteGen.Publishing;

namespace SiteGen.Tests.Publishing;

/// <summary>
/// The start-tag scanner the link checker uses, against AngleSharp's HTML tokenizer (switched into
/// raw-text modes as its tree builder does): on any soup of tags, quotes, comments, raw-text elements
/// and character references both must see the same start tags with the same attributes.
/// </summary>
public class StartTagScannerTests
{
    private static readonly string[] Pieces =
    [
        "<", ">", "/", "=", "\"", "'", " ", "\t", "\n", "\r\n", "x", "A", "h", "href", "src", "onclick", "1", "é", "普京",
        "<a href=\"/zh/\">", "</a>", "<img src=x alt=''>", "<IMG SRC='/Y' Alt>", "<a href=\"a\" href=\"b\">", "<p class=a/b>",
        "<!-- c -->", "<!-->", "<!--->", "<!---->", "--!>", "<!doctype html>", "<!x>", "<?php ?>", "</>", "</ x>", "</p title=\">\">",
        "<script>", "</script>", "<SCRIPT src=\"s.js\">", "</script >", "<style>", "</style>", "<title>", "</TITLE>",
        "<textarea>", "</textarea>", "<xmp>", "</xmp>", "<noscript>", "</noscript>", "<svg>", "<math>",
        "&amp;", "&#39;", "&lt;", "&quot;", "&#x26;", "&", "a=\"1\"b", "<a b=c d = 'e' f =g>", "<b/c>", "<br/>",
    ];

    private static readonly Gen<string> Soup = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 40].Select(string.Concat)
        .Where(html => !HasScriptComment(html));

    [Fact]
    public void Sees_the_same_start_tags_and_attributes_as_AngleSharp()
    {
        Soup.Sample(html =>
        {
            var expected = Reference(html);
            var actual = Scanned(html);
            Assert.True(expected.SequenceEqual(actual), $"input: {Show(html)}\nAngleSharp: {string.Join(" | ", expected)}\nscanner:    {string.Join(" | ", actual)}");
        }, iter: 20_000);
    }

    [Fact]
    public void Keeping_only_some_attributes_keeps_exactly_those_of_the_full_scan()
    {
        static bool Wanted(string name) => name is "href" or "src" || name.StartsWith("on", StringComparison.Ordinal);
        Soup.Sample(html =>
        {
            var full = new List<string>();
            StartTagScanner.Scan(html, (tag, attributes) => full.Add(Describe(tag, attributes.Where(a => Wanted(a.Name)))));
            var filtered = new List<string>();
            StartTagScanner.Scan(html, Wanted, (tag, attributes) => filtered.Add(Describe(tag, attributes)));
            Assert.Equal(full, filtered);
        }, iter: 5_000);
    }

    [Fact]
    [Trait("Needs", "shared")]
    public void Reads_every_scraped_page_of_the_seeds_and_corpus_like_AngleSharp()
    {
        // Real HTML from mirrors and feed dumps: inline scripts, styles, comments, odd attributes.
        var files = Directory.EnumerateFiles(TestPaths.Seeds).Concat(Directory.EnumerateFiles(TestPaths.Corpus, "*", SearchOption.AllDirectories)).ToArray();
        var compared = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (text.Count(c => c == '<') < 10 || HasScriptComment(text))
            {
                continue;
            }

            Assert.Equal(Reference(text), Scanned(text));
            compared++;
        }

        Assert.True(compared >= 50, $"only {compared} pages compared");
    }

    [Fact]
    public void Reads_a_page_like_ours()
    {
        var html = """<!DOCTYPE html><html lang="zh"><head><title>a <b> c</title><link rel="stylesheet" href="/assets/site.css?v=1&amp;x=2"></head><body><p>普京 &lt;tag&gt;</p><script src="/s.js"></script><textarea><a href="x"></textarea><a href='/zh/' class=nav>zh</a></body></html>""";
        Assert.Equal(
            ["html lang=zh", "head", "title", "link rel=stylesheet href=/assets/site.css?v=1&x=2", "body", "p", "script src=/s.js", "textarea", "a href=/zh/ class=nav"],
            Scanned(html));
        Assert.Equal(Reference(html), Scanned(html));
    }

    private static List<string> Scanned(string html)
    {
        var tags = new List<string>();
        StartTagScanner.Scan(html, (tag, attributes) => tags.Add(Describe(tag, attributes.Select(a => (a.Name, a.Value)))));
        return tags;
    }

    /// <summary>AngleSharp's tokenizer alone, with the tree builder's switch into raw text after script, style, title and the like.</summary>
    private static List<string> Reference(string html)
    {
        var tags = new List<string>();
        using var source = new TextSource(html);
        var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver);
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token.Type != HtmlTokenType.StartTag)
            {
                continue;
            }

            tokenizer.State = token.Name switch
            {
                "script" => HtmlParseMode.Script,
                "style" or "xmp" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
                "title" or "textarea" => HtmlParseMode.RCData,
                "plaintext" => HtmlParseMode.Plaintext,
                _ => HtmlParseMode.PCData,
            };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var attributes = ((HtmlTagToken)token).Attributes.Where(a => seen.Add(a.Name)).Select(a => (a.Name, a.Value));
            tags.Add(Describe(token.Name, attributes));
        }

        return tags;
    }

    private static string Describe(string tag, IEnumerable<(string Name, string Value)> attributes) =>
        string.Join(' ', attributes.Select(a => a.Value.Length == 0 ? a.Name : $"{a.Name}={a.Value}").Prepend(tag));

    private static bool HasScriptComment(string html)
    {
        var script = html.IndexOf("<script", StringComparison.OrdinalIgnoreCase);
        return script >= 0 && html.IndexOf("<!--", script, StringComparison.Ordinal) >= 0;
    }

    private static string Show(string html) => html.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
