using SiteGen.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SiteGen.Content;

/// <summary>Loads <c>content/site.yml</c> (events: <see cref="Events.EventStore"/>).</summary>
public static class SiteStore
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
        catch (YamlException e) when (UnknownYamlKey.Message(e, Keys, "site.yml") is { } unknown)
        {
            throw new ContentException("site.yml", (int)e.Start.Line, unknown);
        }
        catch (YamlException e)
        {
            throw new ContentException("site.yml", (int)e.Start.Line, $"malformed settings: {e.InnerException?.Message ?? e.Message}");
        }
    }

    /// <summary>The keys site.yml may hold: the settings' properties as YAML names them.</summary>
    public static IReadOnlyList<string> Keys { get; } = UnknownYamlKey.KeysOf<SiteSettings>();
}
