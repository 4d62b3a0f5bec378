using System.Globalization;
using SiteGen.Content;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Events;

/// <summary>The events of a content folder and the event files that could not be read.</summary>
public sealed class EventCatalog(IReadOnlyList<EventDefinition> events, IReadOnlyList<ContentException> errors)
{
    /// <summary>Events in ordinal order of id.</summary>
    public IReadOnlyList<EventDefinition> Events { get; } = events;

    /// <summary>Event files that were skipped, each with path, line and reason.</summary>
    public IReadOnlyList<ContentException> Errors { get; } = errors;

    public EventDefinition? Find(string id) => Events.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));
}

/// <summary>
/// Loads <c>content/events/*.yml</c> (not the <c>drafts/</c> folder below it). The schema:
/// <code>
/// id: 2022-02-04-xi-putin-beijing-summit      # = file name, lowercase ASCII
/// date: 2022-02-04                            # or start: / end: for a range
/// title_zh: …   title_en: …   summary_zh: …   summary_en: …
/// match: { any: [...], all: [...], outlets: [...], window_days: 3 }
/// </code>
/// A file with an unknown key, a wrong type, a bad date or a missing field is reported with its path
/// and line; the other files still load.
/// </summary>
public static class EventStore
{
    private static readonly string[] TopKeys = ["id", "date", "start", "end", "title_zh", "title_en", "summary_zh", "summary_en", "match"];
    private static readonly string[] MatchKeys = ["any", "all", "outlets", "window_days"];

