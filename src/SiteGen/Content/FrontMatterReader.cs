using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SiteGen.Content;

/// <summary>
/// The fast path of <see cref="ArticleFile.Parse(string)"/>: one pass over YamlDotNet's parser events that
/// fills <see cref="FrontMatter"/> by hand. The old path parses every front matter twice —
/// <see cref="YamlGuard.Check"/> walks the events to refuse anchors, aliases and oversized
/// documents, then the reflection-based deserializer parses the text again — and that was most of
/// the time of loading the archive.
/// </summary>
/// <remarks>
/// It only answers when it is sure to give what the old path gives: a mapping of the known keys
/// (each at most once, no tags, anchors or aliases) whose values have the shapes
/// <see cref="FrontMatter"/> needs, scalars read as the deserializer reads them (a plain
/// <c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c> or empty value is null, anything else the
/// scalar's text, quoted or not), and nothing after the one document. On anything else — an
/// unknown or repeated key, a tag, a value of another shape, a null list item, a second document,
/// a syntax error, any exception — it returns null and the caller takes the old path, so refusals,
/// error messages and their lines stay exactly those of the guard and the deserializer. The test
/// <c>FrontMatterReaderTests</c> compares both paths on the shipped archive, the shared corpus, a
/// generated archive and hostile inputs.
/// </remarks>
internal static class FrontMatterReader
{
    internal enum Shape
    {
        Text,
        TextList,
        Image,
        Source,
        SourceList,
        Bool,
    }

    /// <summary>The front matter, or null when the old path must decide (see the remarks).</summary>
    public static FrontMatter? TryRead(string yaml)
    {
        if (yaml.Length > YamlGuard.MaxChars)
        {
            return null;
        }

        try
        {
            return Read(new Parser(new StringReader(yaml)));
        }
        catch (Exception)
        {
            // Malformed YAML (or a YamlDotNet bug): the old path reports it in its own words.
            return null;
        }
    }

    private static FrontMatter? Read(Parser parser)
    {
        if (Next(parser) is not StreamStart || Next(parser) is not DocumentStart || Next(parser) is not MappingStart root || !Plain(root))
        {
            return null;
        }

        var fm = new FrontMatter();
        var seen = 0;
        while (true)
        {
            var e = Next(parser);
            if (e is MappingEnd)
            {
                break;
            }

            if (e is not Scalar key || !Plain(key))
            {
                return null;
            }

            var (index, shape) = Key(key.Value);
            if (index < 0 || (seen & (1 << index)) != 0)
            {
                return null;
            }

            seen |= 1 << index;
            if (!ReadValue(parser, fm, index, shape))
            {
                return null;
            }
        }

        // One document, then the end: a second one is refused by the guard.
        return Next(parser) is DocumentEnd && Next(parser) is StreamEnd ? fm : null;
    }

    /// <summary>The top-level keys, named as <see cref="YamlDotNet.Serialization.NamingConventions.UnderscoredNamingConvention"/> names the properties.</summary>
    internal static (int Index, Shape Shape) Key(ReadOnlySpan<char> key) => key switch
    {
        "id" => (0, Shape.Text),
        "title" => (1, Shape.Text),
        "title_en" => (2, Shape.Text),
        "title_zh" => (3, Shape.Text),
        "lang" => (4, Shape.Text),
        "outlet" => (5, Shape.Text),
        "published" => (6, Shape.Text),
        "url" => (7, Shape.Text),
        "mirrors" => (8, Shape.TextList),
        "authors" => (9, Shape.TextList),
        "editor" => (10, Shape.Text),
        "image" => (11, Shape.Image),
        "tags" => (12, Shape.TextList),
        "events" => (13, Shape.TextList),
        "summary" => (14, Shape.Text),
        "translation_of" => (15, Shape.Text),
        "source" => (16, Shape.Source),
        "duplicate_sources" => (17, Shape.SourceList),
        "truncated" => (18, Shape.Bool),
        _ => (-1, Shape.Text),
    };

    private static bool ReadValue(Parser parser, FrontMatter fm, int index, Shape shape)
    {
        switch (shape)
        {
            case Shape.Text:
                if (!ReadText(parser, out var text))
                {
                    return false;
                }

                SetText(fm, index, text);
                return true;

            case Shape.TextList:
                if (!ReadTextList(parser, out var list))
                {
                    return false;
                }

                SetList(fm, index, list);
                return true;

            case Shape.Image:
                if (!ReadImage(parser, Next(parser), out var image))
                {
                    return false;
                }

                fm.Image = image;
                return true;

            case Shape.Bool:
                if (Next(parser) is not Scalar flag || !Plain(flag) || !Bool(flag.Style, flag.Value, out var value))
                {
                    return false;
                }

                fm.Truncated = value;
                return true;

            case Shape.Source:
                if (!ReadSource(parser, Next(parser), out var source))
                {
                    return false;
                }

                fm.Source = source;
                return true;

            default:
                if (!ReadSourceList(parser, out var sources))
                {
                    return false;
                }

                fm.DuplicateSources = sources;
                return true;
        }
    }

