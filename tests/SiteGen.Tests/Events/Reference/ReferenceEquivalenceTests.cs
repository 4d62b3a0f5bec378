using System.Text.Json;
using CsCheck;
using SiteGen.Bench;
using SiteGen.Content;
using SiteGen.Events;
using SiteGen.Model;

namespace SiteGen.Tests.Events.Reference;

/// <summary>
/// The optimized event comparison (<see cref="EventComparison"/>, <see cref="TermExtractor"/>,
/// <see cref="NearMatcher"/>, <see cref="Tokenizer"/>) gives exactly what the straightforward
/// implementations kept here as oracles give: every term (text, key, counts, score), every near match
/// and their order, on the shipped archive, the seeds and corpus, a generated archive and random texts.
/// </summary>
[Trait("Needs", "shared")]
public class ReferenceEquivalenceTests(EventArchive archive) : IClassFixture<EventArchive>
{
    [Fact]
    public void Reports_of_the_shipped_archive_events_equal_the_reference()
    {
        var articles = ArticleStore.Open(TestPaths.Content).Articles.Select(a => a.Article).ToList();
        var groups = EventAssigner.Assign(articles, EventStore.Load(TestPaths.Content).Events).Groups;
        Assert.NotEmpty(groups);
        AssertSameReports(groups.Select(g => (g.Event, g.Articles.ToList())).ToList(), articles);
    }

    [Fact]
    public void Reports_of_the_seeds_and_corpus_equal_the_reference_as_events_and_in_large_groups()
    {
        var all = archive.Archive;
        var events = EventAssigner.Assign(all, archive.Events.Events).Groups.Select(g => (g.Event, g.Articles.ToList())).ToList();

        // Larger groups of real text than the shipped events have: every 40 articles of the archive
        // in time order, and every outlet's articles.
        var ordered = all.OrderBy(a => a.Published.Value).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var ev = archive.Events.Events[0];
        var chunks = ordered.Chunk(40).Select(c => (ev, c.ToList()));
        var outlets = all.GroupBy(a => a.Outlet, StringComparer.Ordinal).Select(g => (ev, g.ToList()));
        AssertSameReports([.. events, .. chunks, .. outlets], all);
    }

    [Fact]
    public void Reports_of_a_generated_archive_equal_the_reference()
    {
        var content = Path.Combine(TestPaths.NewTempDir(), "content");
        ArchiveWriter.WriteContent(new ArchiveGenerator(new ArchiveSpec(1500, 5) { Events = 12, Tags = 200 }), content);
        var articles = ArticleStore.Open(content).Articles.Select(a => a.Article).ToList();
        var groups = EventAssigner.Assign(articles, EventStore.Load(content).Events).Groups;
        Assert.True(groups.Count >= 4 && groups.Max(g => g.Members.Count) >= 30, $"{groups.Count} events, at most {groups.Max(g => g.Members.Count)} articles");
        AssertSameReports(groups.Select(g => (g.Event, g.Articles.ToList())).ToList(), articles);
    }

    [Fact]
    public void Tokens_and_features_of_random_texts_equal_the_reference()
    {
        RandomText.Sample(text =>
        {
            Assert.Equal(ReferenceTokenizer.Tokenize(text), Tokenizer.Tokenize(text));
            Assert.Equal(ReferenceTokenizer.Features(text).ToList(), Tokenizer.Features(text).ToList());
            Assert.Equal(ReferenceTokenizer.Features(text).ToList(), Tokenizer.Features(Tokenizer.Tokenize(text)).ToList());
            Assert.Equal(ReferenceTokenizer.Tokenize(text).Count, Tokenizer.Count(text));
        });
    }

    [Fact]
    public void Texts_of_random_markdown_equal_the_reference()
    {
        Gen.Select(RandomMarkdown, RandomMarkdown).Sample((title, body) => AssertSameText(title, body), iter: 5000);
    }

