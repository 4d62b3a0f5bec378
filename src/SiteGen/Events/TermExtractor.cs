using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace SiteGen.Events;

/// <summary>
/// A term of an article: <see cref="Text"/> is exactly as it appears in the article (a substring of its
/// title and text), <see cref="Key"/> its normalized form (Han characters, or lowercased words joined
/// by single spaces), <see cref="Count"/> how often it occurs in the article, <see cref="Articles"/> in
/// how many of the event's articles it occurs, and <see cref="Score"/> its TF-IDF weight.
/// </summary>
public sealed record Term(string Text, string Key, int Count, int Articles, double Score);

/// <summary>
/// Distinctive and shared terms of a set of texts (an event's articles), without a dictionary.
/// <para>
/// Features are Han character bigrams and English content words (<see cref="Tokenizer"/>). A feature's
/// weight in one article is <c>tf × ln(N / df) × background</c>, where tf is its count in the
/// article, df the number of the N event articles that contain it (so what every article has weighs 0
/// and what only this one has weighs most), and background the archive-wide inverse document
/// frequency (<see cref="TermStatistics"/>), which pushes down words common everywhere.
/// </para>
/// <para>
/// Bigrams are not words, so each high-weight bigram is grown into the longest span around it that
/// recurs as a unit: a span is extended by one character (or word) to the left or right as long as the
/// longer span occurs exactly as often in the event's texts as the shorter one — every 近平 is inside
/// 习近平, every 约东 inside 北约东扩, so those are what come out. Function characters (的, 了, 在, 和 …)
/// and English stop words are then trimmed from the edges. The resulting span is re-scored as a whole
/// and must occur at least twice in its article (the article stresses it). Spans are substrings of the
/// article by construction.
/// </para>
/// <para>
/// Counting the n-grams of every text is most of the work, so n-grams are numbers, not strings
/// (<see cref="GramTable"/>), only n-grams that can occur twice are counted (one length at a time),
/// and strings are made only for the features and spans that get scored. The results are those of
/// counting every n-gram as a string (an oracle in the tests checks this).
/// </para>
/// </summary>
public sealed class TermExtractor
{
    /// <summary>Longest Han span a term may grow to.</summary>
    public const int MaxHanLength = 10;

    /// <summary>Longest English phrase, in words.</summary>
    public const int MaxWords = 4;

    /// <summary>Least background size for <see cref="Common"/> to apply.</summary>
    public const int MinBackground = 20;

    /// <summary>How many seed features per article are grown into phrases.</summary>
    public const int Seeds = 80;

    // Characters that, at a span's edge, are almost always a function word rather than part of the
    // term. Kept short on purpose: each was checked against words it would cut (原则, 首都, 对抗, 了解, 也门, 埃及, 将军, 被告).
    private static readonly FrozenSet<char> LeadingEdge = FrozenSet.ToFrozenSet("的在与是并而及从还又于说称但即");
    private static readonly FrozenSet<char> TrailingEdge = FrozenSet.ToFrozenSet("的了在和与也是将并而被把就还又着说称等但即");

    // N-grams are numbered in a GramTable, and strings are made only for the features and spans
    // that are scored (at most a few hundred per text).
    private readonly Doc[] _docs;
    private readonly GramTable _grams;
    private readonly TermStatistics _background;
    private readonly Dictionary<int, string> _keys = [];
    private readonly Dictionary<int, double> _weights = [];
    private readonly Dictionary<int, bool> _common = [];

    public TermExtractor(IReadOnlyList<string> texts, TermStatistics? background = null)
    {
        _background = background ?? TermStatistics.None;
        _docs = new Doc[texts.Count];
        var tokens = 0;
        for (var d = 0; d < texts.Count; d++)
        {
            _docs[d] = new Doc(texts[d]);
            tokens += _docs[d].Tokens.Count;
        }

        _grams = new GramTable(tokens * 4);
        Index(new Dictionary<string, int>(StringComparer.Ordinal));
    }

    public int Count => _docs.Length;

    /// <summary>Lets the next extractor on this thread reuse this one's n-gram table; this one is not used again.</summary>
    internal void Release() => _grams.Release();

