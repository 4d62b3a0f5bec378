using System.Text.RegularExpressions;

namespace SiteGen.Events;

/// <summary>A sentence of one article that has a near match in another: the best other article and how close.</summary>
public sealed record NearMatch(string Sentence, string OtherArticleId, string OtherSentence, double Containment);

/// <summary>How much of one article's text has a near match in the event's other articles.</summary>
public sealed record NearMatchSummary(int Sentences, int Matched, IReadOnlyList<NearMatch> Matches)
{
    /// <summary>Share of the article's sentences (0..1) that have a near match; 0 when it has none to test.</summary>
    public double Share => Sentences == 0 ? 0 : Math.Round((double)Matched / Sentences, 4);
}

/// <summary>
/// Near matches between sentences of an event's articles. A sentence is its set of shingles: Han
/// character bigrams and English word bigrams (so word order counts a little). Sentence A of one
/// article near-matches sentence B of another when the containment |A∩B| / |A| — the share of A's
/// shingles that B has too — is at least <see cref="Threshold"/>. Containment rather than Jaccard
/// because a sentence lifted into a longer one (an agency line with a clause added) is still a copy.
/// Sentences with fewer than <see cref="MinShingles"/> shingles (a dateline, “他说”) are neither
/// tested nor counted.
/// <para>
/// Shingles are numbered per event (<see cref="ShingleNumbers"/>) and only the sentences that can reach
/// the threshold are compared (<see cref="ShingleIndex"/>: prefix filtering over an inverted index), so
/// common shingles (names every article has) do not make the work quadratic in the event's size. The
/// best match is the one with the most shared shingles, ties to the earlier article, then sentence.
/// </para>
/// </summary>
public static partial class NearMatcher
{
    /// <summary>0.5: half of a sentence's bigrams in one other sentence. Unrelated sentences on the same
    /// topic share names (习近平, 普京, 北约) but stay well under; reworded agency copy is above.</summary>
    public const double Threshold = 0.5;

    public const int MinShingles = 8;

    public static IReadOnlyList<NearMatchSummary> Compare(IReadOnlyList<(string Id, ArticleText Text)> articles)
    {
        var shingles = new ShingleNumbers();
        var texts = new List<string>();
        var sets = new List<int[]>();
        var articleOf = new List<int>();
        var first = new int[articles.Count + 1];
        for (var a = 0; a < articles.Count; a++)
        {
            first[a] = texts.Count;
            foreach (var sentence in Sentences(articles[a].Text))
            {
                var set = shingles.Of(sentence);
                if (set.Length >= MinShingles)
                {
                    texts.Add(sentence);
                    sets.Add(set);
                    articleOf.Add(a);
                }
            }
        }

        first[articles.Count] = texts.Count;
        var index = new ShingleIndex(sets, shingles.Count);
        var overlapOf = new int[texts.Count];
        var candidates = new List<int>();
        var result = new List<NearMatchSummary>(articles.Count);
        for (var a = 0; a < articles.Count; a++)
        {
            var matches = new List<NearMatch>();
            for (var s = first[a]; s < first[a + 1]; s++)
            {
                var set = sets[s];
                var (best, overlap) = index.Best(s, articleOf, a, Required(set.Length), overlapOf, candidates);
                var score = best < 0 ? 0 : (double)overlap / set.Length;
                if (score >= Threshold)
                {
                    matches.Add(new NearMatch(texts[s], articles[articleOf[best]].Id, texts[best], Math.Round(score, 4)));
                }
            }

            result.Add(new NearMatchSummary(first[a + 1] - first[a], matches.Count, matches));
        }

        return result;
    }

    /// <summary>The least overlap with a sentence of <paramref name="size"/> shingles whose containment reaches <see cref="Threshold"/> (the same division as the score).</summary>
    private static int Required(int size)
    {
        var overlap = 1;
        while (overlap < size && (double)overlap / size < Threshold)
        {
            overlap++;
        }

        return overlap;
    }

    /// <summary>The sentences of an article's paragraphs (split after 。！？!? and after ". ").</summary>
    public static IEnumerable<string> Sentences(ArticleText text) =>
        text.Paragraphs.SelectMany(p => SentenceEnd().Split(p)).Select(s => s.Trim()).Where(s => s.Length > 0);

    public static HashSet<string> Shingles(string sentence)
    {
        var tokens = Tokenizer.Tokenize(sentence);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Run == tokens[i + 1].Run)
            {
                set.Add(tokens[i].Kind == TokenKind.Han ? tokens[i].Key + tokens[i + 1].Key : tokens[i].Key + " " + tokens[i + 1].Key);
            }
        }

        return set;
    }

    [GeneratedRegex(@"(?<=[。！？!?])(?![”」』""])|(?<=[。！？!?][”」』""])|(?<=\.)\s+(?=[A-Z""“])")]
    private static partial Regex SentenceEnd();
}
