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

    public I18n(string lang, IReadOnlyDictionary<string, string> strings)
    {
        Lang = lang;
        _strings = strings;
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

    /// <summary>Whether the other file has the same strings (same keys, same values).</summary>
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

    public static I18n Load(string lang, string path)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            var stream = new YamlStream();
            try
            {
                var text = File.ReadAllText(path);
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

        return new I18n(lang, strings);
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
