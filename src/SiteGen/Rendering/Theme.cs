using Scriban;
using Scriban.Parsing;

namespace SiteGen.Rendering;

/// <summary>A template parsed once, with the file it came from (shown in error messages) and a hash of its text and path.</summary>
public sealed record ThemeTemplate(string Name, string DisplayPath, Template Template, string Hash = "");

/// <summary>
/// A theme: Scriban templates under <c>layouts/</c> (page kinds, <c>base</c>, <c>partials/…</c>), UI
/// strings under <c>i18n/</c> and static files under <c>assets/</c>. A file of the same relative name
/// under the content folder's <c>layouts/</c> replaces the theme's (Hugo-like lookup). Templates are
/// parsed once here and shared, read-only, by every rendering thread.
/// </summary>
public sealed class Theme
{
    public const string Extension = ".scriban";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Display, string Text), Template> Parsed = new();

    private readonly Dictionary<string, ThemeTemplate> _templates;

    // What the theme was loaded from: the override folder and each template's file and text, so the next
    // load can tell it would make the same theme (Load with a previous theme).
    private readonly string? _overrideDir;
    private readonly Dictionary<string, (string Path, string Text)> _sources;

    private Theme(string dir, string? overrideDir, Dictionary<string, ThemeTemplate> templates, Dictionary<string, (string Path, string Text)> sources, IReadOnlyList<(string Relative, string Path)> assets)
    {
        Dir = dir;
        _overrideDir = overrideDir;
        _templates = templates;
        _sources = sources;
        Assets = assets;
    }

    public string Dir { get; }

    /// <summary>Every template by name, with the file it came from.</summary>
    public IEnumerable<ThemeTemplate> Templates => _templates.Values.OrderBy(t => t.Name, StringComparer.Ordinal);

    /// <summary>Static files to copy, relative to <c>assets/</c> (forward slashes), sorted.</summary>
    public IReadOnlyList<(string Relative, string Path)> Assets { get; }

    public ThemeTemplate? Find(string name) => _templates.GetValueOrDefault(name);

    public ThemeTemplate Get(string name) =>
        Find(name) ?? throw new ThemeException($"the theme has no template '{name}{Extension}' (looked in {Dir}/layouts and the content's layouts/)");

    /// <summary>
    /// Loads and parses every template. <paramref name="overrideDir"/> (content/layouts) wins over the
    /// theme's own. Throws <see cref="ThemeException"/> listing every syntax error with file, line, column.
    /// </summary>
    public static Theme Load(string themeDir, string? overrideDir) => Load(themeDir, overrideDir, null);

    /// <summary>
    /// As <see cref="Load(string, string?)"/>, but when every file reads as when <paramref name="previous"/>
    /// was loaded (same folders, files and texts, same assets), returns <paramref name="previous"/> itself,
    /// so later stages can compare themes by reference; else a template whose file and text are the same
    /// is the very same <see cref="ThemeTemplate"/> object.
    /// </summary>
    public static Theme Load(string themeDir, string? overrideDir, Theme? previous)
    {
        if (!Directory.Exists(Path.Combine(themeDir, "layouts")))
        {
            throw new ThemeException($"theme not found: {themeDir} has no layouts/ folder");
        }

        var files = new SortedDictionary<string, (string Path, string Display)>(StringComparer.Ordinal);
        void Collect(string root, string displayRoot)
        {
            foreach (var file in Content.ContentFiles.Enumerate(root, "*" + Extension, SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                files[relative[..^Extension.Length]] = (file, $"{displayRoot}/{relative}");
            }
        }

        Collect(Path.Combine(themeDir, "layouts"), $"themes/{Path.GetFileName(Path.TrimEndingDirectorySeparator(themeDir))}/layouts");
        if (overrideDir is not null && Directory.Exists(overrideDir))
        {
            Collect(overrideDir, $"{Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(overrideDir)))}/layouts");
        }

        var assetsDir = Path.Combine(themeDir, "assets");
        var assets = Directory.Exists(assetsDir)
            ? Content.ContentFiles.Enumerate(assetsDir, "*", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(assetsDir, f).Replace('\\', '/'), f))
                .OrderBy(a => a.Item1, StringComparer.Ordinal)
                .ToArray()
            : [];
        var sources = files.ToDictionary(f => f.Key, f => (f.Value.Path, File.ReadAllText(f.Value.Path)), StringComparer.Ordinal);
        if (previous is not null && previous.Dir == themeDir && previous._overrideDir == overrideDir && previous.Assets.SequenceEqual(assets)
            && previous._sources.Count == sources.Count && sources.All(kv => previous._sources.TryGetValue(kv.Key, out var was) && was == kv.Value)
            && files.All(f => previous._templates.TryGetValue(f.Key, out var t) && t.DisplayPath == f.Value.Display))
        {
            return previous;
        }

        var templates = new Dictionary<string, ThemeTemplate>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (name, (path, display)) in files)
        {
            var text = sources[name].Item2;
            if (previous is not null && previous._templates.TryGetValue(name, out var same) && same.DisplayPath == display && previous._sources.GetValueOrDefault(name) == (path, text))
            {
                templates[name] = same;
                continue;
            }

            if (Parsed.Count > 1000)
            {
                Parsed.Clear();
            }

            // Parsed templates are immutable and shared; the watch loop reloads the theme on every change.
            var template = Parsed.GetOrAdd((display, text), key => Template.Parse(key.Text, key.Display, lexerOptions: new LexerOptions { Lang = ScriptLang.Default }));
            if (template.HasErrors)
            {
                errors.AddRange(template.Messages.Select(m => m.ToString()));
                continue;
            }

            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(display + "\n" + text)))[..32];
            templates[name] = new ThemeTemplate(name, display, template, hash);
        }

        if (errors.Count > 0)
        {
            throw new ThemeException("template syntax errors:\n  " + string.Join("\n  ", errors));
        }

        return new Theme(themeDir, overrideDir, templates, sources, assets);
    }
}

/// <summary>A theme that cannot be used: missing, or templates with syntax errors.</summary>
public sealed class ThemeException : Exception
{
    public ThemeException(string message)
        : base(message)
    {
    }

    public ThemeException()
    {
    }

    public ThemeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