    /// <summary>
    /// What text <paramref name="doc"/> stresses that the others do not: up to <paramref name="take"/>
    /// terms with a positive weight, best first (ties: longer, then ordinal). One thread at a time per
    /// instance (it remembers the strings and weights it looked up).
    /// </summary>
    public IReadOnlyList<Term> Distinctive(int doc, int take = 10)
    {
        var d = _docs[doc];
        var n = _docs.Length;
        var g = _grams;
        var seeds = new List<Seed>();
        foreach (var f in d.Features)
        {
            var id = g.Gram(f);
            var count = g.CountIn(f);
            if (count >= 2 && (n == 1 || g.Documents(id) < n) && !Common(id))
            {
                seeds.Add(new Seed(f, Key(id), count * Idf(id) * Weight(id)));
            }
        }

        seeds.Sort(Seed.Order);
        var seen = new HashSet<int>();
        var candidates = new List<Candidate>();
        for (var k = 0; k < seeds.Count && k < Seeds; k++)
        {
            if (Grow(d, seeds[k].Posting) is not { } span)
            {
                continue;
            }

            // A span grown from a seed occurs at least twice, so it was counted (Index).
            var id = GramAt(d, span.Start, span.Length);
            var count = g.CountIn(g.PostingOf(id, doc));
            if (seen.Contains(id) || count < 2 || (n > 1 && g.Documents(id) >= n))
            {
                continue;
            }

            seen.Add(id);
            var score = count * Idf(id) * Background(d, span);
            candidates.Add(new Candidate(new Term(d.Surface(span.Start, span.Length), Key(id), count, g.Documents(id), Math.Round(score, 4)), count));
        }

        return Select(d, candidates, take);
    }

    /// <summary>Terms every text has (none for a single text), the most used first.</summary>
    public IReadOnlyList<Term> Shared(int take = 10)
    {
        var n = _docs.Length;
        if (n < 2)
        {
            return [];
        }

        var g = _grams;
        var first = _docs[0];
        var seeds = new List<Seed>();
        foreach (var f in first.Features)
        {
            var id = g.Gram(f);
            if (g.Documents(id) == n && !Common(id))
            {
                seeds.Add(new Seed(f, Key(id), g.MinCount(id) * Weight(id)));
            }
        }

        seeds.Sort(Seed.Order);
        var seen = new HashSet<int>();
        var candidates = new List<Candidate>();
        for (var k = 0; k < seeds.Count && k < Seeds; k++)
        {
            if (Grow(first, seeds[k].Posting) is not { } span)
            {
                continue;
            }

            var id = GramAt(first, span.Start, span.Length);
            var posting = g.PostingOf(id, 0);
            if (seen.Contains(id) || g.Documents(id) < n)
            {
                continue;
            }

            seen.Add(id);
            var score = g.MinCount(id) * Background(first, span);
            candidates.Add(new Candidate(new Term(first.Surface(span.Start, span.Length), Key(id), g.Total(id), n, Math.Round(score, 4)), g.CountIn(posting)));
        }

        return Select(first, candidates, take);
    }