    /// <param name="memo">Parses kept from earlier builds (<c>serve</c>); none by default.</param>
    public static EventCatalog Load(string contentDir, ParsedFileMemo<EventDefinition>? memo = null)
    {
        var dir = System.IO.Path.Combine(contentDir, "events");
        var events = new List<EventDefinition>();
        var errors = new List<ContentException>();
        if (Directory.Exists(dir))
        {
            foreach (var file in ContentFiles.Enumerate(dir, "*.yml").Order(StringComparer.Ordinal))
            {
                var relative = System.IO.Path.GetRelativePath(contentDir, file).Replace('\\', '/');
                try
                {
                    var text = File.ReadAllText(file);
                    events.Add(memo is null ? Parse(text, relative) : memo.Parse(text, relative, Parse));
                }
                catch (ContentException e)
                {
                    errors.Add(e);
                }
            }
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var unique = new List<EventDefinition>();
        foreach (var e in events)
        {
            if (seen.TryGetValue(e.Id, out var other))
            {
                errors.Add(new ContentException(e.Path, 1, $"duplicate event id '{e.Id}' (also in {other})"));
                continue;
            }

            seen[e.Id] = e.Path;
            unique.Add(e);
        }

        unique.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new EventCatalog(unique, errors);
    }

    /// <summary>Parses one event file; <paramref name="path"/> names it in errors and, by its file name, gives the expected id.</summary>
    public static EventDefinition Parse(string yaml, string path)
    {
        var stream = new YamlStream();
        try
        {
            // The same guard as front matter: no anchors/aliases (alias bombs), bounded size and depth.
            if (YamlGuard.Check(yaml) is { } bad)
            {
                throw new ContentException(path, bad.Line, bad.Reason.Replace("front matter", "event file", StringComparison.Ordinal));
            }

            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ContentException(path, (int)e.Start.Line, $"malformed event file: {e.InnerException?.Message ?? e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ContentException(path, 1, "an event file must be a YAML mapping with id, date, titles, summaries and match rules");
        }

        var map = Fields(root, TopKeys, path, "event");
        var id = Text(map, "id", path) ?? throw Missing(path, root, "id");
        var expected = System.IO.Path.GetFileNameWithoutExtension(path);
        if (id != Normalize.ArticleIds.Sanitize(id) || (expected.Length > 0 && id != expected))
        {
            throw new ContentException(path, Line(map["id"]), $"event id '{id}' must be lowercase ASCII letters, digits and hyphens and match the file name '{expected}'");
        }

        var date = DateField(map, "date", path);
        var start = DateField(map, "start", path);
        var end = DateField(map, "end", path);
        if (date is not null && (start is not null || end is not null))
        {
            throw new ContentException(path, Line(map["date"]), "give either 'date' or 'start'/'end', not both");
        }

        if (date is null && (start is null || end is null))
        {
            throw new ContentException(path, Line(root), "an event needs 'date: YYYY-MM-DD' or both 'start:' and 'end:'");
        }

        var first = date ?? start!.Value;
        var last = date ?? end!.Value;
        if (last < first)
        {
            throw new ContentException(path, Line(map["end"]), $"'end' ({last:yyyy-MM-dd}) is before 'start' ({first:yyyy-MM-dd})");
        }

        return new EventDefinition
        {
            Id = id,
            Start = first,
            End = last,
            TitleZh = Text(map, "title_zh", path) ?? throw Missing(path, root, "title_zh"),
            TitleEn = Text(map, "title_en", path) ?? throw Missing(path, root, "title_en"),
            SummaryZh = Text(map, "summary_zh", path),
            SummaryEn = Text(map, "summary_en", path),
            Match = map.TryGetValue("match", out var match) ? Rules(match, path) : null,
            Path = path,
        };
    }

    private static EventRules Rules(YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new ContentException(path, Line(node), "'match' must be a mapping: { any: [...], all: [...], outlets: [...], window_days: N }");
        }

        var map = Fields(mapping, MatchKeys, path, "match");
        var rules = new EventRules
        {
            Any = List(map, "any", path),
            All = List(map, "all", path),
            Outlets = List(map, "outlets", path),
            WindowDays = map.TryGetValue("window_days", out var w) ? Days(w, path) : EventRules.DefaultWindowDays,
        };
        if (rules.Any.Count == 0 && rules.All.Count == 0)
        {
            throw new ContentException(path, Line(node), "'match' needs keywords in 'any' or 'all' (an event without rules takes only articles that name it in 'events:')");
        }

        foreach (var keyword in rules.Any.Concat(rules.All))
        {
            if (keyword.Split('|').Any(k => k.Trim().Length == 0))
            {
                throw new ContentException(path, Line(node), $"empty keyword or spelling in '{keyword}'");
            }
        }

        return rules;
    }

    private static Dictionary<string, YamlNode> Fields(YamlMappingNode node, string[] known, string path, string what)
    {
        var map = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                throw new ContentException(path, Line(keyNode), $"unknown {what} key '{key}' (known: {string.Join(", ", known)})");
            }

            if (!map.TryAdd(key, value))
            {
                throw new ContentException(path, Line(keyNode), $"duplicate key '{key}'");
            }
        }

        return map;
    }

    private static string? Text(Dictionary<string, YamlNode> map, string key, string path)
    {
        if (!map.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            throw new ContentException(path, Line(node), $"'{key}' must be text");
        }

        var value = scalar.Value?.Trim();
        return string.IsNullOrEmpty(value) ? throw new ContentException(path, Line(node), $"'{key}' is empty") : value;
    }

    private static DateOnly? DateField(Dictionary<string, YamlNode> map, string key, string path)
    {
        var text = Text(map, key, path);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ContentException(path, Line(map[key]), $"'{key}' must be a date YYYY-MM-DD, not '{text}'");
    }

    private static List<string> List(Dictionary<string, YamlNode> map, string key, string path)
    {
        if (!map.TryGetValue(key, out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw new ContentException(path, Line(node), $"'{key}' must be a list, e.g. {key}: [a, b]");
        }

        var items = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode { Value: { } value } || value.Trim().Length == 0)
            {
                throw new ContentException(path, Line(item), $"every item of '{key}' must be non-empty text");
            }

            items.Add(value.Trim());
        }

        return items;
    }

    private static int Days(YamlNode node, string path) =>
        node is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 366
            ? days
            : throw new ContentException(path, Line(node), "'window_days' must be a whole number of days from 0 to 366");

    private static ContentException Missing(string path, YamlNode root, string key) =>
        new(path, Line(root), $"required field '{key}' is missing");

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
