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

/// <summary>Digests of view objects kept from build to build (<see cref="Fingerprinter"/>), for as long as the objects live.</summary>
public sealed class LastingDigests
{
    internal ConditionalWeakTable<object, Fingerprinter.Node> Table { get; } = new();
}

/// <summary>
/// Fingerprints the variables a page is rendered with: every public property of every view object,
/// recursively, by value. Rendering is a pure function of (variables, templates, UI strings, base URL),
/// so two equal fingerprints with the same templates and strings give the same page. Objects met on
/// many pages (article, outlet, event, year and site views: see <see cref="IsShared"/>) are hashed
/// once per build and stand in their pages by their digest; small values (links, images, per-page
/// objects, lists) are written inline, without a hash of their own. Properties are read by compiled
/// getters, not reflection. Article bodies are hashed once per article (see <see cref="Remember"/>).
/// A type the fingerprinter does not know fails loudly rather than being skipped, so a new view
/// property can never be silently left out.
/// </summary>
public sealed class Fingerprinter
{
    private const int MaxDepth = 64;
    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> Properties = new();
    private static readonly ConditionalWeakTable<RawHtml, StrongBox<Digest>> KnownHtml = new();
    private readonly ConcurrentDictionary<object, Node> _memo;
    private readonly LastingDigests? _lasting;
    private readonly Func<object, IEnumerable<string>>? _inputsOf;

    private readonly bool _withoutBodies;

    /// <param name="inputsOf">The inputs (content files) a view object stands for, e.g. an article view → its file; recorded as graph edges.</param>
    /// <param name="withoutBodies">Leave article bodies out: for pages that did not read any (see <see cref="RenderTrace.ReadBodies"/>).</param>
    /// <param name="capacity">How many shared views to expect (e.g. the number of pages): the memo is made that large at once.</param>
    /// <param name="lasting">Digests kept between builds, by view object: a view reused from the last build (see
    /// <see cref="IncrementalSite"/>) is not hashed again. The caller keeps one per kind of fingerprinter and the
    /// same <paramref name="inputsOf"/> for the objects it reuses.</param>
    public Fingerprinter(Func<object, IEnumerable<string>>? inputsOf = null, bool withoutBodies = false, int capacity = 0, LastingDigests? lasting = null)
    {
        _inputsOf = inputsOf;
        _withoutBodies = withoutBodies;
        _lasting = lasting;

        // Sized up front and with many locks: every rendering thread adds to it, and growing the table
        // takes every lock (a profile of a rebuild at 10,000 articles showed the threads waiting on it).
        _memo = new(Environment.ProcessorCount * 16, Math.Max(capacity, 31), ReferenceEqualityComparer.Instance);
    }

    /// <summary>Records the digest of a body rendered once, so it is not hashed again on every page it appears on.</summary>
    public static void Remember(RawHtml html, Digest digest) => KnownHtml.AddOrUpdate(html, new StrongBox<Digest>(digest));

