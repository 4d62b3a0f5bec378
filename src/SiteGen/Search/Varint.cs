using System.Runtime.CompilerServices;

namespace SiteGen.Search;

/// <summary>Unsigned LEB128 integers, the numbers of the binary index files.</summary>
internal static class Varint
{
    public static void Write(Stream stream, long value)
    {
        var v = (ulong)value;
        while (v >= 0x80)
        {
            stream.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }

        stream.WriteByte((byte)v);
    }

    public static void Write(List<byte> buffer, long value)
    {
        var v = (ulong)value;
        while (v >= 0x80)
        {
            buffer.Add((byte)(v | 0x80));
            v >>= 7;
        }

        buffer.Add((byte)v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Read(ReadOnlySpan<byte> data, ref int offset)
    {
        long result = 0;
        var shift = 0;
        while (true)
        {
            var b = data[offset++];
            result |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }

            shift += 7;
        }
    }

    public static long Read(Stream stream)
    {
        long result = 0;
        var shift = 0;
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException();
            }

            result |= (long)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }

            shift += 7;
        }
    }
}
