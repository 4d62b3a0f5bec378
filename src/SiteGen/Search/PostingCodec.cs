using System.Runtime.CompilerServices;
using System.Text;

namespace SiteGen.Search;

/// <summary>
/// One posting as the shards store it (format 2): <c>varint(docDelta × 4 + code)</c>, where code 0–2
/// means "not in the title, 1–3 times elsewhere" and code 3 is followed by <c>varint(titleTf)
/// varint(otherTf)</c>. On real news text 85 % of postings are a body term seen once to three times,
/// so most postings take the one varint of their document delta (format 1 wrote three varints: 3.3 →
/// 1.6 bytes per posting on the imported mirror). <c>search.js</c> decodes the same way.
/// </summary>
internal static class PostingCodec
{
    private const int Explicit = 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (long Head, bool HasCounts) Head(int docDelta, int titleTf, int otherTf) =>
        titleTf == 0 && otherTf is >= 1 and <= Explicit
            ? (((long)docDelta << 2) | (uint)(otherTf - 1), false)
            : (((long)docDelta << 2) | Explicit, true);

    /// <summary>Reads one posting at <paramref name="offset"/>: its document delta and counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int DocDelta, int TitleTf, int OtherTf) Read(ReadOnlySpan<byte> data, ref int offset)
    {
        var head = Varint.Read(data, ref offset);
        var code = (int)(head & 3);
        var delta = (int)(head >> 2);
        if (code != Explicit)
        {
            return (delta, 0, code + 1);
        }

        var title = (int)Varint.Read(data, ref offset);
        var other = (int)Varint.Read(data, ref offset);
        return (delta, title, other);
    }

    /// <summary>The head varint with its document delta replaced (merging runs re-bases a segment's first posting).</summary>
    public static long Rebase(long head, int docDelta) => ((long)docDelta << 2) | (head & 3);

    /// <summary>The document delta of a head varint.</summary>
    public static int DeltaOf(long head) => (int)(head >> 2);
}

/// <summary>
/// Sorted terms and shard keys as the index files store them: <c>varint(shared) varint(rest) rest</c>,
/// the number of UTF-8 bytes shared with the previous one, then the other bytes.
/// </summary>
internal static class FrontCoding
{
    /// <summary>Writes <paramref name="text"/> after <paramref name="previous"/>; returns its bytes (the next one's previous).</summary>
    public static byte[] Write(Stream stream, string text, byte[] previous)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var shared = bytes.AsSpan().CommonPrefixLength(previous);
        Varint.Write(stream, shared);
        Varint.Write(stream, bytes.Length - shared);
        stream.Write(bytes.AsSpan(shared));
        return bytes;
    }

    /// <summary>Reads the entry at <paramref name="offset"/> after <paramref name="previous"/> (updated to its bytes).</summary>
    public static string Read(ReadOnlySpan<byte> data, ref int offset, ref byte[] previous)
    {
        var shared = (int)Varint.Read(data, ref offset);
        var rest = (int)Varint.Read(data, ref offset);
        var bytes = new byte[shared + rest];
        previous.AsSpan(0, shared).CopyTo(bytes);
        data.Slice(offset, rest).CopyTo(bytes.AsSpan(shared));
        offset += rest;
        previous = bytes;
        return Encoding.UTF8.GetString(bytes);
    }
}

/// <summary>
/// A document's length (words and bigrams, for BM25) in one byte, as <c>norms.bin</c> stores it: exact
/// below 32, then 16 steps per power of two (within 6 %), up to 507,904. Lucene stores its norms the same
/// way for the same reason: every query needs the length of every matching document, so the file is
/// fetched with the manifest (50 KB at 50,000 articles, where the varint lengths with the filter values
/// in <c>meta.bin</c> were 300 KB).
/// </summary>
public static class LengthNorm
{
    private static readonly int[] Values = [.. Enumerable.Range(0, 256).Select(Decode)];

    /// <summary>The length a byte stands for.</summary>
    public static int Decode(int b) => b < 32 ? b : (16 + (b & 15)) << ((b >> 4) - 1);

    /// <summary>The largest byte whose length is at most <paramref name="length"/>.</summary>
    public static byte Encode(int length)
    {
        var at = Array.BinarySearch(Values, Math.Max(0, length));
        return (byte)(at >= 0 ? at : ~at - 1);
    }
}