    [Fact]
    public void Texts_of_the_shipped_and_generated_archives_equal_the_reference()
    {
        var content = Path.Combine(TestPaths.NewTempDir(), "content");
        ArchiveWriter.WriteContent(new ArchiveGenerator(new ArchiveSpec(300, 5) { Events = 4, Tags = 50 }), content);
        var articles = ArticleStore.Open(TestPaths.Content).Articles.Concat(ArticleStore.Open(content).Articles).Select(a => a.Article).Concat(archive.Archive).ToList();
        Assert.True(articles.Count > 300);
        foreach (var a in articles)
        {
            AssertSameText(a.Title, a.Body);
        }
    }

    [Fact]
    public void Feature_keys_of_random_and_archive_texts_are_the_features_and_their_repeats()
    {
        var numbering = new FeatureNumbering();
        void Check(string text)
        {
            // Samples run on several threads: keys on any thread (one word table), numbers one at a time.
            var expected = Tokenizer.Features(text);
            var keys = numbering.Keys(text);
            Assert.Equal(expected.Count, keys.Length);
            lock (numbering)
            {
                var ids = keys.Select(k => numbering.Number(k & ~FeatureNumbering.Repeated)).ToArray();
                Assert.Equal(ids.Length, ids.Distinct().Count());
                var i = 0;
                foreach (var k in keys)
                {
                    var id = ids[i++];
                    var feature = expected.Single(f => numbering.IdOf(f.Key) == id);
                    Assert.Equal(feature.Value >= 2, (k & FeatureNumbering.Repeated) != 0);
                }
            }
        }

        RandomText.Sample(Check);
        foreach (var a in archive.Archive.Take(50))
        {
            Check(ArticleText.From(a).Full);
        }

        Assert.Equal(-1, numbering.IdOf("never-a-word-here"));
        Assert.Equal(-1, numbering.IdOf("齉齾"));
    }

