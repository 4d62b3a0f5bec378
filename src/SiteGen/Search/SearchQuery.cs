namespace SiteGen.Search;

/// <summary>
/// One thing a query asks for: a word's term, one Chinese character (unigram), two (bigram), or a longer
/// Chinese phrase: its overlapping bigrams, all of which must occur somewhere in the document (not
/// necessarily together: the index stores no positions), counted as often as the rarest of them. A
/// document matches a query when it matches every unit.
/// </summary>
public sealed record QueryUnit(IReadOnlyList<string> Terms, bool IsPhrase)
{
    public string Key => string.Join(" ", Terms);
}

/// <summary>A parsed query: its units, in order, without repeats.</summary>
public sealed record SearchQuery(IReadOnlyList<QueryUnit> Units)
{
    public bool IsEmpty => Units.Count == 0;

    /// <summary>Every distinct index term the query needs.</summary>
    public IEnumerable<string> Terms => Units.SelectMany(u => u.Terms).Distinct(StringComparer.Ordinal);

    /// <summary>Parses a query the way <c>search.js</c> does: the same folding and tokenizing as the index.</summary>
    public static SearchQuery Parse(string text)
    {
        var units = new List<QueryUnit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in SearchTokenizer.Segments(text))
        {
            QueryUnit? unit;
            if (!segment.IsCjk)
            {
                unit = SearchTokenizer.WordTerm(segment.Text) is { } term ? new QueryUnit([term], false) : null;
            }
            else
            {
                var runes = segment.Text.EnumerateRunes().Select(r => r.ToString()).ToArray();
                unit = runes.Length <= 2
                    ? new QueryUnit([string.Concat(runes)], false)
                    : new QueryUnit([.. Enumerable.Range(0, runes.Length - 1).Select(i => runes[i] + runes[i + 1])], true);
            }

            if (unit is not null && seen.Add(unit.Key))
            {
                units.Add(unit);
            }
        }

        return new SearchQuery(units);
    }
}
