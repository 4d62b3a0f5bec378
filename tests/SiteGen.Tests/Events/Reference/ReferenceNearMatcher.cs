using System.Text.RegularExpressions;
using SiteGen.Events;

namespace SiteGen.Tests.Events.Reference;

/// <summary>
/// Test oracle: <see cref="NearMatcher"/> as it was before it was optimized — the straightforward
/// implementation the optimized one must equal. Do not optimize.
/// <para>
/// Near matches between sentences of an event's articles. A sentence is its set of shingles: Han
/// character bigrams and English word bigrams (so word order counts a little). Sentence A of one
/// article near-matches sentence B of another when the containment |A∩B| / |A| — the share of A's
/// shingles that B has too — is at least <see cref="Threshold"/>. Containment rather than Jaccard
/// because a sentence lifted into a longer one (an agency line with a clause added) is still a copy.
/// Sentences with fewer than <see cref="MinShingles"/> shingles (a dateline, “他说”) are neither
/// tested nor counted. An inverted index from shingle to sentences keeps this linear in the text.
/// </para>
/// </summary>
internal static partial class ReferenceNearMatcher
{
    /// <summary>0.5: half of a sentence's bigrams in one other sentence. Unrelated sentences on the same
    /// topic share names (习近平, 普京, 北约) but stay well under; reworded agency copy is above.</summary>
    public const double Threshold = 0.5;

    public const int MinShingles = 8;

    public static IReadOnlyList<NearMatchSummary> Compare(IReadOnlyList<(string Id, ArticleText Text)> articles)
    {
        var sentences = articles.Select(a => Sentences(a.Text).Select(s => (Text: s, Shingles: Shingles(s))).Where(s => s.Shingles.Count >= MinShingles).ToList()).ToList();
        var index = new Dictionary<string, List<(int Article, int Sentence)>>(StringComparer.Ordinal);
        for (var a = 0; a < sentences.Count; a++)
        {
            for (var s = 0; s < sentences[a].Count; s++)
            {
                foreach (var sh in sentences[a][s].Shingles)
                {
                    if (!index.TryGetValue(sh, out var list))
                    {
                        index[sh] = list = [];
                    }

                    list.Add((a, s));
                }
            }
        }

        var result = new List<NearMatchSummary>(articles.Count);
        for (var a = 0; a < sentences.Count; a++)
        {
            var matches = new List<NearMatch>();
            foreach (var (text, shingles) in sentences[a])
            {
                var overlap = new Dictionary<(int Article, int Sentence), int>();
                foreach (var sh in shingles)
                {
                    foreach (var hit in index[sh])
                    {
                        if (hit.Article != a)
                        {
                            overlap[hit] = overlap.GetValueOrDefault(hit) + 1;
                        }
                    }
                }

                var best = overlap
                    .Select(o => (o.Key, Score: (double)o.Value / shingles.Count))
                    .OrderByDescending(o => o.Score).ThenBy(o => o.Key.Article).ThenBy(o => o.Key.Sentence)
                    .FirstOrDefault();
                if (best.Score >= Threshold)
                {
                    matches.Add(new NearMatch(text, articles[best.Key.Article].Id, sentences[best.Key.Article][best.Key.Sentence].Text, Math.Round(best.Score, 4)));
                }
            }

            result.Add(new NearMatchSummary(sentences[a].Count, matches.Count, matches));
        }

        return result;
    }

    /// <summary>The sentences of an article's paragraphs (split after 。！？!? and after ". ").</summary>
    public static IEnumerable<string> Sentences(ArticleText text) =>
        text.Paragraphs.SelectMany(p => SentenceEnd().Split(p)).Select(s => s.Trim()).Where(s => s.Length > 0);

    public static HashSet<string> Shingles(string sentence)
    {
        var tokens = ReferenceTokenizer.Tokenize(sentence);
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