    /// <summary>
    /// Numbers and counts the n-grams of the texts (Han 2..<see cref="MaxHanLength"/>, words
    /// 1..<see cref="MaxWords"/>, within runs), one length at a time over all texts. An n-gram that
    /// occurs once in all texts is never asked for (seeds and the spans grown from them occur at least
    /// twice, and growing stops at a less frequent n-gram), and an n-gram can occur twice only if the
    /// n-grams one shorter at its start and one token later do. So a longer n-gram is counted only
    /// where both of those were counted and occur twice or more; one never numbered occurs once
    /// (<see cref="GramAt"/> gives -1). Only the features' postings are kept per token; a longer
    /// n-gram is found again from its feature and its tokens' numbers.
    /// </summary>
    private void Index(Dictionary<string, int> words)
    {
        var g = _grams;

        // The postings of the previous length and of this one, per text and token (-1: none).
        var previous = new int[_docs.Length][];
        var current = new int[_docs.Length][];
        for (var d = 0; d < _docs.Length; d++)
        {
            _docs[d].Numbers = TokenNumbers(_docs[d].Tokens, words);
            previous[d] = new int[_docs[d].Tokens.Count];
            current[d] = new int[_docs[d].Tokens.Count];
        }

        for (var len = 1; len <= MaxHanLength; len++)
        {
            for (var d = 0; d < _docs.Length; d++)
            {
                var doc = _docs[d];
                var tokens = doc.Tokens;
                var numbers = doc.Numbers;
                var before = previous[d];
                var now = current[d];
                Array.Fill(now, -1);
                for (var i = 0; i + len - 1 < tokens.Count; i++)
                {
                    var han = tokens[i].Kind == TokenKind.Han;
                    if ((han ? len < 2 : len > MaxWords) || tokens[i + len - 1].Run != tokens[i].Run)
                    {
                        continue;
                    }

                    int prefix;
                    if (han && len == 2)
                    {
                        // A single Han character is no n-gram of its own: it stands for itself, as a
                        // negative prefix apart from every n-gram number.
                        prefix = -2 - numbers[i];
                    }
                    else if (len == 1)
                    {
                        prefix = -1;
                    }
                    else
                    {
                        var left = before[i];
                        var right = before[i + 1];
                        if (left < 0 || right < 0 || g.Total(g.Gram(left)) < 2 || g.Total(g.Gram(right)) < 2)
                        {
                            continue;
                        }

                        prefix = g.Gram(left);
                    }

                    var posting = g.Occur(g.Id(prefix, numbers[i + len - 1], len), d, i, out var firstHere);
                    now[i] = posting;
                    if ((han ? len == 2 : len == 1) && firstHere && (han || Tokenizer.IsContentWord(tokens[i].Key)))
                    {
                        doc.Features.Add(posting);
                    }
                }

                if (len <= 2)
                {
                    // Words at length 1, Han bigrams at length 2: the features, kept.
                    for (var i = 0; i < tokens.Count; i++)
                    {
                        if (now[i] >= 0 && (len == 1) == (tokens[i].Kind == TokenKind.Word))
                        {
                            doc.Base[i] = now[i];
                        }
                    }
                }
            }

            (previous, current) = (current, previous);
        }
    }

