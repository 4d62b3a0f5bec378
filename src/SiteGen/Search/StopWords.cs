namespace SiteGen.Search;

/// <summary>
/// English stop words: Snowball's English list, folded like every other word (apostrophes removed).
/// Contractions whose folded form is also a real word (she'd → shed, we'll → well, let's → lets,
/// he'll → hell, she'll → shell, I'll → ill, we'd → wed) are left out so those words stay searchable.
/// The page script carries the same list.
/// </summary>
public static class StopWords
{
    public static readonly IReadOnlyList<string> All =
    [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "arent",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "cannot", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "dont", "down",
        "during", "each", "few", "for", "from", "further", "had", "hadnt", "has", "hasnt", "have", "havent",
        "having", "he", "hed", "her", "here", "heres", "hers", "herself", "hes", "him", "himself", "his",
        "how", "hows", "i", "id", "if", "im", "in", "into", "is", "isnt", "it", "its", "itself", "ive", "me",
        "more", "most", "mustnt", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or",
        "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "shant", "she", "shes",
        "should", "shouldnt", "so", "some", "such", "than", "that", "thats", "the", "their", "theirs", "them",
        "themselves", "then", "there", "theres", "these", "they", "theyd", "theyll", "theyre", "theyve",
        "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "wasnt", "we", "were",
        "werent", "weve", "what", "whats", "when", "whens", "where", "wheres", "which", "while", "who", "whom",
        "whos", "why", "whys", "with", "wont", "would", "wouldnt", "you", "youd", "youll", "your", "youre",
        "yours", "yourself", "yourselves", "youve",
    ];

    private static readonly HashSet<string> Set = new(All, StringComparer.Ordinal);

    public static bool Contains(string foldedWord) => Set.Contains(foldedWord);
}
