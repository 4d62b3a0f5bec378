using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SiteGen.Sources.Hexo;

/// <summary>
/// The front matter of a Hexo-style post (RSSHUB-PAGE): <c>title</c>, <c>categories</c>,
/// <c>headimg</c>, <c>author</c>, <c>comments</c>, <c>date</c>, <c>thumbnail</c>. Only the fields the
/// reader uses are mapped; <c>categories</c> and <c>comments</c> describe the dump, not the article.
/// </summary>
internal sealed partial class HexoFrontMatter
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public string? Title { get; set; }

    public string? Author { get; set; }

    public string? Date { get; set; }

    /// <summary>Hexo's last-modified time of the post, when the dump kept it: the version time of this copy.</summary>
    public string? Updated { get; set; }

    public string? Headimg { get; set; }

    public string? Thumbnail { get; set; }

    /// <summary>
    /// Parses the YAML between the fences; <paramref name="firstLine"/> is the file line of its first
    /// line, for messages. The dump writes titles unescaped, so <c>title: 'We are not the virus'_
    /// Hundreds rally…</c> is not YAML: when the parser fails on a one-line <c>title</c>, <c>author</c>,
    /// <c>date</c>, <c>headimg</c> or <c>thumbnail</c> entry, that line's value is taken literally (the
    /// text after <c>key:</c>, trimmed) and the rest is parsed again. Any other error rejects the file, and so does YAML that <see cref="Content.YamlGuard"/> refuses
    /// (too large, anchors or aliases, nested too deep).
    /// </summary>
    public static HexoFrontMatter Parse(string yaml, int firstLine)
    {
        var lines = yaml.Split('\n');
        var literal = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            try
            {
                var yamlText = string.Join('\n', lines);
                if (Content.YamlGuard.Check(yamlText) is { } refused)
                {
                    throw new SourceRejectedException(refused.Reason, firstLine + refused.Line - 1);
                }

                var parsed = Deserializer.Deserialize<HexoFrontMatter?>(yamlText) ?? new HexoFrontMatter();
                parsed.Apply(literal);
                return parsed;
            }
            catch (YamlException e)
            {
                var index = (int)e.Start.Line - 1;
                var entry = index >= 0 && index < lines.Length ? LiteralEntry().Match(lines[index]) : Match.Empty;
                if (!entry.Success || literal.ContainsKey(entry.Groups["key"].Value))
                {
                    var reason = e.InnerException?.Message ?? e.Message;
                    throw new SourceRejectedException($"malformed front matter: {reason}", firstLine + Math.Max(index, 0));
                }

                literal[entry.Groups["key"].Value] = entry.Groups["value"].Value.Trim();
                lines[index] = "";
            }
        }
    }

    private void Apply(Dictionary<string, string> literal)
    {
        foreach (var (key, value) in literal)
        {
            switch (key)
            {
                case "title": Title = value; break;
                case "author": Author = value; break;
                case "date": Date = value; break;
                case "updated": Updated = value; break;
                case "headimg": Headimg = value; break;
                case "thumbnail": Thumbnail = value; break;
            }
        }
    }

    [GeneratedRegex(@"^(?<key>title|author|date|updated|headimg|thumbnail):(?<value>.*)$")]
    private static partial Regex LiteralEntry();
}
