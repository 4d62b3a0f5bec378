namespace SiteGen.Search;

/// <summary>
/// The English (Porter2) Snowball stemmer, written from its published algorithm description
/// (snowballstem.org/algorithms/english/stemmer.html). No stemmer package is served to this build
/// (only a pre-release of Lucene.Net's analyzers, far too large for one function), and the page
/// script must stem queries exactly the same way, so both sides implement the same description
/// (<c>themes/default/assets/search.js</c> has the JavaScript twin). Input: a lower-case word of
/// a–z letters without apostrophes; anything else is returned as it is.
/// </summary>
public static class Porter2Stemmer
{
    private static readonly Dictionary<string, string> Exceptions1 = new(StringComparer.Ordinal)
    {
        ["skis"] = "ski",
        ["skies"] = "sky",
        ["dying"] = "die",
        ["lying"] = "lie",
        ["tying"] = "tie",
        ["idly"] = "idl",
        ["gently"] = "gentl",
        ["ugly"] = "ugli",
        ["early"] = "earli",
        ["only"] = "onli",
        ["singly"] = "singl",
        ["sky"] = "sky",
        ["news"] = "news",
        ["howe"] = "howe",
        ["atlas"] = "atlas",
        ["cosmos"] = "cosmos",
        ["bias"] = "bias",
        ["andes"] = "andes",
    };

    private static readonly HashSet<string> Exceptions2 = new(StringComparer.Ordinal)
    {
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    };

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"),
        ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"),
        ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"),
        ("alli", "al"), ("bli", "ble"), ("ogi", "og"), ("li", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ative", ""), ("ical", "ic"), ("ness", ""), ("ful", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
        "ive", "ize", "ion", "al", "er", "ic",
    ];

    public static string Stem(string word)
    {
        if (word.Length <= 2 || !word.All(c => c is >= 'a' and <= 'z'))
        {
            return word;
        }

        if (Exceptions1.TryGetValue(word, out var exception))
        {
            return exception;
        }

        var w = word.ToCharArray().ToList();

        // Prelude: y at the start or after a vowel is a consonant, marked Y.
        for (var i = 0; i < w.Count; i++)
        {
            if (w[i] == 'y' && (i == 0 || IsVowel(w[i - 1])))
            {
                w[i] = 'Y';
            }
        }

        var s = new string([.. w]);
        var r1 = s.StartsWith("gener", StringComparison.Ordinal) ? 5
            : s.StartsWith("arsen", StringComparison.Ordinal) ? 5
            : s.StartsWith("commun", StringComparison.Ordinal) ? 6
            : RegionAfter(s, 0);
        var r2 = RegionAfter(s, r1);

        s = Step1A(s);
        if (Exceptions2.Contains(s))
        {
            return s;
        }

        s = Step1B(s, r1);
        s = Step1C(s);
        s = Step2(s, r1);
        s = Step3(s, r1, r2);
        s = Step4(s, r2);
        s = Step5(s, r1, r2);
        return s.Replace('Y', 'y');
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>The start of the region after the first non-vowel following a vowel, from <paramref name="start"/>.</summary>
    private static int RegionAfter(string s, int start)
    {
        for (var i = start + 1; i < s.Length; i++)
        {
            if (!IsVowel(s[i]) && IsVowel(s[i - 1]))
            {
                return i + 1;
            }
        }

        return s.Length;
    }

    /// <summary>Whether the word ends in a short syllable.</summary>
    private static bool EndsInShortSyllable(string s)
    {
        var n = s.Length;
        if (n == 2)
        {
            return IsVowel(s[0]) && !IsVowel(s[1]);
        }

        return n >= 3 && !IsVowel(s[n - 3]) && IsVowel(s[n - 2]) && !IsVowel(s[n - 1]) && s[n - 1] is not ('w' or 'x' or 'Y');
    }

    private static bool IsShort(string s, int r1) => r1 >= s.Length && EndsInShortSyllable(s);

    private static bool ContainsVowel(string s, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (IsVowel(s[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Step1A(string s)
    {
        if (s.EndsWith("sses", StringComparison.Ordinal))
        {
            return s[..^2];
        }

        if (s.EndsWith("ied", StringComparison.Ordinal) || s.EndsWith("ies", StringComparison.Ordinal))
        {
            return s.Length > 4 ? s[..^2] : s[..^1];
        }

        if (s.EndsWith("us", StringComparison.Ordinal) || s.EndsWith("ss", StringComparison.Ordinal))
        {
            return s;
        }

        if (s.EndsWith('s') && s.Length >= 2 && ContainsVowel(s, s.Length - 2))
        {
            return s[..^1];
        }

        return s;
    }

    private static string Step1B(string s, int r1)
    {
        foreach (var suffix in new[] { "eedly", "eed" })
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                return s.Length - suffix.Length >= r1 ? s[..^suffix.Length] + "ee" : s;
            }
        }

        foreach (var suffix in new[] { "ingly", "edly", "ing", "ed" })
        {
            if (!s.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = s[..^suffix.Length];
            if (!ContainsVowel(stem, stem.Length))
            {
                return s;
            }

            if (stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("bl", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal))
            {
                return stem + "e";
            }

            if (stem.Length >= 2 && stem[^1] == stem[^2] && stem[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
            {
                return stem[..^1];
            }

            return IsShort(stem, r1) ? stem + "e" : stem;
        }

        return s;
    }

    private static string Step1C(string s) =>
        s.Length > 2 && s[^1] is 'y' or 'Y' && !IsVowel(s[^2]) ? s[..^1] + "i" : s;

    private static string Step2(string s, int r1)
    {
        foreach (var (suffix, replacement) in Step2Rules)
        {
            if (!s.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var start = s.Length - suffix.Length;
            if (start < r1)
            {
                return s;
            }

            if (suffix == "ogi")
            {
                return start > 0 && s[start - 1] == 'l' ? s[..start] + replacement : s;
            }

            if (suffix == "li")
            {
                return start > 0 && s[start - 1] is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't' ? s[..start] : s;
            }

            return s[..start] + replacement;
        }

        return s;
    }

    private static string Step3(string s, int r1, int r2)
    {
        foreach (var (suffix, replacement) in Step3Rules)
        {
            if (!s.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var start = s.Length - suffix.Length;
            if (start < r1 || (suffix == "ative" && start < r2))
            {
                return s;
            }

            return s[..start] + replacement;
        }

        return s;
    }

    private static string Step4(string s, int r2)
    {
        foreach (var suffix in Step4Suffixes)
        {
            if (!s.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var start = s.Length - suffix.Length;
            if (start < r2)
            {
                return s;
            }

            if (suffix == "ion")
            {
                return start > 0 && s[start - 1] is 's' or 't' ? s[..start] : s;
            }

            return s[..start];
        }

        return s;
    }

    private static string Step5(string s, int r1, int r2)
    {
        if (s.EndsWith('e'))
        {
            var start = s.Length - 1;
            if (start >= r2 || (start >= r1 && !EndsInShortSyllable(s[..start])))
            {
                return s[..start];
            }

            return s;
        }

        if (s.EndsWith('l') && s.Length - 1 >= r2 && s.Length >= 2 && s[^2] == 'l')
        {
            return s[..^1];
        }

        return s;
    }
}
