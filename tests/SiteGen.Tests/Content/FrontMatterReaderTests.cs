using System.Text;
using System.Text.Json;
using SiteGen.Bench;
using SiteGen.Content;
using SiteGen.Tests.Import;

namespace SiteGen.Tests.Content;

/// <summary>
/// The fast front matter path (<see cref="FrontMatterReader"/>) against the old one (guard, then
/// deserializer): on every real and generated article file, and on hostile and edge-case front
/// matter, both give the same article field by field, or the same error (message and line).
/// </summary>
[Trait("Needs", "shared")]
public class FrontMatterReaderTests(CorpusImport corpus) : IClassFixture<CorpusImport>
{
    private const string Base = "id: dw-abc\ntitle: 标题\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04\n";

    private const string Sha = "9a0294a065fbdbb47991eee0ded16b704536979269fbcb73234bdd9111403990";

    /// <summary>The article as JSON (every public property, nested records too), or the error it raised.</summary>
    internal static string Outcome(string text, FrontMatterPath path)
    {
        try
        {
            var article = path switch
            {
                FrontMatterPath.Scanner => ArticleFile.Parse(text),
                FrontMatterPath.Events => ArticleFile.ParseWithEvents(text),
                _ => ArticleFile.ParseWithDeserializer(text),
            };
            return JsonSerializer.Serialize(article);
        }
        catch (ArticleFormatException e)
        {
            return $"error at line {e.Line}: {e.Message}";
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>The scanner (then the event reader), the event reader alone and the old path give the same.</summary>
    private static void AssertSame(string text, string what)
    {
        var old = Outcome(text, FrontMatterPath.Deserializer);
        var events = Outcome(text, FrontMatterPath.Events);
        var scanner = Outcome(text, FrontMatterPath.Scanner);
        Assert.True(old == events, $"{what}\nold:    {old}\nevents: {events}");
        Assert.True(old == scanner, $"{what}\nold:     {old}\nscanner: {scanner}");
    }

    /// <summary>The YAML between the fences, as <see cref="ArticleFile.Parse(string)"/> cuts it (for files that have both fences).</summary>
    private static string Yaml(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var close = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        return text[4..(close + 1)];
    }

    /// <summary>Same outcome on every path, and the event reader answered (did not leave it to the old path).</summary>
    private static void AssertFastAndSame(string text, string what)
    {
        AssertSame(text, what);
        Assert.True(FrontMatterReader.TryRead(Yaml(text)) is not null, $"the event reader declined {what}");
    }

    private static bool ScannerAnswers(string text) => FrontMatterScanner.TryRead(Yaml(text)) is not null;

    [Fact]
    public void Every_shipped_article_parses_the_same_on_the_fast_path()
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.Content, "articles"), "*.md", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            AssertFastAndSame(File.ReadAllText(file), file);
        }

