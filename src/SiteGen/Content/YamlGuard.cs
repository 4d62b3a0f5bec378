using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SiteGen.Content;

/// <summary>
/// Checks untrusted YAML (front matter) with YamlDotNet's low-level parser before it is
/// deserialized: bounded size, no anchors or aliases (an alias bomb — "billion laughs" — cannot
/// expand), bounded nesting, one document. The deserializer only ever sees YAML that passed.
/// </summary>
public static class YamlGuard
{
    /// <summary>Front matter larger than this (in characters) is refused: ours is well under 4 KB.</summary>
    public const int MaxChars = 64 * 1024;

    /// <summary>Mappings and sequences nested deeper than this are refused (ours nest 2 deep).</summary>
    public const int MaxDepth = 8;

    /// <summary>
    /// Returns null when the YAML may be deserialized, else the reason and its 1-based line within
    /// <paramref name="yaml"/>. Malformed YAML throws <see cref="YamlException"/>, as the deserializer would.
    /// </summary>
    public static (string Reason, int Line)? Check(string yaml)
    {
        if (yaml.Length > MaxChars)
        {
            return ($"front matter too large ({yaml.Length:N0} characters; the limit is {MaxChars:N0})", 1);
        }

        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        var documents = 0;
        var last = Mark.Empty;
        while (MoveNext(parser, last))
        {
            var current = parser.Current!;
            last = current.End;
            var line = (int)current.Start.Line;
            if (current is AnchorAlias || (current is NodeEvent node && !node.Anchor.IsEmpty))
            {
                return ("anchors and aliases (&name, *name) are not allowed in front matter", line);
            }

            if (current is DocumentStart && ++documents > 1)
            {
                return ("front matter must be one YAML document", line);
            }

            if (current is MappingStart or SequenceStart && ++depth > MaxDepth)
            {
                return ($"front matter nested deeper than {MaxDepth} levels", line);
            }

            if (current is MappingEnd or SequenceEnd)
            {
                depth--;
            }
        }

        return null;
    }

    /// <summary>
    /// YamlDotNet 18's scanner throws <see cref="InvalidOperationException"/> on some malformed input
    /// (an unclosed flow sequence, <c>[a</c>), and its parser <see cref="ArgumentException"/> on a tag
    /// that is not a URI (<c>title: !!]</c>): each reported as the <see cref="YamlException"/> it should
    /// be, at the end of the last event read (the line where the parser stopped).
    /// </summary>
    private static bool MoveNext(Parser parser, Mark last)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException)
        {
            throw new SyntaxErrorException(last, last, "the YAML cannot be parsed here: an unclosed '[', '{' or quote?");
        }
        catch (ArgumentException)
        {
            throw new SyntaxErrorException(last, last, "the YAML cannot be parsed here: a tag ('!…') that is not a valid URI");
        }
    }
}
