using System.Text;

namespace SiteGen.Sources;

/// <summary>
/// Repairs mojibake: UTF-8 text that was once decoded as Latin-1 or Windows-1252 and saved again as
/// UTF-8, so that <c>美国</c> reads <c>ç¾\u008eå\u009b½</c>. RULE: every maximal run of characters that a
/// single-byte decoding can produce (U+0080–U+00FF and the Windows-1252 punctuation) is mapped back
/// to its bytes; when those bytes are valid UTF-8 and hold a character beyond U+07FF (CJK and the
/// rest of the BMP that mojibake turns into 3-byte runs), the run is replaced by its decoding.
/// Genuine Latin text is left alone: a lone <c>é</c> or <c>ü</c> is one byte, never valid UTF-8 by
/// itself, and real words do not chain lead and continuation bytes as multi-byte UTF-8 does.
/// Runs never cross an ASCII character, so HTML, URLs and Latin words around a repaired run stay as they are.
/// </summary>
public static class Mojibake
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    /// <summary>Windows-1252's characters for the bytes 0x80–0x9F (U+FFFD where it defines none).</summary>
    private const string Cp1252High = "€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ";

    /// <summary>The text with every mojibake run decoded; the same string when there is none.</summary>
    public static string Repair(string text, out int repairedRuns)
    {
        repairedRuns = 0;
        if (!MayHoldMojibake(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var bytes = new List<byte>();
        var i = 0;
        while (i < text.Length)
        {
            if (ByteOf(text[i]) is not { } first)
            {
                result.Append(text[i++]);
                continue;
            }

            var start = i;
            bytes.Clear();
            bytes.Add(first);
            i++;
            while (i < text.Length && ByteOf(text[i]) is { } next)
            {
                bytes.Add(next);
                i++;
            }

            if (Decoded(bytes) is { } repaired)
            {
                result.Append(repaired);
                repairedRuns++;
            }
            else
            {
                result.Append(text, start, i - start);
            }
        }

        return repairedRuns == 0 ? text : result.ToString();
    }

    /// <summary>Mojibake of a 3-byte UTF-8 sequence always starts with one of à..ï (lead bytes E0–EF).</summary>
    private static bool MayHoldMojibake(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u00E0' and <= '\u00EF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The byte a single-byte decoding read as <paramref name="c"/>, or null for any other character.</summary>
    private static byte? ByteOf(char c)
    {
        if (c is >= '\u0080' and <= '\u00FF')
        {
            return (byte)c;
        }

        if (c > '\u00FF' && c != '\uFFFD')
        {
            var at = Cp1252High.IndexOf(c, StringComparison.Ordinal);
            return at < 0 ? null : (byte)(0x80 + at);
        }

        return null;
    }

    private static string? Decoded(List<byte> bytes)
    {
        if (bytes.Count < 2)
        {
            return null;
        }

        try
        {
            var text = StrictUtf8.GetString(bytes.ToArray());
            return text.Any(c => c > '\u07FF') ? text : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
