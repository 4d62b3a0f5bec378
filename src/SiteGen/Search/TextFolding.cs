using System.Globalization;
using System.Reflection;
using System.Text;

namespace SiteGen.Search;

/// <summary>
/// Folds text for search, one code point at a time, so the index and the query (C# here, the page
/// script in the browser) agree and a match can be mapped back to the original text:
/// <list type="number">
/// <item>Traditional and variant Chinese characters become Simplified (OpenCC's table, see
/// <c>Data/st-fold.txt</c>), so 習近平 and 习近平 are the same words.</item>
/// <item>Anything else is decomposed (NFKD: full-width ＡＢＣ１２３ becomes ABC123, compatibility
/// ideographs their unified form), combining marks are dropped (café → cafe), and each character is
/// lower-cased on its own (no context rules; final ς becomes σ).</item>
/// </list>
/// </summary>
public static class TextFolding
{
    private static readonly Lazy<(Dictionary<int, int> Map, string From, string To)> Table = new(LoadTable);
    // The folded form of each BMP code point, filled in as characters are met (an archive uses a few
    // thousand): folding all 65,536 up front (NFKD each) cost ~50 ms at every start. Racing threads
    // compute the same string, so a plain array is safe.
    private static readonly string?[] Bmp = new string?[0x10000];

    /// <summary>The Traditional → Simplified pairs, as two strings of equal code point count.</summary>
    public static (string From, string To) Pairs => (Table.Value.From, Table.Value.To);

    /// <summary>The number of Traditional → Simplified pairs in the table.</summary>
    public static int PairCount => Table.Value.Map.Count;

    /// <summary>The folded form of one code point: usually one character, sometimes none or several.</summary>
    public static string Fold(int codePoint)
    {
        if ((uint)codePoint < 0x10000)
        {
            return Bmp[codePoint] ?? (Bmp[codePoint] = FoldBmp(codePoint));
        }

        return FoldSlow(codePoint);
    }

    /// <summary>Folds a whole string (code point by code point).</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            sb.Append(Fold(rune.Value));
        }

        return sb.ToString();
    }

    /// <summary>The Simplified form of a Chinese character, or the character itself.</summary>
    public static int ToSimplified(int codePoint) => Table.Value.Map.TryGetValue(codePoint, out var s) ? s : codePoint;

    private static string FoldBmp(int c) => c switch
    {
        >= 'A' and <= 'Z' => ((char)(c + 32)).ToString(),
        < 0x80 => ((char)c).ToString(),
        >= 0xD800 and <= 0xDFFF => "", // lone surrogate: not text
        _ => FoldSlow(c),
    };

    private static string FoldSlow(int codePoint)
    {
        var map = Table.Value.Map;
        if (map.TryGetValue(codePoint, out var simplified))
        {
            return char.ConvertFromUtf32(simplified);
        }

        string decomposed;
        try
        {
            decomposed = char.ConvertFromUtf32(codePoint).Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            return ""; // unassigned or not a scalar value
        }

        var sb = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            var lower = Rune.ToLowerInvariant(rune).Value;
            if (lower == 'ς')
            {
                lower = 'σ';
            }

            sb.Append(char.ConvertFromUtf32(map.TryGetValue(lower, out var s) ? s : lower));
        }

        return sb.ToString();
    }

    private static (Dictionary<int, int>, string, string) LoadTable()
    {
        var map = new Dictionary<int, int>();
        var from = new StringBuilder();
        var to = new StringBuilder();
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SiteGen.Search.Data.st-fold.txt")
            ?? throw new InvalidOperationException("embedded resource SiteGen.Search.Data.st-fold.txt is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var runes = line.EnumerateRunes().ToArray();
            if (runes.Length != 2)
            {
                throw new InvalidDataException($"st-fold.txt: a line must hold two characters: '{line}'");
            }

            map[runes[0].Value] = runes[1].Value;
            from.Append(runes[0].ToString());
            to.Append(runes[1].ToString());
        }

        return (map, from.ToString(), to.ToString());
    }
}
