using SiteGen.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SiteGen.Content;

/// <summary>Loads <c>content/outlets/*.yml</c> into an <see cref="OutletCatalog"/>.</summary>
public static class OutletStore
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <param name="memo">Parses kept from earlier builds (<c>serve</c>); none by default.</param>
    public static OutletCatalog Load(string contentDir, ParsedFileMemo<Outlet>? memo = null)
    {
        var dir = Path.Combine(contentDir, "outlets");
        if (!Directory.Exists(dir))
        {
            return new OutletCatalog([]);
        }

        var outlets = new List<Outlet>();
        foreach (var file in ContentFiles.Enumerate(dir, "*.yml").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            outlets.Add(memo is null ? Parse(text, file) : memo.Parse(text, file, Parse));
        }

        return new OutletCatalog(outlets);
    }

    /// <summary>The keys an outlet file may hold.</summary>
    public static IReadOnlyList<string> Keys { get; } = UnknownYamlKey.KeysOf<Outlet>();

    public static Outlet Parse(string yaml, string path)
    {
        Outlet? outlet;
        try
        {
            outlet = Deserializer.Deserialize<Outlet>(yaml);
        }
        catch (YamlException e) when (UnknownYamlKey.Message(e, Keys, "an outlet file") is { } unknown)
        {
            throw new ContentException(path, (int)e.Start.Line, unknown);
        }
        catch (YamlException e)
        {
            throw new ContentException(path, (int)e.Start.Line, $"malformed outlet file: {e.InnerException?.Message ?? e.Message}");
        }

        if (outlet is null || string.IsNullOrWhiteSpace(outlet.Id) || string.IsNullOrWhiteSpace(outlet.NameZh) || string.IsNullOrWhiteSpace(outlet.NameEn))
        {
            throw new ContentException(path, 1, "an outlet needs 'id', 'name_zh' and 'name_en'");
        }

        var expected = Path.GetFileNameWithoutExtension(path);
        if (outlet.Id != expected || outlet.Id != Normalize.ArticleIds.Sanitize(outlet.Id))
        {
            throw new ContentException(path, 1, $"outlet id '{outlet.Id}' must be lowercase ASCII and match the file name '{expected}'");
        }

        return outlet;
    }
}

/// <summary>A content file that cannot be used, with its path, line (1-based, 0 when unknown) and the reason.</summary>
public sealed class ContentException : Exception
{
    public ContentException(string path, int line, string reason)
        : base($"{path}{(line > 0 ? $":{line}" : "")}: {reason}")
    {
        FilePath = path;
        Line = line;
        Reason = reason;
    }

    public ContentException()
    {
        FilePath = "";
        Reason = "";
    }

    public ContentException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "";
        Reason = message;
    }

    public string FilePath { get; }

    public int Line { get; }

    public string Reason { get; }
}