    /// <summary>Sets the text property of top-level key number <paramref name="index"/> (see <see cref="Key"/>).</summary>
    internal static void SetText(FrontMatter fm, int index, string? text)
    {
        switch (index)
        {
            case 0: fm.Id = text; break;
            case 1: fm.Title = text; break;
            case 2: fm.TitleEn = text; break;
            case 3: fm.TitleZh = text; break;
            case 4: fm.Lang = text; break;
            case 5: fm.Outlet = text; break;
            case 6: fm.Published = text; break;
            case 7: fm.Url = text; break;
            case 10: fm.Editor = text; break;
            case 14: fm.Summary = text; break;
            case 15: fm.TranslationOf = text; break;
            default: throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    /// <summary>Sets the list property of top-level key number <paramref name="index"/> (see <see cref="Key"/>).</summary>
    internal static void SetList(FrontMatter fm, int index, List<string>? list)
    {
        switch (index)
        {
            case 8: fm.Mirrors = list; break;
            case 9: fm.Authors = list; break;
            case 12: fm.Tags = list; break;
            case 13: fm.Events = list; break;
            default: throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    /// <summary>
    /// A plain <c>true</c> or <c>false</c>, or a plain null, as the deserializer reads it into a
    /// <see cref="bool"/>? property; false (not sure) for anything else — YAML 1.1 spellings
    /// (<c>yes</c>, <c>True</c>), quoted values — which the deserializer then accepts or refuses.
    /// </summary>
    internal static bool Bool(ScalarStyle style, string text, out bool? value)
    {
        value = null;
        if (style != ScalarStyle.Plain)
        {
            return false;
        }

        value = text switch { "true" => true, "false" => false, _ => null };
        return value is not null || text is "" or "~" or "null" or "Null" or "NULL";
    }

    /// <summary>A scalar as the deserializer reads it into a <see cref="string"/> property.</summary>
    private static bool ReadText(Parser parser, out string? text) => Text(Next(parser), out text);

    private static bool Text(ParsingEvent? e, out string? text)
    {
        text = null;
        if (e is not Scalar scalar || !Plain(scalar))
        {
            return false;
        }

        text = IsNull(scalar) ? null : scalar.Value;
        return true;
    }

    // A null item would be kept as null by the deserializer: rare enough to leave to it (false).
    private static bool ReadTextList(Parser parser, out List<string>? list) =>
        ReadList(parser, static (_, item) => Text(item, out var text) && text is not null ? text : null, out list);

    private static readonly string[] ImageKeys = ["src", "caption", "credit"];
    private static readonly string[] SourceKeys = ["path", "format", "sha256"];

    private static bool ReadImage(Parser parser, ParsingEvent? e, out FrontMatter.ImageYaml? image) =>
        ReadTextMapping(parser, e, ImageKeys, static (image, key, text) =>
        {
            switch (key)
            {
                case 0: image.Src = text; break;
                case 1: image.Caption = text; break;
                default: image.Credit = text; break;
            }
        }, out image);

    private static bool ReadSource(Parser parser, ParsingEvent? e, out FrontMatter.SourceYaml? source) =>
        ReadTextMapping(parser, e, SourceKeys, static (source, key, text) =>
        {
            switch (key)
            {
                case 0: source.Path = text; break;
                case 1: source.Format = text; break;
                default: source.Sha256 = text; break;
            }
        }, out source);

    /// <summary>
    /// A mapping of text values under known keys (each at most once) into a new <typeparamref name="T"/>,
    /// or a plain null; false on anything else (the caller falls back to the deserializer).
    /// </summary>
    private static bool ReadTextMapping<T>(Parser parser, ParsingEvent? e, string[] keys, Action<T, int, string?> set, out T? value)
        where T : class, new()
    {
        value = null;
        if (e is Scalar empty)
        {
            return Plain(empty) && IsNull(empty);
        }

        if (e is not MappingStart start || !Plain(start))
        {
            return false;
        }

        value = new T();
        var seen = 0;
        while (Next(parser) is var k && k is not MappingEnd)
        {
            if (k is not Scalar key || !Plain(key))
            {
                return false;
            }

            var index = Array.IndexOf(keys, key.Value);
            if (index < 0 || (seen & (1 << index)) != 0 || !ReadText(parser, out var text))
            {
                return false;
            }

            seen |= 1 << index;
            set(value, index, text);
        }

        return true;
    }

    // Items must be mappings: a null item is left to the deserializer, as in ReadTextList.
    private static bool ReadSourceList(Parser parser, out List<FrontMatter.SourceYaml>? list) =>
        ReadList(parser, static (parser, item) => item is MappingStart && ReadSource(parser, item, out var source) ? source : null, out list);

    /// <summary>
    /// A sequence whose items <paramref name="read"/> turns into values (null: not sure, give up), or a
    /// plain null; false on anything else (the caller falls back to the deserializer).
    /// </summary>
    private static bool ReadList<T>(Parser parser, Func<Parser, ParsingEvent, T?> read, out List<T>? list)
        where T : class
    {
        list = null;
        var e = Next(parser);
        if (e is Scalar empty)
        {
            return Plain(empty) && IsNull(empty);
        }

        if (e is not SequenceStart start || !Plain(start))
        {
            return false;
        }

        list = [];
        while (Next(parser) is var item && item is not SequenceEnd)
        {
            if (item is null || read(parser, item) is not { } value)
            {
                return false;
            }

            list.Add(value);
        }

        return true;
    }

    /// <summary>The next event; null at the end (never expected here: the caller then gives up).</summary>
    private static ParsingEvent? Next(Parser parser) => parser.MoveNext() ? parser.Current : null;

    /// <summary>No anchor (the guard refuses them) and no tag (the deserializer resolves tags to types).</summary>
    private static bool Plain(NodeEvent node) => node.Anchor.IsEmpty && node.Tag.IsEmpty;

    /// <summary>What YamlDotNet's <c>NullNodeDeserializer</c> takes for null (a tagged null never gets here).</summary>
    private static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
}
