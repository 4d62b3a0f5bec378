using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using SiteGen.Rendering;

namespace SiteGen.Publishing.Incremental;

/// <summary>
/// A 128-bit digest (the first half of a SHA-256). Used for content hashes and for the fingerprint of
/// everything a page template can see.
/// </summary>
public readonly record struct Digest(ulong High, ulong Low)
{
    public static Digest Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return new Digest(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash[8..]));
    }

    public static Digest Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    public override string ToString() => High.ToString("x16", CultureInfo.InvariantCulture) + Low.ToString("x16", CultureInfo.InvariantCulture);

    internal void WriteTo(ArrayBufferWriter<byte> into)
    {
        var span = into.GetSpan(16);
        BinaryPrimitives.WriteUInt64BigEndian(span, High);
        BinaryPrimitives.WriteUInt64BigEndian(span[8..], Low);
        into.Advance(16);
    }
}

/// <summary>
/// Fingerprints the variables a page is rendered with: every public property of every view object,
/// recursively, by value. Rendering is a pure function of (variables, templates, UI strings, base URL),
/// so two equal fingerprints with the same templates and strings give the same page. Objects met on
/// many pages (an article's view appears on its own page and on every list it is in) are hashed once
/// per build; article bodies are hashed once per article (see <see cref="Remember"/>).
/// A type the fingerprinter does not know fails loudly rather than being skipped, so a new view
/// property can never be silently left out.
/// </summary>
public sealed class Fingerprinter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();
    private static readonly ConditionalWeakTable<RawHtml, StrongBox<Digest>> KnownHtml = new();
    private readonly ConcurrentDictionary<object, Node> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly Func<object, IEnumerable<string>>? _inputsOf;

    private readonly bool _withoutBodies;

    /// <param name="inputsOf">The inputs (content files) a view object stands for, e.g. an article view → its file; recorded as graph edges.</param>
    /// <param name="withoutBodies">Leave article bodies out: for pages that did not read any (see <see cref="RenderTrace.ReadBodies"/>).</param>
    public Fingerprinter(Func<object, IEnumerable<string>>? inputsOf = null, bool withoutBodies = false)
    {
        _inputsOf = inputsOf;
        _withoutBodies = withoutBodies;
    }

    /// <summary>Records the digest of a body rendered once, so it is not hashed again on every page it appears on.</summary>
    public static void Remember(RawHtml html, Digest digest) => KnownHtml.AddOrUpdate(html, new StrongBox<Digest>(digest));

    /// <summary>The fingerprint of a value and the content inputs it was made from.</summary>
    public (Digest Digest, IReadOnlyCollection<string> Inputs) Of(object? value, params string[] salt)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var inputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in salt)
        {
            WriteString(buffer, s);
        }

        Write(buffer, value, inputs);
        return (Digest.Of(buffer.WrittenSpan), inputs);
    }

    private void Write(ArrayBufferWriter<byte> into, object? value, HashSet<string> inputs)
    {
        switch (value)
        {
            case null:
                WriteTag(into, 0);
                return;
            case string s:
                WriteTag(into, 1);
                WriteString(into, s);
                return;
            case bool b:
                WriteTag(into, (byte)(b ? 2 : 3));
                return;
            case int or long or short or byte or uint or ulong or double or float or decimal:
                WriteTag(into, 4);
                WriteString(into, Convert.ToString(value, CultureInfo.InvariantCulture)!);
                return;
            case DateOnly or DateTimeOffset or DateTime or TimeSpan or Enum:
                WriteTag(into, 5);
                WriteString(into, value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString()!);
                return;
            case RawHtml html:
                WriteTag(into, 6);
                (KnownHtml.TryGetValue(html, out var known) ? known.Value : Digest.Of(html.Html)).WriteTo(into);
                return;
            default:
                break;
        }

        var node = _memo.TryGetValue(value, out var memo) ? memo : _memo.GetOrAdd(value, Compute(value));
        WriteTag(into, 7);
        node.Digest.WriteTo(into);
        inputs.UnionWith(node.Inputs);
    }

    private Node Compute(object value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var inputs = new HashSet<string>(StringComparer.Ordinal);
        if (_inputsOf is not null)
        {
            inputs.UnionWith(_inputsOf(value));
        }

        switch (value)
        {
            case IDictionary dictionary:
                WriteString(buffer, "{}");
                foreach (var key in dictionary.Keys.Cast<object>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)!).Order(StringComparer.Ordinal))
                {
                    WriteString(buffer, key);
                    Write(buffer, dictionary[key], inputs);
                }

                break;
            case IEnumerable sequence:
                WriteString(buffer, "[]");
                foreach (var item in sequence)
                {
                    Write(buffer, item, inputs);
                }

                break;
            default:
                var type = value.GetType();
                if (type.IsPrimitive || typeof(Delegate).IsAssignableFrom(type) || type.Namespace?.StartsWith("Scriban", StringComparison.Ordinal) == true)
                {
                    throw new NotSupportedException($"cannot fingerprint a {type.FullName} in page variables; add it to {nameof(Fingerprinter)}");
                }

                WriteString(buffer, type.FullName!);
                var skipBody = _withoutBodies && value is ArticleView;
                foreach (var property in Properties.GetOrAdd(type, static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
                    .OrderBy(p => p.Name, StringComparer.Ordinal)
                    .ToArray()))
                {
                    if (skipBody && property.Name == nameof(ArticleView.Body))
                    {
                        continue;
                    }

                    WriteString(buffer, property.Name);
                    Write(buffer, property.GetValue(value), inputs);
                }

                break;
        }

        return new Node(Digest.Of(buffer.WrittenSpan), inputs.ToArray());
    }

    private static void WriteTag(ArrayBufferWriter<byte> into, byte tag)
    {
        into.GetSpan(1)[0] = tag;
        into.Advance(1);
    }

    private static void WriteString(ArrayBufferWriter<byte> into, string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length) + 4;
        var span = into.GetSpan(max);
        var n = Encoding.UTF8.GetBytes(text, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, n);
        into.Advance(n + 4);
    }

    private sealed record Node(Digest Digest, string[] Inputs);
}
