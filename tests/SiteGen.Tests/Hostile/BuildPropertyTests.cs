using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using SiteGen.Publishing;
using Xunit.Abstractions;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Issue 21's property on the build side: normalized articles with generated front matter and Markdown
/// bodies (deep quotes and lists, tables up to 400 columns, links of every scheme, raw HTML, emphasis
/// runs, long lines, NUL and control characters, invalid UTF-8), built beside the shipped archive, give
/// a site or errors that each name one of the generated files (<c>file:line: reason</c> where the line is
/// known) — never a shipped file, never an exception out of <see cref="SiteBuilder"/>, never a build
/// past the time bound. Each sample is a batch of <see cref="BatchSize"/> articles built at once (a build
/// per article would take an hour); <see cref="Cases"/> articles per run, more with
/// <c>SITEGEN_PROPERTY_CASES</c>.
/// </summary>
public partial class BuildPropertyTests(ITestOutputHelper output)
{
    private const int BatchSize = 50;

    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_PROPERTY_CASES"), out var n) && n > 0 ? n : 5_000;

    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(60);

    private static Gen<string> Of(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    /// <summary>Text: mostly words, with Markdown's punctuation now and then, and sometimes characters that are not text.</summary>
    private static readonly Gen<string> Chars = Gen.Frequency(
        (30, Gen.String[Gen.Frequency((12, Gen.Char["习近平普京会谈《》“”，。 abcXYZ019"]), (1, Gen.Char["*_[]()<>!#|`~\\&;:/-+=."])), 0, 60]),
        (1, Gen.String[Gen.Char["习近平 abc\t\u0000\u0001\u0007\u001b\u007f\u200b\u202e\uff0a\ufeff\ud800"], 0, 20]));

    private static readonly Gen<string> Url = Of(
        "https://www.voachinese.com/a/x.html", "http://i.epochtimes.com/a.jpg", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
        "vbscript:x", "//evil.example/x", "../../../etc/passwd", "mailto:a@b.example", "#top", "", "https://a.example/a b", "https://a.example/<script>", "file:///etc/passwd");

    private static readonly Gen<string> Block = Gen.Frequency(
        (6, Chars),
        (1, Gen.Select(Gen.Frequency((9, Gen.Int[1, 30]), (1, Gen.Int[1, 150])), Chars, (depth, text) => new string('>', depth) + " " + text)),
        (1, Gen.Select(Gen.Frequency((9, Gen.Int[1, 30]), (1, Gen.Int[1, 60])), Chars, (depth, text) => string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 2 * i) + "- " + text + "\n")))),
        (1, Gen.Select(Gen.Frequency((9, Gen.Int[1, 60]), (1, Gen.Int[1, 400])), Gen.Int[1, 4], (columns, rows) =>
            string.Join('\n', new[] { Row(columns, "h"), Row(columns, "-") }.Concat(Enumerable.Repeat(Row(columns, "c"), rows))))),
        (1, Gen.Select(Chars, Url, (text, url) => $"[{text}]({url}) ![{text}]({url}) <{url}>")),
        (1, Gen.Select(Chars, Url, (text, url) => $"[{text}][r]\n\n[r]: {url} \"{text}\"")),
        (1, Of("<div>", "</div>", "<script>alert(1)</script>", "<iframe src=x></iframe>", "<table><tr><td>x", "<!-- x", "<img src=x onerror=alert(1)>", "<style>*{}</style>", "&#0;&#xD800;&amp;&lt;")),
        (1, Gen.Select(Gen.Frequency((9, Gen.Int[1, 30]), (1, Gen.Int[1, 300])), Gen.Int[1, 30], Of("*", "_", "~", "=", "**", "+"), (left, right, mark) => Repeat(mark, left) + "x" + Repeat(mark, right))),
        (1, Gen.Select(Gen.Int[1, 20], Chars, (count, text) => string.Concat(Enumerable.Repeat("a*" + text + "_", count)))),
        (1, Gen.Select(Gen.Int[1, 9], Chars, (level, text) => new string('#', level) + " " + text)),
        (1, Gen.Select(Gen.Int[1, 20_000], Chars, (length, text) => Repeat(text.Length == 0 ? "长" : text, length / Math.Max(1, text.Length)))),
        (1, Of("```", "```js\nalert(1)", "~~~\n", "    indented code", "a\n===", "---", "***", "[^1]\n\n[^1]: note", "| a |\n|---|", "1) x\n2) y", "<http://a.example>", "\\", "$$x$$")));

    private static readonly Gen<string> Body = Gen.Select(Block.Array[0, 12], Gen.Bool, (blocks, tight) => string.Join(tight ? "\n" : "\n\n", blocks));

    private static readonly Gen<string> Extra = Gen.Frequency(
        (4, Gen.Const("")),
        (1, Gen.Select(Chars, Chars, (a, b) => $"tags: [\"{Quote(a)}\", \"{Quote(b)}\"]\n")),
        (1, Gen.Select(Chars, c => $"authors: [\"{Quote(c)}\"]\nsummary: \"{Quote(c)}\"\n")),
        (1, Gen.Select(Url, Chars, (url, caption) => $"image:\n  src: \"{Quote(url)}\"\n  caption: \"{Quote(caption)}\"\n")),
        (1, Of("events: [no-such-event]\n", "translation_of: voachinese-none\n", "url: javascript:alert(1)\n", "mirrors: [\"data:x\"]\n", "title_en: \"\\u0000\"\n", "editor: \"\\e\"\n")));

    private static string Row(int columns, string cell) => "|" + string.Concat(Enumerable.Repeat(cell == "-" ? "---|" : cell + "|", columns));

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    /// <summary>The inside of a YAML double-quoted scalar: control characters and lone surrogates as escapes.</summary>
    private static string Quote(string text) => string.Concat(text.Select(c => c switch
    {
        '\\' => "\\\\",
        '"' => "\\\"",
        < ' ' or '\u007f' or (>= '\ud800' and <= '\udfff') => $"\\u{(int)c:X4}",
        _ => c.ToString(),
    }));

    /// <summary>A normalized article as bytes: front matter, the body, and sometimes bytes that are not UTF-8 spliced into the body.</summary>
    private static readonly Gen<string> Title = Gen.Frequency((6, Gen.Const("习近平会见普京")), (3, Chars));

    private static readonly Gen<Func<int, byte[]>> Article = Gen.Select(Title, Body, Extra, Gen.Int[0, 3].SelectMany(k => Gen.Select(Gen.Int[0, 100_000], Gen.Byte[0x80, 0xFF]).Array[k, k]), (title, body, extra, splices) => new Func<int, byte[]>(i =>
    {
        var head = $"---\nid: voachinese-prop{i}\ntitle: \"{Quote(title.Length == 0 ? "标题" : title)}\"\nlang: zh-Hans\noutlet: voachinese\npublished: 2022-02-{1 + (i % 27):D2}\n{extra}---\n\n";
        var bytes = Encoding.UTF8.GetBytes(head + body + "\n").ToList();
        var headBytes = Encoding.UTF8.GetByteCount(head);
        foreach (var (at, value) in splices)
        {
            bytes.Insert(headBytes + (at % Math.Max(1, bytes.Count - headBytes)), value);
        }

        return [.. bytes];
    }));

    [Fact]
    public void Generated_articles_beside_the_shipped_archive_build_or_fail_naming_their_file()
    {
        var content = SiteFixture.CopyContent();
        var folder = Path.Combine(content, "articles", "voachinese", "2022");
        var (builds, built, refused, slowest) = (0, 0, 0, TimeSpan.Zero);
        var messages = new Dictionary<string, int>(StringComparer.Ordinal);
        Article.Array[BatchSize, BatchSize].Sample(batch =>
        {
            foreach (var old in Directory.GetFiles(folder, "prop*.md"))
            {
                File.Delete(old);
            }

            for (var i = 0; i < batch.Length; i++)
            {
                File.WriteAllBytes(Path.Combine(folder, $"prop{i}.md"), batch[i](i));
            }

            // Build; take out the files the errors name and build again: what is not refused must build.
            for (var attempt = 0; ; attempt++)
            {
                var clock = Stopwatch.StartNew();
                var result = SiteFixture.Build(Path.Combine(TestPaths.NewTempDir(), "public"), content);
                slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
                Assert.True(clock.Elapsed < TimeBound, $"a build took {clock.Elapsed}");
                builds++;
                if (result.Succeeded)
                {
                    built += Directory.GetFiles(folder, "prop*.md").Length;
                    break;
                }

                Assert.True(attempt < 3, "still refused after the named files were taken out: " + string.Join("\n", result.Errors));
                foreach (var error in result.Errors)
                {
                    var named = GeneratedFileError().Match(error);
                    Assert.True(named.Success, "an error that names no generated file: " + error);
                    var file = Path.Combine(content, named.Groups["file"].Value);
                    refused += File.Exists(file) ? 1 : 0;
                    File.Delete(file);
                    var reason = error[named.Length..];
                    reason = reason[..Math.Min(60, reason.Length)];
                    messages[reason] = messages.GetValueOrDefault(reason) + 1;
                }
            }
        }, iter: Math.Max(1, Cases / BatchSize), threads: 1);

        output.WriteLine($"{Cases / BatchSize} batches of {BatchSize} generated articles beside the shipped archive: {built:N0} built, {refused:N0} refused by an error naming the file; {builds} builds, slowest {slowest.TotalSeconds:F1} s");
        foreach (var (reason, count) in messages.OrderByDescending(p => p.Value).Take(15))
        {
            output.WriteLine($"  {count,5} × {reason}");
        }

        Assert.True(built + refused >= Math.Min(Cases, 5_000), $"only {built + refused} cases ran");
        Assert.True(built * 10 > (built + refused) * 4, $"only {built} of {built + refused} generated articles built: the generator mostly tests the refusals");
    }

    /// <summary>An error that names a generated file, with its line where known, then a reason.</summary>
    [GeneratedRegex(@"^(?<file>articles/voachinese/2022/prop\d+\.md)(:\d+)?: (?=\S)")]
    private static partial Regex GeneratedFileError();
}