    /// <summary>Token numbers: a Han character's code, or <see cref="GramTable.FirstWord"/> plus the word's number in <paramref name="words"/>.</summary>
    private static int[] TokenNumbers(List<Token> tokens, Dictionary<string, int> words)
    {
        var ids = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Han)
            {
                ids[i] = t.Key[0];
            }
            else
            {
                ref var word = ref CollectionsMarshal.GetValueRefOrAddDefault(words, t.Key, out var known);
                if (!known)
                {
                    word = GramTable.FirstWord + words.Count - 1;
                }

                ids[i] = word;
            }
        }

        return ids;
    }

    /// <summary>The key of n-gram <paramref name="id"/> (Han characters joined, words joined by one space), made once.</summary>
    private string Key(int id)
    {
        if (!_keys.TryGetValue(id, out var key))
        {
            var head = _grams.Head(id);
            _keys[id] = key = _docs[_grams.Doc(head)].KeyOf(_grams.First(head), _grams.Length(id));
        }

        return key;
    }

    private double Weight(int id)
    {
        if (_background.Documents == 0)
        {
            return 1.0;
        }

        if (!_weights.TryGetValue(id, out var weight))
        {
            _weights[id] = weight = _background.Weight(Key(id));
        }

        return weight;
    }

    /// <summary>A seed feature of a text: its posting there, its key and its weight.</summary>
    private readonly record struct Seed(int Posting, string Key, double Score)
    {
        /// <summary>Best first, ties by key (ordinal): keys are unique, so the order is total.</summary>
        public static int Order(Seed a, Seed b)
        {
            var c = b.Score.CompareTo(a.Score);
            return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
        }
    }

    /// <summary>A term and the count of its key in the text it is chosen for.</summary>
    private readonly record struct Candidate(Term Term, int InDoc)
    {
        public static int Order(Candidate a, Candidate b)
        {
            var c = b.Term.Score.CompareTo(a.Term.Score);
            if (c == 0)
            {
                c = b.Term.Key.Length.CompareTo(a.Term.Key.Length);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Term.Key, b.Term.Key);
        }
    }

    private static List<Term> Select(Doc d, List<Candidate> candidates, int take)
    {
        candidates.Sort(Candidate.Order);
        var chosen = new List<Candidate>();
        foreach (var t in candidates)
        {
            // A span that never occurs apart from a longer chosen one adds nothing; a span that mostly
            // straddles the edge of a chosen one (国领 of 中国领导人 when 领导人 is chosen) is no word.
            if (chosen.Exists(c => c.Term.Key.Contains(t.Term.Key, StringComparison.Ordinal) && t.InDoc <= c.InDoc)
                || chosen.Exists(c => Straddles(d.Text, t.Term.Text, c.Term.Text)))
            {
                continue;
            }

            chosen.Add(t);
            if (chosen.Count == take)
            {
                break;
            }
        }

        return chosen.ConvertAll(c => c.Term);
    }

    /// <summary>
    /// Whether at least half of the occurrences of <paramref name="term"/> in the text overlap an
    /// occurrence of <paramref name="chosen"/> without lying inside it.
    /// </summary>
    private static bool Straddles(string text, string term, string chosen)
    {
        if (chosen.Contains(term, StringComparison.Ordinal) || term.Contains(chosen, StringComparison.Ordinal))
        {
            return false;
        }

        var spans = new List<(int Start, int End)>();
        for (var i = text.IndexOf(chosen, StringComparison.Ordinal); i >= 0; i = text.IndexOf(chosen, i + 1, StringComparison.Ordinal))
        {
            spans.Add((i, i + chosen.Length));
        }

        int total = 0, straddling = 0;
        for (var i = text.IndexOf(term, StringComparison.Ordinal); i >= 0; i = text.IndexOf(term, i + 1, StringComparison.Ordinal))
        {
            total++;
            var (s, e) = (i, i + term.Length);
            if (spans.Any(c => s < c.End && c.Start < e && !(c.Start <= s && e <= c.End)))
            {
                straddling++;
            }
        }

        return total > 0 && straddling * 2 >= total;
    }

    /// <summary>
    /// A feature in more than half of a background of at least <see cref="MinBackground"/> documents
    /// (表示, 中国, 美国 in a Chinese news archive) says nothing about one event and is no seed.
    /// </summary>
    private bool Common(int id)
    {
        if (_background.Documents < MinBackground)
        {
            return false;
        }

        if (!_common.TryGetValue(id, out var common))
        {
            _common[id] = common = _background.DocumentFrequency(Key(id)) * 2 > _background.Documents;
        }

        return common;
    }

    private double Idf(int id) => _docs.Length == 1 ? 1.0 : Math.Log((double)_docs.Length / _grams.Documents(id));

    private double Background(Doc d, (int Start, int Length) span)
    {
        var sum = 0.0;
        var n = 0;
        for (var i = span.Start; i < span.Start + span.Length; i++)
        {
            var t = d.Tokens[i];
            if (t.Kind == TokenKind.Han)
            {
                if (i + 1 < span.Start + span.Length)
                {
                    sum += Weight(_grams.Gram(d.Base[i]));
                    n++;
                }
            }
            else if (Tokenizer.IsContentWord(t.Key))
            {
                sum += Weight(_grams.Gram(d.Base[i]));
                n++;
            }
        }

        return n == 0 ? 1.0 : sum / n;
    }

    /// <summary>
    /// Grows the first occurrence of a feature (its posting in <paramref name="d"/>) into its closed
    /// span, then trims function edges. Every longer n-gram looked at is inside one run and no longer
    /// than the maximum, so it was numbered.
    /// </summary>
    private (int Start, int Length)? Grow(Doc d, int feature)
    {
        var g = _grams;
        var at = g.First(feature);
        var total = g.Total(g.Gram(feature));
        var kind = d.Tokens[at].Kind;
        var start = at;
        var length = kind == TokenKind.Han ? 2 : 1;
        var max = kind == TokenKind.Han ? MaxHanLength : MaxWords;
        var changed = true;
        while (changed && length < max)
        {
            // The span grows only to n-grams as frequent as itself, so its total stays the same.
            changed = false;
            if (start > 0 && d.Tokens[start - 1].Run == d.Tokens[start].Run && SameTotal(GramAt(d, start - 1, length + 1), total))
            {
                start--;
                length++;
                changed = true;
            }

            var end = start + length;
            if (length < max && end < d.Tokens.Count && d.Tokens[end].Run == d.Tokens[end - 1].Run && SameTotal(GramAt(d, start, length + 1), total))
            {
                length++;
                changed = true;
            }
        }

        var min = kind == TokenKind.Han ? 2 : 1;
        while (length > min && IsEdge(d.Tokens[start], LeadingEdge))
        {
            start++;
            length--;
        }

        while (length > min && IsEdge(d.Tokens[start + length - 1], TrailingEdge))
        {
            length--;
        }

        if (kind == TokenKind.Han
            ? length < 2 || (length == 2 && (IsEdge(d.Tokens[start], LeadingEdge) || IsEdge(d.Tokens[start + 1], TrailingEdge)))
            : length == 1 && !Tokenizer.IsContentWord(d.Tokens[start].Key))
        {
            return null;
        }

        return (start, length);
    }

    /// <summary>Whether n-gram <paramref name="id"/> occurs <paramref name="total"/> (at least 2) times; -1, an n-gram not counted, occurs once.</summary>
    private bool SameTotal(int id, int total) => id >= 0 && _grams.Total(id) == total;

    /// <summary>The number of the n-gram of tokens <paramref name="start"/> .. +<paramref name="length"/> (inside one run), or -1 if it was not counted (it occurs once).</summary>
    private int GramAt(Doc d, int start, int length)
    {
        var posting = d.Base[start];
        var id = posting < 0 ? -1 : _grams.Gram(posting);
        for (var k = d.Tokens[start].Kind == TokenKind.Han ? 2 : 1; k < length && id >= 0; k++)
        {
            id = _grams.Find(id, d.Numbers[start + k]);
        }

        return id;
    }

    private static bool IsEdge(Token t, FrozenSet<char> han) =>
        t.Kind == TokenKind.Han ? han.Contains(t.Key[0]) : Tokenizer.StopWords.Contains(t.Key);

    private sealed class Doc
    {
        public Doc(string text)
        {
            Text = text;
            Tokens = Tokenizer.Tokenize(text);
            Base = new int[Tokens.Count];
            Array.Fill(Base, -1);
        }

        public string Text { get; }

        public List<Token> Tokens { get; }

        /// <summary>Token numbers (<see cref="TokenNumbers"/>).</summary>
        public int[] Numbers { get; set; } = [];

        /// <summary>Postings of the text's features (Han bigrams and content words), in order of first occurrence.</summary>
        public List<int> Features { get; } = [];

        /// <summary>The posting of the feature at each token: the Han bigram starting there, or the word; -1 for none.</summary>
        public int[] Base { get; }

        /// <summary>The key of tokens <paramref name="start"/> .. +<paramref name="length"/>: Han characters joined, words joined by one space.</summary>
        public string KeyOf(int start, int length)
        {
            var first = Tokens[start];
            if (first.Kind == TokenKind.Han && Tokens[start + length - 1].End - first.Start == length)
            {
                // Han tokens of one run are single characters next to each other in the text, keys equal to the characters.
                return Text.Substring(first.Start, length);
            }

            var span = CollectionsMarshal.AsSpan(Tokens).Slice(start, length);
            var sb = new System.Text.StringBuilder();
            for (var k = 0; k < span.Length; k++)
            {
                if (k > 0 && first.Kind != TokenKind.Han)
                {
                    sb.Append(' ');
                }

                sb.Append(span[k].Key);
            }

            return sb.ToString();
        }

        public string Surface(int start, int length) => Text[Tokens[start].Start..Tokens[start + length - 1].End];
    }
}
