using System.Collections.Frozen;
using System.Runtime.InteropServices;
using SiteGen.Events;

namespace SiteGen.Tests.Events.Reference;

/// <summary>
/// Test oracle: <see cref="TermExtractor"/> as it was before it was optimized — the straightforward
/// implementation the optimized one must equal. Do not optimize.
/// <para>
/// Distinctive and shared terms of a set of texts (an event's articles), without a dictionary.
/// </para>
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
/// </summary>
internal sealed class ReferenceTermExtractor
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

    private readonly Doc[] _docs;
    private readonly Dictionary<string, int> _total = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
    private readonly TermStatistics _background;

    public ReferenceTermExtractor(IReadOnlyList<string> texts, TermStatistics? background = null)
    {
        _background = background ?? TermStatistics.None;
        _docs = new Doc[texts.Count];
        for (var d = 0; d < texts.Count; d++)
        {
            var doc = new Doc(texts[d]);
            _docs[d] = doc;
            foreach (var (key, count) in doc.Grams)
            {
                _total[key] = _total.GetValueOrDefault(key) + count;
                _df[key] = _df.GetValueOrDefault(key) + 1;
            }
        }
    }

    public int Count => _docs.Length;

    /// <summary>
    /// What text <paramref name="doc"/> stresses that the others do not: up to <paramref name="take"/>
    /// terms with a positive weight, best first (ties: longer, then ordinal).
    /// </summary>
    public IReadOnlyList<Term> Distinctive(int doc, int take = 10)
    {
        var d = _docs[doc];
        var n = _docs.Length;
        var seeds = d.Features
            .Where(f => f.Value >= 2 && (n == 1 || _df[f.Key] < n) && !Common(f.Key))
            .Select(f => (f.Key, Score: f.Value * Idf(f.Key) * _background.Weight(f.Key)))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(Seeds);
        var candidates = new Dictionary<string, Term>(StringComparer.Ordinal);
        foreach (var (key, _) in seeds)
        {
            if (Grow(d, key) is not { } span)
            {
                continue;
            }

            var spanKey = d.KeyOf(span.Start, span.Length);
            if (candidates.ContainsKey(spanKey) || d.Grams.GetValueOrDefault(spanKey) < 2 || (n > 1 && _df[spanKey] >= n))
            {
                continue;
            }

            var count = d.Grams[spanKey];
            var score = count * Idf(spanKey) * Background(d, span);
            candidates[spanKey] = new Term(d.Surface(span.Start, span.Length), spanKey, count, _df[spanKey], Math.Round(score, 4));
        }

        return Select(d, candidates.Values, take);
    }

    /// <summary>Terms every text has (none for a single text), the most used first.</summary>
    public IReadOnlyList<Term> Shared(int take = 10)
    {
        var n = _docs.Length;
        if (n < 2)
        {
            return [];
        }

        var first = _docs[0];
        var seeds = first.Features.Keys
            .Where(k => _df[k] == n && !Common(k))
            .Select(k => (Key: k, Score: _docs.Min(x => x.Features.GetValueOrDefault(k)) * _background.Weight(k)))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(Seeds);
        var candidates = new Dictionary<string, Term>(StringComparer.Ordinal);
        foreach (var (key, _) in seeds)
        {
            if (Grow(first, key) is not { } span)
            {
                continue;
            }

            var spanKey = first.KeyOf(span.Start, span.Length);
            if (candidates.ContainsKey(spanKey) || _df[spanKey] < n)
            {
                continue;
            }

            var score = _docs.Min(x => x.Grams.GetValueOrDefault(spanKey)) * Background(first, span);
            candidates[spanKey] = new Term(first.Surface(span.Start, span.Length), spanKey, _total[spanKey], n, Math.Round(score, 4));
        }

        return Select(first, candidates.Values, take);
    }

    private static List<Term> Select(Doc d, IEnumerable<Term> candidates, int take)
    {
        var chosen = new List<Term>();
        foreach (var t in candidates.OrderByDescending(t => t.Score).ThenByDescending(t => t.Key.Length).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            // A span that never occurs apart from a longer chosen one adds nothing; a span that mostly
            // straddles the edge of a chosen one (国领 of 中国领导人 when 领导人 is chosen) is no word.
            if (chosen.Any(c => c.Key.Contains(t.Key, StringComparison.Ordinal) && d.Grams.GetValueOrDefault(t.Key) <= d.Grams.GetValueOrDefault(c.Key))
                || chosen.Any(c => Straddles(d.Text, t.Text, c.Text)))
            {
                continue;
            }

            chosen.Add(t);
            if (chosen.Count == take)
            {
                break;
            }
        }

        return chosen;
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
    private bool Common(string feature) =>
        _background.Documents >= MinBackground && _background.DocumentFrequency(feature) * 2 > _background.Documents;

    private double Idf(string key) => _docs.Length == 1 ? 1.0 : Math.Log((double)_docs.Length / _df[key]);

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
                    sum += _background.Weight(t.Key + d.Tokens[i + 1].Key);
                    n++;
                }
            }
            else if (ReferenceTokenizer.IsContentWord(t.Key))
            {
                sum += _background.Weight(t.Key);
                n++;
            }
        }

        return n == 0 ? 1.0 : sum / n;
    }

    /// <summary>Grows the first occurrence of a feature into its closed span, then trims function edges.</summary>
    private (int Start, int Length)? Grow(Doc d, string feature)
    {
        var at = d.Find(feature);
        if (at < 0)
        {
            return null;
        }

        var kind = d.Tokens[at].Kind;
        var start = at;
        var length = kind == TokenKind.Han ? 2 : 1;
        var max = kind == TokenKind.Han ? MaxHanLength : MaxWords;
        var key = d.KeyOf(start, length);
        var changed = true;
        while (changed && length < max)
        {
            changed = false;
            if (start > 0 && d.Tokens[start - 1].Run == d.Tokens[start].Run)
            {
                var left = d.KeyOf(start - 1, length + 1);
                if (_total.GetValueOrDefault(left) == _total[key])
                {
                    start--;
                    length++;
                    key = left;
                    changed = true;
                }
            }

            var end = start + length;
            if (length < max && end < d.Tokens.Count && d.Tokens[end].Run == d.Tokens[end - 1].Run)
            {
                var right = d.KeyOf(start, length + 1);
                if (_total.GetValueOrDefault(right) == _total[key])
                {
                    length++;
                    key = right;
                    changed = true;
                }
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
            : length == 1 && !ReferenceTokenizer.IsContentWord(d.Tokens[start].Key))
        {
            return null;
        }

        return (start, length);
    }

    private static bool IsEdge(Token t, FrozenSet<char> han) =>
        t.Kind == TokenKind.Han ? han.Contains(t.Key[0]) : Tokenizer.StopWords.Contains(t.Key);

    private sealed class Doc
    {
        public Doc(string text)
        {
            Text = text;
            Tokens = ReferenceTokenizer.Tokenize(text);
            Features = ReferenceTokenizer.Features(Tokens);
            var previous = "";
            for (var i = 0; i < Tokens.Count; i++)
            {
                var max = Tokens[i].Kind == TokenKind.Han ? MaxHanLength : MaxWords;
                for (var len = Tokens[i].Kind == TokenKind.Han ? 2 : 1; len <= max; len++)
                {
                    var last = i + len - 1;
                    if (last >= Tokens.Count || Tokens[last].Run != Tokens[i].Run)
                    {
                        break;
                    }

                    var key = Tokens[i].Kind == TokenKind.Han ? KeyOf(i, len) : len == 1 ? Tokens[i].Key : string.Concat(previous, " ", Tokens[last].Key);
                    previous = key;
                    ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(Grams, key, out _);
                    count++;
                }
            }
        }

        public string Text { get; }

        public List<Token> Tokens { get; }

        public Dictionary<string, int> Features { get; }

        /// <summary>Counts of every Han n-gram (2..MaxHanLength) and word n-gram (1..MaxWords) within runs.</summary>
        public Dictionary<string, int> Grams { get; } = new(StringComparer.Ordinal);

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

        /// <summary>Token index where a feature (Han bigram or word) first occurs, or -1.</summary>
        public int Find(string feature)
        {
            var han = SiteGen.Normalize.Cjk.IsHan(feature[0]);
            for (var i = 0; i < Tokens.Count; i++)
            {
                var t = Tokens[i];
                if (han)
                {
                    if (t.Kind == TokenKind.Han && t.Key[0] == feature[0] && i + 1 < Tokens.Count && Tokens[i + 1].Run == t.Run && Tokens[i + 1].Key[0] == feature[1])
                    {
                        return i;
                    }
                }
                else if (t.Kind == TokenKind.Word && string.Equals(t.Key, feature, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
