using System.Collections.Concurrent;
using SiteGen.Content;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Rendering;

/// <summary>
/// UI strings of one language from <c>i18n/&lt;lang&gt;.yml</c> (nested maps flattened to dotted keys).
/// A key the file lacks is recorded (a warning, or an error with <c>--strict</c>) and shown as the key.
/// </summary>
public sealed class I18n
{
    private readonly IReadOnlyDictionary<string, string> _strings;
    private readonly ConcurrentDictionary<string, byte> _missing = new(StringComparer.Ordinal);

    // The file and text the strings were read from (null: no file), for Load with a previous I18n.
    private readonly string? _path;
    private readonly string? _text;

    public I18n(string lang, IReadOnlyDictionary<string, string> strings)
    {
        Lang = lang;
        _strings = strings;
    }

    private I18n(string lang, IReadOnlyDictionary<string, string> strings, string path, string? text)
        : this(lang, strings)
    {
        _path = path;
        _text = text;
    }

    public string Lang { get; }

    public IEnumerable<string> MissingKeys => _missing.Keys.Order(StringComparer.Ordinal);

    public string Get(string key)
    {
        if (_strings.TryGetValue(key, out var value))
        {
            return value;
        }

        _missing.TryAdd(key, 0);
        return key;
    }

    /// <summary>Whether the other file has the same strings (same keys, same values): at once when one read of a file is shared by both.</summary>
    public bool SameStrings(I18n other)
    {
        if (ReferenceEquals(_strings, other._strings))
        {
            return true;
        }

        if (_strings.Count != other._strings.Count)
        {
            return false;
        }

        foreach (var (key, value) in _strings)
        {
            if (!other._strings.TryGetValue(key, out var theirs) || !string.Equals(value, theirs, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public static I18n Load(string lang, string path) => Load(lang, path, null);

    /// <summary>
    /// As <see cref="Load(string, string)"/>; when the file reads as when <paramref name="previous"/> was
    /// loaded, its strings are shared (not parsed again: <see cref="SameStrings"/> is true). The missing
    /// keys are always the new object's own: they are what one build looked up.
    /// </summary>
    public static I18n Load(string lang, string path, I18n? previous)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : null;
        if (previous is not null && previous._path == path && previous._text == text && previous.Lang == lang)
        {
            return new I18n(lang, previous._strings, path, text);
        }

        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text is not null)
        {
            var stream = new YamlStream();
            try
            {
                if (YamlGuard.Check(text) is { } bad)
                {
                    throw new ContentException(path, bad.Line, bad.Reason.Replace("front matter", "i18n file", StringComparison.Ordinal));
                }

                using var reader = new StringReader(text);
                stream.Load(reader);
            }
            catch (YamlException e)
            {
                throw new ContentException(path, (int)e.Start.Line, $"malformed i18n file: {e.InnerException?.Message ?? e.Message}");
            }

            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                Flatten(root, "", strings);
            }
        }

        return new I18n(lang, strings, path, text);
    }

    private static void Flatten(YamlMappingNode node, string prefix, Dictionary<string, string> into)
    {
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode scalarKey)
            {
                continue; // a key that is not text names no string
            }

            var name = prefix + scalarKey.Value;
            switch (value)
            {
                case YamlMappingNode map:
                    Flatten(map, name + ".", into);
                    break;
                case YamlScalarNode scalar:
                    into[name] = scalar.Value ?? "";
                    break;
                default:
                    break;
            }
        }
    }
}
