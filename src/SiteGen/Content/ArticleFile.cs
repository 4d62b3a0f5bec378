using System.Text;
using SiteGen.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SiteGen.Content;

/// <summary>
/// The normalized article file: YAML front matter between <c>---</c> lines, a blank line, then the
/// Markdown body. <see cref="Write"/> is canonical (fixed field order, empty fields left out, LF line
/// ends, one trailing newline), so <c>Write(Parse(Write(a))) == Write(a)</c>: importing a normalized
/// file gives back the same bytes.
/// </summary>
public static partial class ArticleFile
{
    private const string Fence = "---";

    // Strings YAML would read as something else (a title "~", "null" or "true", an id "2024") are written
    // quoted, so every written file reads back as the same article (a hostile property test found "~").
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .DisableAliases()
        .WithIndentedSequences()
        .Build();

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    public static string Write(Article article)
    {
        var yaml = Serializer.Serialize(FrontMatter.From(article));
        var body = article.Body.Trim('\n');
        var text = new StringBuilder(yaml.Length + body.Length + 16);
        text.Append(Fence).Append('\n').Append(yaml.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (text[^1] != '\n')
        {
            text.Append('\n');
        }

        text.Append(Fence).Append("\n\n").Append(body).Append('\n');
        return text.ToString();
    }

    /// <summary>True when the text starts with a front matter fence (our format or Hexo's).</summary>
    public static bool HasFrontMatter(string text) =>
        text.StartsWith("---\n", StringComparison.Ordinal) || text.StartsWith("---\r\n", StringComparison.Ordinal);

    /// <summary>
    /// Parses a normalized article. Throws <see cref="ArticleFormatException"/> naming the line and the
    /// reason when the front matter is missing, malformed, too large, uses anchors or aliases
    /// (<see cref="YamlGuard"/>), has unknown or duplicate keys, lacks a required field, or breaks
    /// one of the <see cref="ArticleRules"/>.
    /// </summary>
    public static Article Parse(string text) => Parse(text, FrontMatterPath.Scanner);

    /// <summary>
    /// <see cref="Parse(string)"/> without the fast paths (<see cref="FrontMatterScanner"/>,
    /// <see cref="FrontMatterReader"/>): the guard, then the deserializer. Kept so tests can check
    /// that every path gives the same articles and errors.
    /// </summary>
    internal static Article ParseWithDeserializer(string text) => Parse(text, FrontMatterPath.Deserializer);

    /// <summary><see cref="Parse(string)"/> without the <see cref="FrontMatterScanner"/> (for tests).</summary>
    internal static Article ParseWithEvents(string text) => Parse(text, FrontMatterPath.Events);

    private static Article Parse(string text, FrontMatterPath path)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith(Fence + "\n", StringComparison.Ordinal))
        {
            throw new ArticleFormatException("no front matter: the file must start with a '---' line", 1);
        }

        var close = text.IndexOf("\n" + Fence + "\n", 3, StringComparison.Ordinal);
        var closeAtEnd = text.EndsWith("\n" + Fence, StringComparison.Ordinal) ? text.Length - 4 : -1;
        if (close < 0)
        {
            close = closeAtEnd;
        }

        if (close < 0)
        {
            throw new ArticleFormatException("front matter is not closed by a '---' line", 1);
        }

        var yaml = text[4..(close + 1)];
        // The body without its leading and trailing line feeds, cut in one copy.
        var bodyStart = Math.Min(text.Length, close + Fence.Length + 2);
        var bodyEnd = text.Length;
        while (bodyEnd > bodyStart && text[bodyEnd - 1] == '\n')
        {
            bodyEnd--;
        }

        while (bodyStart < bodyEnd && text[bodyStart] == '\n')
        {
            bodyStart++;
        }

        var body = text[bodyStart..bodyEnd];
        if (MarkdownGuard.Check(body) is { } refused)
        {
            // Before the front matter: a body Markdig cannot take is refused whatever the rest says.
            throw new ArticleFormatException(refused.Reason, text.AsSpan(0, bodyStart).Count('\n') + refused.Line);
        }

