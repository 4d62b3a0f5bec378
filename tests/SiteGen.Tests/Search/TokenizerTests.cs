using SiteGen.Search;

namespace SiteGen.Tests.Search;

public class TokenizerTests
{
    private static string[] Terms(string text, TokenKind? kind = null) =>
        [.. SearchTokenizer.Tokenize(text).Where(t => kind is null || t.Kind == kind).Select(t => t.Term)];

    [Fact]
    public void Chinese_becomes_overlapping_bigrams_at_consecutive_positions()
    {
        var tokens = SearchTokenizer.Tokenize("习近平会见普京").Where(t => t.Kind == TokenKind.Bigram).ToArray();
        Assert.Equal(["习近", "近平", "平会", "会见", "见普", "普京"], tokens.Select(t => t.Term));
        Assert.Equal([0, 1, 2, 3, 4, 5], tokens.Select(t => t.Position));
    }

    [Fact]
    public void Every_chinese_character_is_also_a_unigram_and_nothing_longer_than_a_bigram_is_a_term()
    {
        Assert.Equal(["习", "近", "平"], Terms("习近平", TokenKind.Unigram));
        Assert.Equal(["习近", "近平", "平会", "会见"], Terms("习近平会见", TokenKind.Bigram));
        Assert.All(SearchTokenizer.Tokenize("习近平会见普京"), t => Assert.InRange(t.Term.Length, 1, 2));
    }

    [Fact]
    public void Punctuation_breaks_runs_and_phrases_never_span_it()
    {
        var tokens = SearchTokenizer.Tokenize("中俄，联手").Where(t => t.Kind == TokenKind.Bigram).ToArray();
        Assert.Equal(["中俄", "联手"], tokens.Select(t => t.Term));
        Assert.True(tokens[1].Position > tokens[0].Position + 1);
        Assert.DoesNotContain("俄联", Terms("中俄，联手"));
        Assert.DoesNotContain("中俄联", Terms("中俄，联手"));
    }

    [Fact]
    public void Traditional_text_tokenizes_like_simplified() =>
        Assert.Equal(Terms("习近平在台湾问题上"), Terms("習近平在臺灣問題上"));

    [Fact]
    public void Mixed_chinese_and_english_split_at_the_script_boundary()
    {
        var terms = Terms("北约NATO停止“扩张”，Putin's visit 2022年");
        Assert.Equal(["北约", "nato", "停止", "扩张", "putin", "visit", "2022", "年"], terms.Where(t => t.Length > 1 || t == "年"));
    }

    [Fact]
    public void Span_of_a_token_points_into_the_original_text()
    {
        const string text = "Ｐｕｔｉｎ與習近平";
        var tokens = SearchTokenizer.Tokenize(text);
        var word = tokens.Single(t => t.Kind == TokenKind.Word);
        Assert.Equal("putin", word.Term);
        Assert.Equal("Ｐｕｔｉｎ", text[word.Start..word.End]);
        var bigram = tokens.First(t => t.Term == "习近");
        Assert.Equal("習近", text[bigram.Start..bigram.End]);
    }

    [Theory]
    [InlineData("running", "run")]
    [InlineData("Summits", "summit")]
    [InlineData("generously", "generous")]
    [InlineData("café", "cafe")]
    [InlineData("Putin's", "putin")]
    [InlineData("ＰＵＴＩＮ", "putin")]
    [InlineData("１２３", "123")]
    public void English_words_are_folded_and_stemmed(string word, string term) =>
        Assert.Equal([term], Terms(word));

    [Fact]
    public void Stop_words_are_dropped_but_numbers_and_names_stay() =>
        Assert.Equal(["xi", "jinp", "meet", "putin", "2022"], Terms("The Xi Jinping and the meeting with Putin in 2022"));

    [Fact]
    public void Full_width_punctuation_and_symbols_separate_words() =>
        Assert.Equal(["covid", "19", "omicron"], Terms("COVID－19／Omicron！"));

    [Fact]
    public void Query_units_are_words_single_characters_and_phrases()
    {
        var q = SearchQuery.Parse("習近平 峰会 Putin 俄 the 普京 北约东扩");
        Assert.Equal(["习近 近平", "峰会", "putin", "俄", "普京", "北约 约东 东扩"], q.Units.Select(u => u.Key));
        Assert.True(q.Units[0].IsPhrase);
        Assert.False(q.Units[3].IsPhrase);
        Assert.True(q.Units[5].IsPhrase);
        Assert.True(SearchQuery.Parse("the of and ，。").IsEmpty);
    }
}
