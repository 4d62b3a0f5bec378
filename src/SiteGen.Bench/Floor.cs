using System.Diagnostics;
using System.Text;
using Scriban;
using Scriban.Runtime;
using SiteGen.Rendering;

namespace SiteGen.Bench;

/// <summary>Time of each step of the floor.</summary>
public sealed record FloorResult(int Articles, long Characters, TimeSpan Read, TimeSpan Markdown, TimeSpan Render)
{
    public TimeSpan Total => Read + Markdown + Render;
}

/// <summary>
/// Our floor: the least any build of the archive must do, each step in parallel on every core — read
/// every article file, run Markdig (our pipeline) on every body, render 2×N simple pages with Scriban
/// (one context per page) and write them. A full build within a small factor of this is close to what
/// the machine allows.
/// </summary>
public static class Floor
{
    private static readonly Template Page = Template.Parse(
        "<!DOCTYPE html>\n<html lang=\"{{ lang }}\"><head><meta charset=\"utf-8\"><title>{{ title }}</title></head>\n<body><main><h1>{{ title }}</h1>\n{{ body }}\n</main></body></html>\n");

    private static readonly UTF8Encoding Utf8 = new(false);

    public static FloorResult Run(string contentDir, string outDir)
    {
        var files = Directory.EnumerateFiles(Path.Combine(contentDir, "articles"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var clock = Stopwatch.StartNew();
        var texts = new string[files.Length];
        Parallel.For(0, files.Length, i => texts[i] = File.ReadAllText(files[i]));
        var read = clock.Elapsed;

        clock.Restart();
        var titles = new string[files.Length];
        var bodies = new string[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var text = texts[i];
            var close = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
            var titleAt = text.IndexOf("\ntitle: ", StringComparison.Ordinal);
            titles[i] = titleAt < 0 ? "" : text[(titleAt + 8)..text.IndexOf('\n', titleAt + 1)];
            bodies[i] = MarkdownRenderer.ToHtml(close < 0 ? text : text[(close + 5)..]);
        });
        var markdown = clock.Elapsed;

        clock.Restart();
        Directory.CreateDirectory(Path.Combine(outDir, "zh"));
        Directory.CreateDirectory(Path.Combine(outDir, "en"));
        Parallel.For(0, files.Length * 2, j =>
        {
            var i = j / 2;
            var lang = j % 2 == 0 ? "zh" : "en";
            var globals = new ScriptObject
            {
                ["lang"] = lang,
                ["title"] = titles[i],
                ["body"] = bodies[i],
            };
            var context = new TemplateContext { LimitToString = 64 * 1024 * 1024 };
            context.PushGlobal(globals);
            var html = Page.Render(context);
            var path = Path.Combine(outDir, lang, i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + ".html");
            File.WriteAllText(path, html, Utf8);
        });
        var render = clock.Elapsed;
        return new FloorResult(files.Length, texts.Sum(t => (long)t.Length), read, markdown, render);
    }
}
