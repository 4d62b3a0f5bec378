using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization.NamingConventions;

namespace SiteGen.Content;

/// <summary>
/// YamlDotNet reports a key the type lacks as "Property 'x' not found on type 'SiteGen.Model.…'"; a
/// user reads instead the key, the closest allowed one when it is a typo, and every key the file may
/// hold (issue 21: every error in the user's terms).
/// </summary>
public static partial class UnknownYamlKey
{
    /// <summary>The keys a YAML file deserialized into <typeparamref name="T"/> may hold, as the underscored naming convention names them.</summary>
    public static IReadOnlyList<string> KeysOf<T>() => typeof(T).GetProperties()
        .Where(p => p.CanWrite).Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The message for <paramref name="e"/> when it is an unknown key, else null.</summary>
    public static string? Message(YamlException e, IReadOnlyList<string> keys, string fileKind) =>
        UnknownKey().Match(e.InnerException?.Message ?? e.Message) is { Success: true } unknown ? Message(unknown.Groups[1].Value, keys, fileKind) : null;

    public static string Message(string key, IReadOnlyList<string> keys, string fileKind)
    {
        var closest = keys.MinBy(k => Distance(k, key));
        var hint = closest is not null && Distance(closest, key) <= 2 ? $" (did you mean '{closest}'?)" : "";
        return $"unknown key '{key}'{hint}; the keys {fileKind} may hold: {string.Join(", ", keys)}";
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var (diagonal, row0) = (row[0], i);
            row[0] = row0;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    [GeneratedRegex(@"^Property '([^']+)' not found on type")]
    private static partial Regex UnknownKey();
}