    /// <summary>The fingerprint of a value and the content inputs it was made from.</summary>
    public (Digest Digest, IReadOnlyCollection<string> Inputs) Of(object? value, params string[] salt)
    {
        var buffer = RentBuffer();
        try
        {
            var inputs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var s in salt)
            {
                WriteString(buffer, s);
            }

            Write(buffer, value, inputs, 0);
            return (Digest.Of(buffer.WrittenSpan), inputs);
        }
        finally
        {
            ReturnBuffer(buffer);
        }
    }

    // Buffers kept per thread (a view's digest is computed inside its page's, so a few deep): a fresh
    // buffer per page and per view grew by copying, a tenth of a rebuild's time at 10,000 articles.
    [ThreadStatic]
    private static Stack<ArrayBufferWriter<byte>>? t_buffers;

    private static ArrayBufferWriter<byte> RentBuffer() =>
        t_buffers is { Count: > 0 } buffers ? buffers.Pop() : new ArrayBufferWriter<byte>(16 * 1024);

    private static void ReturnBuffer(ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        (t_buffers ??= new()).Push(buffer);
    }

    /// <summary>Views that many pages show: hashed once per build, by reference.</summary>
    private static bool IsShared(object value) => value is ArticleView or OutletView or EventView or YearView or SiteView or EventPageView;

    private void Write(ArrayBufferWriter<byte> into, object? value, HashSet<string> inputs, int depth)
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

        if (depth > MaxDepth)
        {
            throw new NotSupportedException($"page variables nest deeper than {MaxDepth} levels (a cycle?) at a {value.GetType().FullName}");
        }

        if (IsShared(value))
        {
            var node = _memo.TryGetValue(value, out var memo) ? memo : _memo.GetOrAdd(value, Kept(value) ?? Compute(value, depth));
            WriteTag(into, 7);
            node.Digest.WriteTo(into);
            inputs.UnionWith(node.Inputs);
            return;
        }

        WriteTag(into, 8);
        WriteInline(into, value, inputs, depth);
    }

    private Node? Kept(object value) => _lasting is not null && _lasting.Table.TryGetValue(value, out var kept) ? kept : null;

    private Node Compute(object value, int depth)
    {
        var buffer = RentBuffer();
        try
        {
            var inputs = new HashSet<string>(StringComparer.Ordinal);
            if (_inputsOf is not null)
            {
                inputs.UnionWith(_inputsOf(value));
            }

            WriteInline(buffer, value, inputs, depth);
            var node = new Node(Digest.Of(buffer.WrittenSpan), [.. inputs]);
            _lasting?.Table.AddOrUpdate(value, node);
            return node;
        }
        finally
        {
            ReturnBuffer(buffer);
        }
    }

    /// <summary>A value's contents: the entries of a dictionary (by key), the items of a list, or the type's properties by name.</summary>
    private void WriteInline(ArrayBufferWriter<byte> into, object value, HashSet<string> inputs, int depth)
    {
        switch (value)
        {
            case IDictionary dictionary:
                WriteString(into, "{}");
                WriteInt(into, dictionary.Count);
                foreach (var key in dictionary.Keys.Cast<object>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)!).Order(StringComparer.Ordinal))
                {
                    WriteString(into, key);
                    Write(into, dictionary[key], inputs, depth + 1);
                }

                return;
            case IList list:
                WriteString(into, "[]");
                WriteInt(into, list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    Write(into, list[i], inputs, depth + 1);
                }

                return;
            case IEnumerable sequence:
                WriteString(into, "[]");
                var items = sequence.Cast<object?>().ToArray();
                WriteInt(into, items.Length);
                foreach (var item in items)
                {
                    Write(into, item, inputs, depth + 1);
                }

                return;
            default:
                break;
        }

        var type = value.GetType();
        if (type.IsPrimitive || typeof(Delegate).IsAssignableFrom(type) || type.Namespace?.StartsWith("Scriban", StringComparison.Ordinal) == true)
        {
            throw new NotSupportedException($"cannot fingerprint a {type.FullName} in page variables; add it to {nameof(Fingerprinter)}");
        }

        WriteString(into, type.FullName!);
        var skipBody = _withoutBodies && value is ArticleView;
        foreach (var (name, get) in Properties.GetOrAdd(type, Getters))
        {
            if (skipBody && name == nameof(ArticleView.Body))
            {
                continue;
            }

            WriteString(into, name);
            Write(into, get(value), inputs, depth + 1);
        }
    }

    /// <summary>Compiled getters of a type's public instance properties, by name (reflection only once per type).</summary>
    private static (string Name, Func<object, object?> Get)[] Getters(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .Select(p =>
        {
            var target = System.Linq.Expressions.Expression.Parameter(typeof(object));
            var read = System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(target, type), p);
            var boxed = System.Linq.Expressions.Expression.Convert(read, typeof(object));
            return (p.Name, System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(boxed, target).Compile());
        })
        .ToArray();

    private static void WriteTag(ArrayBufferWriter<byte> into, byte tag)
    {
        into.GetSpan(1)[0] = tag;
        into.Advance(1);
    }

    private static void WriteInt(ArrayBufferWriter<byte> into, int n)
    {
        BinaryPrimitives.WriteInt32BigEndian(into.GetSpan(4), n);
        into.Advance(4);
    }

    private static void WriteString(ArrayBufferWriter<byte> into, string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length) + 4;
        var span = into.GetSpan(max);
        var n = Encoding.UTF8.GetBytes(text, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, n);
        into.Advance(n + 4);
    }

    internal sealed record Node(Digest Digest, string[] Inputs);

    /// <summary>
    /// Whether two view values are equal the way their fingerprints would be: the same type and every
    /// public property equal, recursively (strings by ordinal, bodies by their HTML, lists item by item).
    /// Cheaper than hashing both; used to reuse last build's view objects. Anything it does not know is unequal.
    /// </summary>
    public static bool SameValue(object? a, object? b) => Same(a, b, 0, null);

    /// <summary>
    /// Whether two pages' variables are equal the way their fingerprints would be (see <see cref="SameValue"/>),
    /// with the views many pages share (article, outlet, event, year, site views) decided by
    /// <paramref name="shared"/>: a rebuild compares them once per build, not once per page.
    /// </summary>
    public static bool SameVariables(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b, Func<object, object, bool> shared)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !Same(value, other, 1, shared))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two views are equal, property by property, with the shared views inside them decided by <paramref name="shared"/>.</summary>
    public static bool SameView(object a, object b, Func<object, object, bool> shared) => Same(a, b, 0, shared);

    private static bool Same(object? a, object? b, int depth, Func<object, object, bool>? shared)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.GetType() != b.GetType() || depth > MaxDepth)
        {
            return false;
        }

        if (shared is not null && depth > 0 && IsShared(a))
        {
            return shared(a, b);
        }

        // Value types first and apart: testing every view object against the list of value types
        // (an Enum test included) was half the time of comparing a page's variables.
        var type = a.GetType();
        if (type.IsValueType)
        {
            return a is bool or int or long or short or byte or uint or ulong or double or float or decimal or DateOnly or DateTimeOffset or DateTime or TimeSpan or Enum && a.Equals(b);
        }

        switch (a)
        {
            case string s:
                return string.Equals(s, (string)b, StringComparison.Ordinal);
            case RawHtml html:
                return string.Equals(html.Html, ((RawHtml)b).Html, StringComparison.Ordinal);
            case IList list:
                var other = (IList)b;
                if (list.Count != other.Count)
                {
                    return false;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    if (!Same(list[i], other[i], depth + 1, shared))
                    {
                        return false;
                    }
                }

                return true;
            case IEnumerable:
                return false;
            default:
                break;
        }

        if (!type.IsClass)
        {
            return false;
        }

        foreach (var (_, get) in Properties.GetOrAdd(type, Getters))
        {
            if (!Same(get(a), get(b), depth + 1, shared))
            {
                return false;
            }
        }

        return true;
    }
}
