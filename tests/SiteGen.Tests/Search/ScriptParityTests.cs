using System.Diagnostics;
using System.Text.Json;
using SiteGen.Content;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// The page script (themes/default/assets/search.js) must fold, tokenize, stem and rank exactly like the
/// C# side. These tests run its core in Node on the shipped index and compare; without node they pass
/// with a note (the browser tests cover the page).
/// </summary>
public class ScriptParityTests(ShippedIndex index, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ShippedIndex>
{
    private static readonly string[] Queries =
    [
        "普京", "普京 峰会", "習近平", "习近平", "Putin", "putin's", "北约东扩", "东扩北约", "俄", "烏克蘭 無人機",
        "Abel prize", "nightclub shootings", "zzyzxqv", "", "the of", "２０２２", "Café", "台湾", "臺灣 問題", "NATO 北约",
    ];

    private JsonElement? Run(object request)
    {
        var script = Path.Combine(TestPaths.RepoRoot, "themes", "default", "assets", "search.js");
        var harness = Path.Combine(TestPaths.RepoRoot, "tests", "SiteGen.Tests", "Search", "js", "harness.js");
        var info = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { harness, script, index.Dir })
        {
            info.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            output.WriteLine("node is not installed: parity not checked");
            return null;
        }

        using (process)
        {
            process.StandardInput.Write(JsonSerializer.Serialize(request));
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(60_000), "node timed out");
            Assert.True(process.ExitCode == 0, stderr.Result);
            return JsonDocument.Parse(stdout.Result).RootElement.Clone();
        }
    }

    [Fact]
    public void The_script_ranks_every_query_like_the_reference_reader()
    {
        if (Run(new { queries = Queries, texts = Array.Empty<string>(), words = Array.Empty<string>() }) is not { } response)
        {
            return;
        }

        var reader = index.Open();
        foreach (var q in Queries)
        {
            var expected = reader.Search(q);
            var actual = response.GetProperty("hits").GetProperty(q).EnumerateArray().Select(h => (Doc: h[0].GetInt32(), Score: h[1].GetDouble())).ToArray();
            Assert.Equal(expected.Select(h => h.Doc), actual.Select(h => h.Doc));
            Assert.All(expected.Zip(actual), p => Assert.Equal(p.First.Score, p.Second.Score, 9));
        }
    }

    [Fact]
    public void The_script_parses_and_stems_the_whole_archive_like_csharp()
    {
        var store = ArticleStore.Open(TestPaths.Content);
        var texts = new List<string>();
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var stored in store.Articles)
        {
            var body = SearchDocument.PlainText(stored.Article.Body);
            texts.Add(stored.Article.Title);
            texts.AddRange(body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(5));
            foreach (var segment in SearchTokenizer.Segments(stored.Article.Title + "\n" + body))
            {
                if (!segment.IsCjk)
                {
                    words.Add(segment.Text);
                }
            }
        }

        texts.AddRange(["習近平 Putin's ＣＡＦÉ ２０２２年", "ΣΟΦΟΣ naïve", "a\u2019b c''d", "㐀\U00020000\U0002A6D6", "ﬁle ① ㈱"]);
        if (Run(new { queries = Array.Empty<string>(), texts, words }) is not { } response)
        {
            return;
        }

        var units = response.GetProperty("units");
        foreach (var text in texts.Distinct())
        {
            Assert.Equal(SearchQuery.Parse(text).Units.Select(u => u.Key), units.GetProperty(text).EnumerateArray().Select(e => e.GetString()));
        }

        var stems = response.GetProperty("stems").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? null : e.GetString()).ToArray();
        Assert.Equal(words.Select(SearchTokenizer.WordTerm), stems);
        output.WriteLine($"{texts.Count} texts and {words.Count} distinct words agree");
    }
}
