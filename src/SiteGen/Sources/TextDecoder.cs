using System.Text;

namespace SiteGen.Sources;

/// <summary>
/// Decodes a raw file's bytes to text. Scraped archives hold UTF-8 mostly, but also GB18030 (GBK),
/// Big5 and UTF-16 files. The rule, in order:
/// 1. a byte-order mark decides (UTF-8, UTF-16 LE/BE);
/// 2. NUL bytes without a UTF-16 BOM mean a binary file: rejected;
/// 3. valid UTF-8 is UTF-8, and mojibake in it (UTF-8 once read as Latin-1 or Windows-1252) is
///    repaired here, before any reader sees the text (<see cref="Mojibake"/>; the encoding then reads
///    <c>utf-8+mojibake-repaired</c>);
/// 4. otherwise GB18030 and Big5 are both tried strictly, and the one whose text holds more of the
///    most frequent Chinese characters wins (GB18030 maps almost any byte string, so validity alone
///    cannot decide); neither decoding cleanly means bad encoding: rejected.
/// </summary>
public static class TextDecoder
{
    // The most frequent Han characters in Simplified and Traditional news text (both forms where
    // they differ), used only to score the legacy-encoding candidates.
    private const string CommonHan = "的一是不了人在有我他这個个中大来來上国國到说說们們为為子和你地出道也时時年得就那要下以生会會自着著去之过過后後家可还還对對";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; throws <see cref="SourceRejectedException"/> when it cannot.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            throw new SourceRejectedException("empty file (0 bytes)");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Repaired(Strict(StrictUtf8, bytes[3..], "UTF-8"), "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Strict(new UnicodeEncoding(false, false, true), bytes[2..], "UTF-16LE"), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Strict(new UnicodeEncoding(true, false, true), bytes[2..], "UTF-16BE"), "utf-16be");
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new SourceRejectedException($"binary file: NUL byte at offset {nul} (UTF-16 without a byte-order mark is not guessed)");
        }

        try
        {
            return Repaired(StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: try the legacy Chinese encodings below.
        }

        var gb = TryStrict(Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes);
        var big5 = TryStrict(Encoding.GetEncoding("big5", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes);
        if (gb is null && big5 is null)
        {
            throw new SourceRejectedException("bad encoding: not valid UTF-8, GB18030 or Big5");
        }

        if (big5 is not null && (gb is null || Score(big5) > Score(gb)))
        {
            return (big5, "big5");
        }

        return (gb!, "gb18030");
    }

    private static (string Text, string Encoding) Repaired(string text, string encoding)
    {
        var repaired = Mojibake.Repair(text, out var runs);
        return runs == 0 ? (text, encoding) : (repaired, encoding + "+mojibake-repaired");
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string name) =>
        TryStrict(encoding, bytes) ?? throw new SourceRejectedException($"bad encoding: the byte-order mark says {name} but the bytes are not valid {name}");

    private static string? TryStrict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static int Score(string text)
    {
        var score = 0;
        foreach (var c in text)
        {
            if (CommonHan.Contains(c, StringComparison.Ordinal))
            {
                score++;
            }
        }

        return score;
    }
}
