namespace SiteGen.Content;

/// <summary>
/// The fastest path of <see cref="ArticleFile.Parse(string)"/>: reads, line by line and without a YAML
/// parser, the front matter as <see cref="ArticleFile.Write"/> writes it — <c>key: value</c> lines,
/// lists as <c>  - item</c> lines, <c>image</c> and <c>source</c> as <c>  key: value</c> lines,
/// <c>duplicate_sources</c> as <c>  - path: …</c> items, <c>truncated</c> as <c>true</c> or <c>false</c>. Even YamlDotNet's event parser
/// (<see cref="FrontMatterReader"/>) was most of the time of loading the archive, and the start-up
/// cost of its code (the load is the first thing a build does) was more than its steady cost.
/// </summary>
/// <remarks>
/// It accepts only lines whose YAML meaning is beyond doubt: known keys, once each, at the indentation
/// the writer uses; values that are plain scalars without anything YAML could read otherwise (no
/// leading indicator, no <c>": "</c>, <c>" #"</c>, tab, trailing space, line break or character YAML
/// treats specially), single-quoted on one line, or double-quoted on one line with no escape but
/// <c>\"</c> and <c>\\</c>; no comments, blank lines, continuation lines, flow collections, block
/// scalars, anchors or tags. It gives null on anything else,
/// and <see cref="FrontMatterReader"/> (then the guard and the deserializer) decides, so the result
/// is always the deserializer's. <c>FrontMatterReaderTests</c> compares the three paths.
/// </remarks>
internal static class FrontMatterScanner
{
    /// <summary>The front matter, or null when a YAML parser must read it.</summary>
    public static FrontMatter? TryRead(string yaml)
    {
        if (yaml.Length == 0 || yaml.Length > YamlGuard.MaxChars || yaml[^1] != '\n')
        {
            return null;
        }

        var fm = new FrontMatter();
        var seen = 0;
        var pos = 0;
        while (pos < yaml.Length)
        {
            var line = NextLine(yaml, ref pos);
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                return null;
            }

            var (index, shape) = FrontMatterReader.Key(line[..colon]);
            if (index < 0 || (seen & (1 << index)) != 0)
            {
                return null;
            }

            seen |= 1 << index;
            var rest = line[(colon + 1)..];
            if (rest.Length > 0)
            {
                if (shape == FrontMatterReader.Shape.Bool)
                {
                    // "truncated: true": the one flag; anything but a plain true, false or null is the parser's.
                    if (rest[0] != ' ' || !FrontMatterReader.Bool(YamlDotNet.Core.ScalarStyle.Plain, rest[1..].ToString(), out var flag) || flag is null)
                    {
                        return null;
                    }

                    fm.Truncated = flag;
                    continue;
                }

                // An inline value: only a scalar for a text key (a flow list or mapping is left to the parser).
                if (shape != FrontMatterReader.Shape.Text || rest[0] != ' ' || !Scalar(rest[1..], out var text))
                {
                    return null;
                }

                FrontMatterReader.SetText(fm, index, text);
                continue;
            }

            // "key:" alone: a block below, or null. A line below that is indented otherwise than the
            // block expects stops the block and is refused by the top-level loop (a continuation line).
            switch (shape)
            {
                case FrontMatterReader.Shape.Text:
                    FrontMatterReader.SetText(fm, index, null);
                    break;

                case FrontMatterReader.Shape.Bool:
                    fm.Truncated = null;
                    break;

                case FrontMatterReader.Shape.TextList:
                    List<string>? list = null;
                    while (At(yaml, pos, "  - "))
                    {
                        if (!Scalar(NextLine(yaml, ref pos)[4..], out var item) || item is null)
                        {
                            return null;
                        }

                        (list ??= []).Add(item);
                    }

                    FrontMatterReader.SetList(fm, index, list);
                    break;

                case FrontMatterReader.Shape.Image:
                    if (At(yaml, pos, "  "))
                    {
                        fm.Image = new FrontMatter.ImageYaml();
                        if (!Mapping(yaml, ref pos, 2, "  ", fm.Image, null))
                        {
                            return null;
                        }
                    }

                    break;

                case FrontMatterReader.Shape.Source:
                    if (At(yaml, pos, "  "))
                    {
                        fm.Source = new FrontMatter.SourceYaml();
                        if (!Mapping(yaml, ref pos, 2, "  ", null, fm.Source))
                        {
                            return null;
                        }
                    }

                    break;

                default:
                    // Each item: its first key on the "  - " line, the others below it, indented by four.
                    List<FrontMatter.SourceYaml>? sources = null;
                    while (At(yaml, pos, "  - "))
                    {
                        var source = new FrontMatter.SourceYaml();
                        if (!Mapping(yaml, ref pos, 4, "    ", null, source))
                        {
                            return null;
                        }

                        (sources ??= []).Add(source);
                    }

                    fm.DuplicateSources = sources;
                    break;
            }
        }

