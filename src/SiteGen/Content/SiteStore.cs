using SiteGen.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SiteGen.Content;

/// <summary>Loads <c>content/site.yml</c> (events: <see cref="Events.EventStore"/>).</summary>
public static partial class SiteStore
{
    private static readonly IDeserializer Strict = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>The site settings, or the defaults when there is no <c>site.yml</c>.</summary>
    public static SiteSettings LoadSettings(string contentDir)
    {
        var path = Path.Combine(contentDir, "site.yml");
        if (!File.Exists(path))
        {
            return new SiteSettings();
        }

        try
        {
            var settings = Strict.Deserialize<SiteSettings>(File.ReadAllText(path)) ?? new SiteSettings();
            if (settings.DefaultLanguage is not ("zh" or "en"))
            {
                throw new ContentException("site.yml", 0, $"default_language must be 'zh' or 'en', not '{settings.DefaultLanguage}'");
            }

            if (settings.PageSize is < 1 or > 1000)
            {
                throw new ContentException("site.yml", 0, $"page_size must be between 1 and 1000, not {settings.PageSize}");
            }

            return settings;
        }
        catch (YamlException e) when (UnknownKey().Match(e.InnerException?.Message ?? e.Message) is { Success: true } unknown)
        {
            throw new ContentException("site.yml", (int)e.Start.Line, UnknownKeyMessage(unknown.Groups[1].Value));
        }
        catch (YamlException e)
        {
            throw new ContentException("site.yml", (int)e.Start.Line, $"malformed settings: {e.InnerException?.Message ?? e.Message}");
        }
    }

    /// <summary>The keys site.yml may hold: the settings' properties as YAML names them.</summary>
    public static IReadOnlyList<string> Keys { get; } = typeof(SiteSettings).GetProperties()
        .Where(p => p.CanWrite).Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name)).Order(StringComparer.Ordinal).ToArray();

    // In the user's terms: the key, the closest allowed one when it is a typo, and all of them.
    private static string UnknownKeyMessage(string key)
    {
        var closest = Keys.MinBy(k => Distance(k, key));
        var hint = closest is not null && Distance(closest, key) <= 2 ? $" (did you mean '{closest}'?)" : "";
        return $"unknown key '{key}'{hint}; the keys site.yml may hold: {string.Join(", ", Keys)}";
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

    [System.Text.RegularExpressions.GeneratedRegex(@"^Property '([^']+)' not found on type")]
    private static partial System.Text.RegularExpressions.Regex UnknownKey();
}
