namespace SiteGen.BrowserTests.Infrastructure;

/// <summary>The page kinds of the site (issue 4's URL scheme) that every per-page test covers.</summary>
public enum PageKind
{
    Home,
    Article,
    Outlet,
    OutletsIndex,
    Event,
    EventsIndex,
    YearArchive,
    MonthArchive,
    Tag,
    TagsIndex,
    Search,

    /// <summary>A missing path: the root <c>/404.html</c> with status 404.</summary>
    NotFound,

    /// <summary><c>/</c> (and <c>/index.html</c>), which sends the reader to <c>/zh/</c> without JavaScript.</summary>
    Root,
}

/// <summary>A browser window size.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool Mobile)
{
    public static readonly Viewport Desktop = new("desktop", 1280, 800, false);
    public static readonly Viewport Phone = new("phone", 390, 844, true);

    public static Viewport Named(string name) => name switch
    {
        "desktop" => Desktop,
        "phone" => Phone,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "desktop or phone"),
    };
}

/// <summary>Theory data: page kind × UI language × window size, and language × size.</summary>
public static class Cases
{
    public static readonly string[] Languages = ["zh", "en"];

    public static readonly string[] Sizes = ["desktop", "phone"];

    public static TheoryData<PageKind, string, string> EveryPage()
    {
        var data = new TheoryData<PageKind, string, string>();
        foreach (var kind in Enum.GetValues<PageKind>())
        {
            foreach (var lang in Languages)
            {
                foreach (var size in Sizes)
                {
                    data.Add(kind, lang, size);
                }
            }
        }

        return data;
    }

    public static TheoryData<string, string> LanguageAndSize()
    {
        var data = new TheoryData<string, string>();
        foreach (var lang in Languages)
        {
            foreach (var size in Sizes)
            {
                data.Add(lang, size);
            }
        }

        return data;
    }
}