        return fm;
    }

    /// <summary>The line at <paramref name="pos"/> (without its line feed); moves past it.</summary>
    private static ReadOnlySpan<char> NextLine(string yaml, ref int pos)
    {
        var end = yaml.IndexOf('\n', pos);
        var line = yaml.AsSpan(pos, end - pos);
        pos = end + 1;
        return line;
    }

    /// <summary>True when the line at <paramref name="pos"/> starts with <paramref name="indent"/> then a lowercase letter or "- ".</summary>
    private static bool At(string yaml, int pos, string indent) =>
        pos + indent.Length < yaml.Length && yaml.AsSpan(pos).StartsWith(indent, StringComparison.Ordinal)
        && (indent.EndsWith("- ", StringComparison.Ordinal) || yaml[pos + indent.Length] is >= 'a' and <= 'z');

    /// <summary>
    /// The <c>key: value</c> lines of an image or a source: the first one at <paramref name="pos"/>
    /// (its key <paramref name="skip"/> characters in), then those starting with <paramref name="indent"/>.
    /// Keys are known and given once.
    /// </summary>
    private static bool Mapping(string yaml, ref int pos, int skip, string indent, FrontMatter.ImageYaml? image, FrontMatter.SourceYaml? source)
    {
        var seen = 0;
        do
        {
            var line = NextLine(yaml, ref pos)[skip..];
            skip = indent.Length;
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            var key = line[..colon];
            var index = image is not null
                ? key switch { "src" => 0, "caption" => 1, "credit" => 2, _ => -1 }
                : key switch { "path" => 0, "format" => 1, "sha256" => 2, _ => -1 };
            var rest = line[(colon + 1)..];
            string? text = null;
            if (index < 0 || (seen & (1 << index)) != 0 || (rest.Length > 0 && (rest[0] != ' ' || !Scalar(rest[1..], out text))))
            {
                return false;
            }

            seen |= 1 << index;
            switch (index)
            {
                case 0 when image is not null: image.Src = text; break;
                case 1 when image is not null: image.Caption = text; break;
                case 2 when image is not null: image.Credit = text; break;
                case 0: source!.Path = text; break;
                case 1: source!.Format = text; break;
                default: source!.Sha256 = text; break;
            }
        }
        while (At(yaml, pos, indent));

        return true;
    }

    /// <summary>
    /// A plain or one-line single-quoted scalar whose value is certain, as the deserializer reads it
    /// (a plain <c>~</c>, <c>null</c>, <c>Null</c> or <c>NULL</c> is null); false for anything else.
    /// </summary>
    private static bool Scalar(ReadOnlySpan<char> value, out string? text)
    {
        text = null;
        if (value.Length == 0)
        {
            return false;
        }

        if (value[0] == '\'')
        {
            return SingleQuoted(value, out text);
        }

        if (value[0] == '"')
        {
            return DoubleQuoted(value, out text);
        }

        // A leading indicator, a value indicator or comment inside, or spaces YAML would trim: the parser's.
        if ("-?:,[]{}#&*!|>'\"%@` ".Contains(value[0]) || value[^1] is ' ' or ':'
            || value.IndexOf(": ", StringComparison.Ordinal) >= 0 || value.IndexOf(" #", StringComparison.Ordinal) >= 0 || !Printable(value))
        {
            return false;
        }

        text = value is "~" or "null" or "Null" or "NULL" ? null : value.ToString();
        return true;
    }

    private static bool SingleQuoted(ReadOnlySpan<char> value, out string? text)
    {
        text = null;
        if (value.Length < 2 || value[^1] != '\'' || !Printable(value))
        {
            return false;
        }

        var inner = value[1..^1];
        var quote = inner.IndexOf('\'');
        if (quote < 0)
        {
            text = inner.ToString();
            return true;
        }

        // '' stands for one quote; a lone quote would end the scalar early.
        var sb = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\'')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '\'')
                {
                    return false;
                }

                i++;
            }

            sb.Append(inner[i]);
        }

        text = sb.ToString();
        return true;
    }

    /// <summary>
    /// A one-line double-quoted scalar whose only escapes are <c>\"</c> and <c>\\</c> (what
    /// <see cref="ArticleFile"/> writes for a title with a leading quote or <c>: </c>); any other escape
    /// is the parser's, since YAML gives each its own meaning.
    /// </summary>
    private static bool DoubleQuoted(ReadOnlySpan<char> value, out string? text)
    {
        text = null;
        if (value.Length < 2 || value[^1] != '"' || !Printable(value))
        {
            return false;
        }

        var inner = value[1..^1];
        var sb = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '"')
            {
                return false; // an unescaped quote ends the scalar early
            }

            if (c == '\\')
            {
                if (i + 1 >= inner.Length || inner[i + 1] is not ('"' or '\\'))
                {
                    return false;
                }

                c = inner[++i];
            }

            sb.Append(c);
        }

        text = sb.ToString();
        return true;
    }

    /// <summary>
    /// No character YAML reads otherwise or may refuse: controls (tab and line breaks included), DEL
    /// and C1, the Unicode line and paragraph separators, byte order marks, non-characters and surrogates.
    /// </summary>
    private static bool Printable(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