    [Fact]
    public void Terms_and_near_matches_of_random_events_equal_the_reference()
    {
        // Texts of a few words and characters, so that phrases, sentences and copies recur.
        Gen.Select(RandomText.Array[1, 8], Gen.Bool).Sample((texts, withBackground) =>
        {
            var background = withBackground ? TermStatistics.Build([.. texts, .. texts, .. texts, .. texts, .. texts, .. texts, .. texts]) : null;
            AssertSameTerms(texts, background);
            var articles = texts.Select((t, i) => ($"a{i}", ArticleText.FromMarkdown($"T{i}", t))).ToList();
            Assert.Equal(Dump(ReferenceNearMatcher.Compare(articles)), Dump(NearMatcher.Compare(articles)));
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("。。。！！？")]
    [InlineData("习近平习近平习近平习近平习近平习近平习近平习近平习近平习近平习近平习近平。")]
    [InlineData("哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈。哈哈哈哈哈哈哈哈哈哈哈哈。")]
    [InlineData("the the the the the the the the. The THE the the the.")]
    [InlineData("Putin said Putin said Putin said Putin said. Xi Jinping met Putin; Xi Jinping met Putin.")]
    public void Degenerate_texts_give_the_reference_terms_and_near_matches(string text)
    {
        foreach (var texts in new[] { new[] { text }, new[] { text, text }, new[] { text, text + "\n\n北约东扩北约东扩。", "北约东扩" } })
        {
            AssertSameTerms(texts, null);
            var articles = texts.Select((t, i) => ($"a{i}", ArticleText.FromMarkdown(t, t))).ToList();
            Assert.Equal(Dump(ReferenceNearMatcher.Compare(articles)), Dump(NearMatcher.Compare(articles)));
        }
    }

    private const string HanChars = "习近平普京北约东扩的了在和是说表示中国美国俄罗斯哈";

    /// <summary>Random texts: Han characters, words (stop words, capitals, digits, apostrophes), punctuation and line breaks, from small sets so that they repeat.</summary>
    private static readonly Gen<string> RandomText = Gen.OneOf(
            Gen.Int[0, HanChars.Length - 1].Select(i => HanChars[i].ToString()),
            Pick("Putin", "putin", "Xi", "Jinping", "the", "of", "NATO", "2022", "don't", "well-known", "said", "Ukraine", "é", "İstanbul", "ΣΊΣΥΦΟΣ", "a-", "x'", "Supercalifragilisticexpialidocious-and-antidisestablishmentarianism-everywhere-forever"),
            Pick(" ", " ", "  ", "，", "。", "！", "？", ". ", "! ", "\n", "\n\n", "“", "”", "\"", "'", "-", "’"))
        .Array[0, 120]
        .Select(string.Concat);

    /// <summary>Random Markdown: every construct the text extraction treats, mixed with text, white space and line ends of each kind.</summary>
    private static readonly Gen<string> RandomMarkdown = Gen.OneOf(
            Gen.Int[0, HanChars.Length - 1].Select(i => HanChars[i].ToString()),
            Pick("Putin", "NATO", "2022", "said", "é", "“", "”", "，", "。", "、"),
            Pick("#", "## ", "```", "^^^", "![a](b.jpg)", "![", "](x)", "[", "]", "(", ")", "[Xi](http://x)", "<https://a.b>", "<mailto:a@b>", "<b>", "</i>", "<", ">",
                "*", "**", "***", "_", "__", "~~", "\\*", "\\", "&nbsp;", "&amp;", "&", "- ", "-", "* ", "+ ", "1. ", "2) ", "٣. ", "> ", ">", "---", "***", "___", "!"),
            Pick(" ", "  ", "\t", "\u00A0", " \u00A0", "\n", "\r\n", "\r", "\n\n", "\n   \n", "\n\r\n"))
        .Array[0, 80]
        .Select(string.Concat);

    private static void AssertSameText(string title, string markdown)
    {
        var expected = ReferenceArticleText.FromMarkdown(title, markdown);
        var actual = ArticleText.FromMarkdown(title, markdown);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Paragraphs, actual.Paragraphs);
        Assert.Equal(expected.Headings, actual.Headings);
        Assert.Equal(expected.Full, actual.Full);
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(expected.Lead, actual.Lead);
        Assert.Equal(expected.Characters, actual.Characters);
        Assert.Equal(expected.Words, actual.Words);
    }

    private static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    private static void AssertSameTerms(string[] texts, TermStatistics? background)
    {
        var expected = new ReferenceTermExtractor(texts, background);
        var actual = new TermExtractor(texts, background);
        for (var d = 0; d < texts.Length; d++)
        {
            Assert.Equal(expected.Distinctive(d, 10), actual.Distinctive(d, 10));
            Assert.Equal(expected.Distinctive(d, 100), actual.Distinctive(d, 100));
        }

        Assert.Equal(expected.Shared(12), actual.Shared(12));
        Assert.Equal(expected.Shared(100), actual.Shared(100));
    }

    private static void AssertSameReports(List<(EventDefinition Event, List<Article> Articles)> groups, IReadOnlyList<Article> archive)
    {
        var background = TermStatistics.Build(archive);
        var cache = new EventComparisonCache();
        var cached = cache.CompareAll(groups.Select(g => new EventGroup(g.Event, g.Articles.Select(a => new EventMember(a, EventMembership.FrontMatter, "")).ToList())).ToList(), cache.Background(archive));
        for (var i = 0; i < groups.Count; i++)
        {
            var (ev, articles) = groups[i];
            var expected = Dump(ReferenceEventComparison.Compare(ev, articles, background));
            Assert.Equal(expected, Dump(EventComparison.Compare(ev, articles, background)));
            Assert.Equal(expected, Dump(cached[i]));
            Assert.Equal(Dump(ReferenceEventComparison.Compare(ev, articles)), Dump(EventComparison.Compare(ev, articles)));
        }
    }

    private static string Dump<T>(T value) => JsonSerializer.Serialize(value);
}
