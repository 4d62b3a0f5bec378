using System.Globalization;
using SiteGen.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SiteGen.Content;

/// <summary>Loads <c>content/site.yml</c> and <c>content/events/*.yml</c>.</summary>
public static class SiteStore
{
    private static readonly IDeserializer Strict = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    // Event files will grow match rules (a later issue); unknown keys are tolerated here.
    private static readonly IDeserializer Lenient = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .IgnoreUnmatchedProperties()
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
        catch (YamlException e)
        {
            throw new ContentException("site.yml", (int)e.Start.Line, $"malformed settings: {e.InnerException?.Message ?? e.Message}");
        }
    }

    /// <summary>Events from <c>content/events/*.yml</c>, sorted by id; bad files are collected as errors.</summary>
    public static IReadOnlyList<NewsEvent> LoadEvents(string contentDir, List<ContentException> errors)
    {
        var dir = Path.Combine(contentDir, "events");
        var events = new List<NewsEvent>();
        if (!Directory.Exists(dir))
        {
            return events;
        }

        foreach (var file in ContentFiles.Enumerate(dir, "*.yml").Order(StringComparer.Ordinal))
        {
            var relative = "events/" + Path.GetFileName(file);
            try
            {
                var yaml = Lenient.Deserialize<EventYaml>(File.ReadAllText(file));
                var expected = Path.GetFileNameWithoutExtension(file);
                if (yaml is null || string.IsNullOrWhiteSpace(yaml.Id) || yaml.Id != expected || yaml.Id != Normalize.ArticleIds.Sanitize(yaml.Id))
                {
                    errors.Add(new ContentException(relative, 1, $"an event needs an 'id' of lowercase ASCII that matches the file name '{expected}'"));
                    continue;
                }

                if (string.IsNullOrWhiteSpace(yaml.TitleZh) && string.IsNullOrWhiteSpace(yaml.TitleEn))
                {
                    errors.Add(new ContentException(relative, 1, "an event needs 'title_zh' or 'title_en'"));
                    continue;
                }

                events.Add(new NewsEvent
                {
                    Id = yaml.Id,
                    Date = ParseDay(yaml.Date, relative, "date"),
                    End = ParseDay(yaml.End, relative, "end"),
                    TitleZh = yaml.TitleZh,
                    TitleEn = yaml.TitleEn,
                    SummaryZh = yaml.SummaryZh,
                    SummaryEn = yaml.SummaryEn,
                });
            }
            catch (YamlException e)
            {
                errors.Add(new ContentException(relative, (int)e.Start.Line, $"malformed event file: {e.InnerException?.Message ?? e.Message}"));
            }
            catch (ContentException e)
            {
                errors.Add(e);
            }
        }

        return events;
    }

    private static DateOnly? ParseDay(string? text, string path, string key) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new ContentException(path, 0, $"'{key}' must be a date like 2022-02-04, not '{text}'");

    private sealed class EventYaml
    {
        public string? Id { get; set; }

        public string? Date { get; set; }

        public string? End { get; set; }

        public string? TitleZh { get; set; }

        public string? TitleEn { get; set; }

        public string? SummaryZh { get; set; }

        public string? SummaryEn { get; set; }
    }
}
