using SiteGen.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SiteGen.Content;

/// <summary>
/// Loads the outlets: the catalog shipped with the tool (<see cref="Shipped"/>, the outlets of the
/// source families it reads) and the archive's <c>content/outlets/*.yml</c>, which add to it and
/// override it by id.
/// </summary>
public static class OutletStore
{
    private const string ShippedPrefix = "SiteGen.Content.Catalog.";

    private static readonly Lazy<IReadOnlyList<Outlet>> LazyShipped = new(() => ReadShipped());

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>The outlets shipped with the tool (<c>src/SiteGen/Content/Catalog/*.yml</c>), by id.</summary>
    public static IReadOnlyList<Outlet> Shipped => LazyShipped.Value;

    /// <summary>The shipped catalog with the archive's own outlet files added (an own file wins over the shipped outlet of its id).</summary>
    /// <param name="memo">Parses kept from earlier builds (<c>serve</c>); none by default.</param>
    public static OutletCatalog Load(string contentDir, ParsedFileMemo<Outlet>? memo = null) =>
        new(Shipped, ReadOwn(contentDir, memo));

    /// <summary>Only the archive's own <c>content/outlets/*.yml</c>, without the shipped catalog.</summary>
    public static OutletCatalog LoadOwn(string contentDir, ParsedFileMemo<Outlet>? memo = null) =>
        new(ReadOwn(contentDir, memo));

    private static List<Outlet> ReadOwn(string contentDir, ParsedFileMemo<Outlet>? memo)
    {
        var dir = Path.Combine(contentDir, "outlets");
        var outlets = new List<Outlet>();
        if (!Directory.Exists(dir))
        {
            return outlets;
        }

        foreach (var file in ContentFiles.Enumerate(dir, "*.yml").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            outlets.Add(memo is null ? Parse(text, file) : memo.Parse(text, file, Parse));
        }

        return outlets;
    }

    private static List<Outlet> ReadShipped()
    {
        var assembly = typeof(OutletStore).Assembly;
        var outlets = new List<Outlet>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ShippedPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);

            // Named as the file it was made from, so a mistake in it reads like one in an archive's own file.
            outlets.Add(Parse(reader.ReadToEnd(), $"catalog/{name[ShippedPrefix.Length..]}"));
        }

        return outlets;
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