        // The scanner reads what the writer writes: all of it but values that need double quotes.
        Assert.True(files.Count(f => ScannerAnswers(File.ReadAllText(f))) >= files.Length * 9 / 10);
    }

    [Fact]
    public void Every_file_of_the_seeds_and_corpus_parses_or_fails_the_same()
    {
        var files = Directory.GetFiles(TestPaths.Seeds).Concat(Directory.GetFiles(TestPaths.Corpus, "*", SearchOption.AllDirectories)).ToArray();
        Assert.True(files.Length > 50);
        foreach (var file in files)
        {
            AssertSame(File.ReadAllText(file), file);
        }
    }

    [Fact]
    public void Every_article_imported_from_the_seeds_and_corpus_parses_the_same_on_the_fast_path()
    {
        var articles = corpus.Result.Entries.Where(e => e.Article is not null).Select(e => Path.Combine(corpus.Content, e.Article!)).Distinct().ToArray();
        Assert.True(articles.Length > 50);
        foreach (var file in articles)
        {
            AssertFastAndSame(File.ReadAllText(file), file);
        }

        Assert.True(articles.Count(f => ScannerAnswers(File.ReadAllText(f))) >= articles.Length * 9 / 10);
    }

    [Fact]
    public void Every_generated_article_parses_the_same_on_the_fast_path()
    {
        // Real titles and tags (issue 19) need quotes now and then, which the scanner leaves to the
        // event reader: as on the shipped archive, it must answer at least nine in ten.
        var generator = new ArchiveGenerator(new ArchiveSpec(3000));
        var answered = 0;
        for (var i = 0; i < generator.Spec.Articles; i++)
        {
            var text = ArticleFile.Write(generator.Article(i).Article);
            AssertFastAndSame(text, $"generated article {i}");
            answered += ScannerAnswers(text) ? 1 : 0;
        }

        Assert.True(answered >= generator.Spec.Articles * 9 / 10, $"the scanner answered {answered} of {generator.Spec.Articles} generated articles");
    }

    [Fact]
    public void Mutated_generated_articles_parse_or_fail_the_same()
    {
        // Random edits of real front matter with YAML's special characters: most break the file
        // somewhere, and the error (or the article) must not depend on the path that read it.
        var generator = new ArchiveGenerator(new ArchiveSpec(200));
        var random = new Random(7);
        string[] inserts = [":", " ", "\n", "\t", "-", "- ", "#", " #", "&a ", "*a", "!", "!!str ", "'", "\"", "[", "]", "{", "}", ",", "?", "|", ">", "~", "%", "@", "`", "\\", "\n  ", "\n- ", "\ntags: x\n", "\nid: x\n", "\n...\n", "\n--- \n", "null", "\u0001", "\u0085", "\u2028", "\uFEFF"];
        for (var n = 0; n < 4000; n++)
        {
            var text = ArticleFile.Write(generator.Article(n % 200).Article);
            var yamlEnd = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
            var edits = 1 + random.Next(3);
            for (var k = 0; k < edits; k++)
            {
                var at = 4 + random.Next(yamlEnd - 4);
                text = random.Next(4) switch
                {
                    0 => text.Remove(at, 1),
                    1 => text.Insert(at, inserts[random.Next(inserts.Length)]),
                    2 => text.Insert(at, text.Substring(at, Math.Min(40, yamlEnd - at))),
                    _ => text.Insert(at, inserts[random.Next(inserts.Length)] + inserts[random.Next(inserts.Length)]),
                };
                yamlEnd = Math.Max(5, text.IndexOf("\n---\n", 3, StringComparison.Ordinal));
            }

            AssertSame(text, $"mutation {n}:\n{text[..Math.Min(text.Length, 1500)]}");
        }
    }

    public static TheoryData<string, string> Hostile() => new()
    {
        // Anchors and aliases: refused by the guard, whichever path.
        { "anchor and alias", Base + "tags: &t [a, b]\nevents: *t\n" },
        { "alias alone", Base + "summary: *x\n" },
        { "anchor on a scalar", Base + "summary: &s text\n" },
        { "anchor on a mapping", Base + "image: &i {src: 'https://x.org/a.jpg'}\n" },
        { "alias bomb", Base + "summary: &a [x, x]\ntitle_en: &b [*a, *a]\ntitle_zh: [*b, *b]\n" },
        { "merge key", Base + "image:\n  <<: {src: 'https://x.org/a.jpg'}\n" },

        // Duplicate and unknown keys.
        { "duplicate key", Base + "title: 又一个\n" },
        { "duplicate null key", Base + "summary:\nsummary:\n" },
        { "duplicate nested key", Base + "image:\n  src: https://x.org/a.jpg\n  src: https://x.org/b.jpg\n" },
        { "duplicate key in a source list", Base + $"duplicate_sources:\n  - path: sources/{Sha}.md\n    path: sources/{Sha}.md\n    format: mirror\n    sha256: {Sha}\n" },
        { "unknown key", Base + "categories: [a]\n" },
        { "unknown nested key", Base + "image: {src: 'https://x.org/a.jpg', alt: x}\n" },
        { "unknown key in a source", Base + $"source: {{path: sources/{Sha}.md, format: mirror, sha256: {Sha}, size: 3}}\n" },
        { "capitalized key", Base + "Summary: x\n" },
        { "camel-case key", Base + "titleEn: x\n" },

        // Double quotes: the scanner reads only \" and \\ escapes; the rest must come out the same.
        { "double-quoted with escaped quotes", Base + "title_en: \"'We are' \\\"not\\\" it: x\"\n" },
        { "double-quoted backslash", Base + "summary: \"a\\\\b\"\n" },
        { "double-quoted empty", Base + "summary: \"\"\n" },
        { "double-quoted spaces kept", Base + "summary: \"  a  \"\n" },
        { "double-quoted other escapes", Base + "summary: \"a\\nb\\tc\\u00e9\\x41\\/\"\n" },
        { "double-quoted lone quote", Base + "summary: \"a\" b\"\n" },
        { "double-quoted trailing backslash", Base + "summary: \"a\\\"\n" },
        { "double-quoted unclosed", Base + "summary: \"a\n" },
        { "double-quoted then text", Base + "summary: \"a\" # c\n" },
        { "pascal-case key", Base + "TitleEn: x\n" },
        { "quoted key", Base + "\"summary\": x\n'title_en': y\n" },
        { "explicit key", Base + "? summary\n: x\n" },
        { "tagged key", Base + "!!str summary: x\n" },
        { "null key", Base + "~: x\n" },
        { "empty key", Base + ": x\n" },
        { "complex key", Base + "[a, b]: x\n" },

        // Wrong types.
        { "list for text", Base + "summary: [a, b]\n" },
        { "mapping for text", Base + "summary: {a: b}\n" },
        { "text for list", Base + "tags: a\n" },
        { "quoted empty for list", Base + "tags: ''\n" },
        { "mapping for list", Base + "tags: {a: b}\n" },
        { "list in list", Base + "tags: [[a]]\n" },
        { "mapping in list", Base + "tags: [{a: b}]\n" },
        { "null item", Base + "tags: [a, ~]\n" },
        { "empty item", Base + "tags:\n  -\n  - a\n" },
        { "text for image", Base + "image: https://x.org/a.jpg\n" },
        { "list for image", Base + "image: [a]\n" },
        { "list for image src", Base + "image: {src: [a]}\n" },
        { "text for source", Base + "source: x\n" },
        { "text in source list", Base + "duplicate_sources: [x]\n" },
        { "null in source list", Base + "duplicate_sources: [~]\n" },
        { "mapping for source list", Base + $"duplicate_sources: {{path: sources/{Sha}.md}}\n" },
        { "root list", "- a\n- b\n" },
        { "root scalar", "just text\n" },
        { "root null", "~\n" },

        // Tags.
        { "str tag", Base + "summary: !!str 123\n" },
        { "local tag", Base + "summary: !foo bar\n" },
        { "non-specific tag", Base + "summary: ! bar\n" },
        { "null tag", Base + "summary: !!null ''\n" },
        { "null tag on a list", Base + "tags: !!null\n" },
        { "int tag", Base + "summary: !!int 12\n" },
        { "seq tag", Base + "tags: !!seq [a]\n" },
        { "map tag", Base + "image: !!map {src: 'https://x.org/a.jpg'}\n" },
        { "verbatim tag", Base + "summary: !<tag:yaml.org,2002:str> x\n" },
        { "tag on the root", "!!map\n" + Base },
        { "tag directive", "%TAG !e! tag:example.com,2000:\n---\n" + Base + "summary: !e!x y\n" },

        // Flow collections, scalar styles.
        { "flow sequences", Base + "tags: [a, 'b c', \"d\"]\nauthors: []\nmirrors: [https://m.org/1, https://m.org/2]\n" },
        { "flow mappings", Base + $"image: {{src: 'https://x.org/a.jpg', caption: c, credit: \"d\"}}\nsource: {{path: sources/{Sha}.md, format: mirror, sha256: {Sha}}}\n" },
        { "empty mapping for image", Base + "image: {}\n" },
        { "empty mapping for source", Base + "source: {}\n" },
        { "empty source list", Base + "duplicate_sources: []\n" },
        { "block source list", Base + $"duplicate_sources:\n  - path: sources/{Sha}.md\n    format: mirror\n    sha256: {Sha}\n  - {{path: sources/{Sha}.htm, format: rss, sha256: {Sha}}}\n" },
        { "bad source path", Base + $"source: {{path: sources/x.md, format: mirror, sha256: {Sha}}}\n" },
        { "source without sha", Base + $"source: {{path: sources/{Sha}.md, format: mirror}}\n" },
        { "image without src", Base + "image: {caption: c}\n" },
        { "literal scalar", Base + "summary: |\n  line one\n  line two\n\n" },
        { "literal scalar, strip", Base + "summary: |-\n  line one\n  line two\n" },
        { "literal scalar, keep", Base + "summary: |+\n  line one\n\n\n" },
        { "folded scalar", Base + "summary: >\n  folded\n  text\n\n  para\n" },
        { "folded scalar with indent indicator", Base + "summary: >2\n   indented\n  text\n" },
        { "plain multi-line scalar", Base + "summary: a\n  b\n\n  c\n" },
        { "double-quoted escapes", Base + "summary: \"a\\tb\\u00e9\\n\\x41\\\\ \\\"q\\\"\"\n" },
        { "double-quoted multi-line", Base + "summary: \"a\n  b\\\n  c\"\n" },
        { "single-quoted with quote", Base + "summary: 'it''s'\n" },
        { "single-quoted multi-line", Base + "summary: 'a\n\n  b'\n" },
        { "escaped control character", Base + "summary: \"a\\x01b\"\n" },
        { "escaped line separator", Base + "title_en: \"a\\Lb\\Nc\"\n" },
        { "colon in a plain scalar", Base + "summary: a: b\n" },
        { "colon without space", Base + "summary: a:b\nurl: https://x.org/a?b=c:d\n" },
        { "comments", "# head\n" + Base + "summary: x # comment\ntags: # none\n  - a # one\n# tail\n" },
        { "hash without space", Base + "summary: a#b\n" },

        // Empty, null and quoted values.
        { "empty value", Base + "summary:\ntitle_en:\n" },
        { "quoted empty values", Base + "summary: ''\ntitle_en: \"\"\n" },
        { "tilde", Base + "summary: ~\ntags: ~\nimage: ~\nsource: ~\nduplicate_sources: ~\n" },
        { "null spellings", Base + "summary: null\ntitle_en: Null\ntitle_zh: NULL\neditor: nULL\n" },
        { "quoted null", Base + "summary: 'null'\ntitle_en: \"~\"\n" },
        { "empty required field", "id:\ntitle: 标题\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04\n" },
        { "null required field", "id: dw-abc\ntitle: ~\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04\n" },
        { "blank required field", "id: dw-abc\ntitle: '  '\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04\n" },
        { "missing required field", "id: dw-abc\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04\n" },
        { "empty tag", Base + "tags: ['']\n" },
        { "empty front matter", "" },
        { "comment-only front matter", "# nothing\n" },
        { "explicit document end", Base + "...\n" },
        { "second document", Base + "...\n--- x\n" },
        { "directive", "%YAML 1.1\n---\n" + Base },
        { "explicit document start", "--- \n" + Base },

        // Numbers, booleans and dates are text.
        { "plain numbers", Base + "summary: 123\ntitle_en: 1e3\ntitle_zh: 0x1F\neditor: -0.5\n" },
        { "quoted numbers", Base + "summary: '123'\ntitle_en: \"0x1F\"\n" },
        { "booleans", Base + "summary: true\ntitle_en: no\ntitle_zh: 'yes'\neditor: off\n" },
        { "numbers in lists", Base + "tags: [1, 2.5, true, '3']\n" },
        { "numeric id", "id: 123\ntitle: 标题\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04\n" },
        { "quoted date", "id: dw-abc\ntitle: 标题\nlang: zh-Hans\noutlet: dw\npublished: '2022-02-04'\n" },
        { "date and time", "id: dw-abc\ntitle: 标题\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04T14:22:53+08:00\n" },
        { "date with a space", "id: dw-abc\ntitle: 标题\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04 14:22:53\n" },
        { "impossible date", "id: dw-abc\ntitle: 标题\nlang: zh-Hans\noutlet: dw\npublished: 2022-13-45\n" },
        { "compact date", "id: dw-abc\ntitle: 标题\nlang: zh-Hans\noutlet: dw\npublished: 20220204\n" },
        { "rfc date", "id: dw-abc\ntitle: 标题\nlang: zh-Hans\noutlet: dw\npublished: Fri, 04 Feb 2022 12:39:26 GMT\n" },

        // Rules after parsing.
        { "bad outlet", "id: DW-abc\ntitle: 标题\nlang: zh-Hans\noutlet: DW\npublished: 2022-02-04\n" },
        { "bad language", Base.Replace("zh-Hans", "chinese", StringComparison.Ordinal) },
        { "bad url", Base + "url: ftp://x.org/a\n" },
        { "bad event", Base + "events: [Not An Id]\n" },
        { "too many tags", Base + "tags: [" + string.Join(", ", Enumerable.Range(0, 150).Select(i => "t" + i)) + "]\n" },
        { "long title", Base.Replace("标题", new string('长', 600), StringComparison.Ordinal) },
        { "nested too deep", Base + "tags: [[[[[[[[[[a]]]]]]]]]]\n" },

        // Syntax errors.
        { "unclosed flow sequence", Base + "tags: [a\n" },
        { "unclosed flow mapping", Base + "image: {src: x\n" },
        { "unclosed double quote", Base + "summary: \"abc\n" },
        { "unclosed single quote", Base + "summary: 'abc\n" },
        { "bad indentation", Base + "image:\n  src: https://x.org/a.jpg\n credit: x\n" },
        { "sequence at the key level", Base + "- a\n" },
        { "bad escape", Base + "summary: \"a\\qb\"\n" },
        { "stray indicator", Base + "summary: @x\n" },
        { "backquote", Base + "summary: `x`\n" },
        { "block scalar without content", Base + "summary: |\n" },
        { "bad block indicator", Base + "summary: |x\n  a\n" },

        // Whitespace and characters.
        { "tab after colon", Base + "summary:\tx\n" },
        { "tab indentation", Base + "tags:\n\t- a\n" },
        { "tab in a value", Base + "summary: a\tb\n" },
        { "trailing spaces", Base + "summary: x   \ntags:   \n  - a  \n" },
        { "raw control character", Base + "summary: a\u0001b\n" },
        { "raw next line", Base + "summary: a\u0085b\n" },
        { "raw line separator", Base + "summary: a\u2028b\n" },
        { "byte order mark in a value", Base + "summary: \uFEFFx\n" },
        { "lone surrogate", Base + "summary: a\uD800b\n" },
        { "non-character", Base + "summary: a\uFFFEb\n" },
        { "supplementary characters", Base + "summary: 𠀀𝄞😀\ntags: [😀]\n" },
        { "carriage return alone", Base + "summary: a\rb\n" },

        // Lines the scanner must read as YAML does, or leave to the parser.
        { "two spaces after the colon", Base + "summary:  x\n" },
        { "no space after the colon", Base + "summary:x\n" },
        { "space before the colon", Base + "summary : x\n" },
        { "no-break and ideographic spaces", Base + "summary: \u00A0x\u3000\ntitle_en: a\u00A0\ntitle_zh: \u3000b\n" },
        { "trailing tab", Base + "summary: x\t\n" },
        { "space colon inside", Base + "summary: a :b\ntitle_en: a ::b\n" },
        { "quotes inside plain", Base + "summary: it's \"so\"\ntitle_en: a 'b' c\n" },
        { "single quote then text", Base + "summary: 'a' b\n" },
        { "unbalanced single quotes", Base + "summary: 'a''\n" },
        { "only quotes", Base + "summary: ''''\ntitle_en: ' '\n" },
        { "indicators inside plain", Base + "summary: a-b?c,d[e]f{g}h&i*j!k|l>m%n@o`p\ntitle_en: C# and F#\n" },
        { "dots and equals", Base + "summary: ...\ntitle_en: =\ntitle_zh: <<\n" },
        { "unindented sequence", Base + "tags:\n- a\n- b\n" },
        { "deeper sequence", Base + "tags:\n    - a\n    - b\n" },
        { "uneven sequence", Base + "tags:\n  - a\n   - b\n" },
        { "continued item", Base + "tags:\n  - a\n    b\n" },
        { "item then mapping", Base + "tags:\n  - a\n  b: c\n" },
        { "item with a colon", Base + "tags:\n  - a: b\n" },
        { "item with a dash", Base + "tags:\n  - - a\n" },
        { "empty item line", Base + "tags:\n  -\n" },
        { "blank line in a list", Base + "tags:\n  - a\n\n  - b\n" },
        { "blank line between keys", Base + "summary: a\n\ntitle_en: b\n" },
        { "continued plain scalar", Base + "summary: a\n b\n" },
        { "deeper image", Base + "image:\n    src: https://x.org/a.jpg\n    caption: c\n" },
        { "uneven image", Base + "image:\n  src: https://x.org/a.jpg\n   caption: c\n" },
        { "image with empty caption", Base + "image:\n  src: https://x.org/a.jpg\n  caption:\n  credit: c\n" },
        { "image caption continued", Base + "image:\n  src: https://x.org/a.jpg\n  caption: a\n    b\n" },
        { "image then list item", Base + "image:\n  - a\n" },
        { "source keys in another order", Base + $"source:\n  sha256: {Sha}\n  format: mirror\n  path: sources/{Sha}.md\n" },
        { "source items in another order", Base + $"duplicate_sources:\n  - format: mirror\n    sha256: {Sha}\n    path: sources/{Sha}.md\n  - sha256: {Sha}\n    path: sources/{Sha}.htm\n    format: rss\n" },
        { "source item over-indented", Base + $"duplicate_sources:\n  - path: sources/{Sha}.md\n      format: mirror\n" },
        { "source item under-indented", Base + $"duplicate_sources:\n  - path: sources/{Sha}.md\n   format: mirror\n" },
        { "source item repeated key", Base + $"duplicate_sources:\n  - path: sources/{Sha}.md\n    path: x\n" },
        { "source item scalar", Base + "duplicate_sources:\n  - x\n" },
        { "source items one per line", Base + $"duplicate_sources:\n  - path: sources/{Sha}.md\n  - format: mirror\n" },
        { "list key last", Base + "tags:\n" },
        { "uppercase in nested key", Base + "image:\n  Src: https://x.org/a.jpg\n" },
        { "digits first in nested line", Base + "image:\n  1src: x\n" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_front_matter_gives_the_same_article_or_error(string name, string yaml)
    {
        AssertSame("---\n" + yaml + "---\n\n正文。\n", name);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_front_matter_with_crlf_line_ends_gives_the_same_article_or_error(string name, string yaml)
    {
        AssertSame(("---\n" + yaml + "---\n\n正文。\n").Replace("\n", "\r\n", StringComparison.Ordinal), name);
    }

    [Theory]
    [InlineData("anchor", "summary: &s text\n")]
    [InlineData("alias", "summary: *x\n")]
    [InlineData("duplicate key", "title: again\n")]
    [InlineData("unknown key", "categories: [a]\n")]
    [InlineData("tag", "summary: !!str 123\n")]
    [InlineData("text for list", "tags: a\n")]
    [InlineData("null item", "tags: [a, ~]\n")]
    [InlineData("second document", "...\n--- x\n")]
    [InlineData("syntax error", "tags: [a\n")]
    [InlineData("truncated spelled otherwise", "truncated: yes\n")]
    [InlineData("truncated quoted", "truncated: 'true'\n")]
    public void The_fast_path_leaves_what_it_is_not_sure_of_to_the_old_path(string name, string extra)
    {
        Assert.True(FrontMatterReader.TryRead(Base + extra) is null, name);
    }

    [Theory]
    [InlineData("flow", "tags: [a, 'b c']\nimage: {src: 'https://x.org/a.jpg'}\n")]
    [InlineData("block scalars", "summary: |\n  a\n  b\ntitle_en: >\n  c\n  d\n")]
    [InlineData("quoted", "summary: \"a: b\"\ntitle_en: 'x''y'\n")]
    [InlineData("nulls", "summary: ~\ntags:\nimage: null\n")]
    [InlineData("comments", "summary: x # y\n")]
    [InlineData("double-quoted title", "title_en: \"'We are not' \\\"it\\\": x\"\n")]
    [InlineData("truncated", "truncated: true\n")]
    [InlineData("not truncated", "truncated: false\n")]
    [InlineData("truncated null", "truncated:\n")]
    public void The_fast_path_answers_for_ordinary_yaml(string name, string extra)
    {
        AssertFastAndSame("---\n" + Base + extra + "---\n\n正文。\n", name);
    }

    [Fact]
    public void Truncated_reads_the_same_on_every_path_and_is_written_only_when_true()
    {
        foreach (var value in new[] { "true", "false", "True", "yes", "'true'", "[true]", "2" })
        {
            var text = "---\n" + Base + "truncated: " + value + "\n---\n\n正文。\n";
            AssertSame(text, value);
            Assert.True(value is not "true" || ScannerAnswers(text), "the scanner declined truncated: true");
        }

        var truncated = ArticleFile.Parse("---\n" + Base + "truncated: true\n---\n\n正文。\n");
        Assert.True(truncated.Truncated);
        Assert.Contains("\ntruncated: true\n", ArticleFile.Write(truncated), StringComparison.Ordinal);
        truncated.Truncated = false;
        Assert.DoesNotContain("truncated", ArticleFile.Write(truncated), StringComparison.Ordinal);
    }

    [Fact]
    public void Files_without_proper_fences_fail_the_same()
    {
        var ok = "---\n" + Base + "---\n\n正文。\n";
        AssertSame("\uFEFF" + ok, "byte order mark");
        AssertSame("---\n" + Base + "\n正文。\n", "no closing fence");
        AssertSame("---\n" + Base + "---", "closing fence at the end");
        AssertSame("---\n" + Base + "--- \n\n正文。\n", "closing fence with a space");
        AssertSame(ok.Replace("\n", "\r", StringComparison.Ordinal), "carriage returns only");
        AssertSame("---\r\n" + Base + "---\n\n正文。\n", "mixed line ends");
        AssertSame("正文。\n", "no front matter");
        AssertSame("", "empty file");
    }

    [Fact]
    public void Front_matter_near_and_over_the_size_limit_fails_or_parses_the_same()
    {
        var under = Base + "summary: " + new string('x', 4000) + "\ntags:\n" + string.Concat(Enumerable.Range(0, 90).Select(i => $"  - tag{i}\n"));
        AssertFastAndSame("---\n" + under + "---\n\n正文。\n", "long front matter");
        var big = Base + "summary: |\n" + string.Concat(Enumerable.Repeat("  " + new string('字', 70) + "\n", 1000));
        Assert.True(big.Length > YamlGuard.MaxChars);
        AssertSame("---\n" + big + "---\n\n正文。\n", "front matter over the limit");
        var limit = Base + "summary: " + new string('y', YamlGuard.MaxChars - Base.Length - 10) + "\n";
        AssertSame("---\n" + limit + "---\n\n正文。\n", "front matter at the limit");
    }

    [Fact]
    public void A_body_with_fences_and_front_matter_lookalikes_parses_the_same()
    {
        var text = new StringBuilder("---\n").Append(Base).Append("---\n\n\n段一\n\n---\n\nid: x\n\n---\n").ToString();
        AssertFastAndSame(text, "body with fences");
    }
}