        // The fast paths answer for the files they are sure about (the scanner for what the writer
        // writes, the event reader for other YAML); the rest, and every error, takes the guard and the
        // deserializer, whose refusals and messages are the file format's.
        var fm = path == FrontMatterPath.Scanner ? FrontMatterScanner.TryRead(yaml) : null;
        fm ??= path != FrontMatterPath.Deserializer ? FrontMatterReader.TryRead(yaml) : null;
        fm ??= Deserialize(yaml);
        if (fm is null)
        {
            throw new ArticleFormatException("front matter is empty", 2);
        }

        var lineOf = FindLine(yaml);
        var article = fm.ToArticle(body, lineOf);
        ArticleRules.Validate(article, key => key == "body" ? BodyLine(text) : lineOf(key));
        return article;
    }

    /// <summary>The old path: <see cref="YamlGuard"/>, then the reflection-based deserializer.</summary>
    private static FrontMatter? Deserialize(string yaml)
    {
        try
        {
            if (YamlGuard.Check(yaml) is { } refused)
            {
                throw new ArticleFormatException(refused.Reason, refused.Line + 1);
            }

            return Deserializer.Deserialize<FrontMatter>(yaml);
        }
        catch (YamlException e)
        {
            // +1: the opening fence is line 1 of the file, the YAML starts on line 2.
            var line = (int)e.Start.Line + 1;
            throw new ArticleFormatException($"malformed front matter: {Explain(e, yaml)}", line);
        }
    }

    /// <summary>The 1-based file line where the body of a normalized article starts (1 when there is no front matter).</summary>
    public static int BodyLine(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var close = text.StartsWith(Fence + "\n", StringComparison.Ordinal) ? text.IndexOf("\n" + Fence + "\n", 3, StringComparison.Ordinal) : -1;
        if (close < 0)
        {
            return 1;
        }

        var start = close + Fence.Length + 2;
        while (start < text.Length && text[start] == '\n')
        {
            start++;
        }

        return text.AsSpan(0, start).Count('\n') + 1;
    }

    /// <summary>YamlDotNet's message, or a plain one when it speaks of .NET types (a value of the wrong shape).</summary>
    private static string Explain(YamlException e, string yaml)
    {
        var inner = Innermost(e);
        if (UnknownProperty().Match(inner.Message) is { Success: true } unknown)
        {
            return $"unknown key '{unknown.Groups[1].Value}'";
        }

        if (inner is YamlException && !inner.Message.Contains("deserialize", StringComparison.Ordinal))
        {
            return inner.Message;
        }

        // A wrong type: name the top-level key the error is under and the shape it needs.
        var lines = yaml.Split('\n');
        var key = "";
        for (var i = Math.Min((int)e.Start.Line - 1, lines.Length - 1); i >= 0 && key.Length == 0; i--)
        {
            key = TopLevelKey().Match(lines[i]) is { Success: true } m ? m.Groups[1].Value : "";
        }

        var shape = key switch
        {
            "mirrors" or "authors" or "tags" or "events" => "a list of text values",
            "image" => "a mapping with 'src', 'caption' and 'credit'",
            "source" => "a mapping with 'path', 'format' and 'sha256'",
            "duplicate_sources" => "a list of mappings with 'path', 'format' and 'sha256'",
            "truncated" => "true or false",
            _ => "a single text value",
        };
        return key.Length == 0 ? "a value has the wrong type" : $"'{key}' has the wrong type: it must be {shape}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Property '([^']+)' not found on type")]
    private static partial System.Text.RegularExpressions.Regex UnknownProperty();

    [System.Text.RegularExpressions.GeneratedRegex(@"^([a-z_0-9]+):")]
    private static partial System.Text.RegularExpressions.Regex TopLevelKey();

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    /// <summary>Returns a function giving the file line of a front matter key (or 2 when absent).</summary>
    private static Func<string, int> FindLine(string yaml) => key =>
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(key + ":", StringComparison.Ordinal))
            {
                return i + 2;
            }
        }

        return 2;
    };
}

/// <summary>The first reader <see cref="ArticleFile"/> tries on a front matter; each falls back to the next.</summary>
internal enum FrontMatterPath
{
    Scanner,
    Events,
    Deserializer,
}

/// <summary>A normalized article file that cannot be read, with the line where the problem is.</summary>
public sealed class ArticleFormatException : Exception
{
    public ArticleFormatException(string reason, int line)
        : base(reason)
    {
        Line = line;
    }

    public ArticleFormatException()
    {
    }

    public ArticleFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Line { get; }
}
