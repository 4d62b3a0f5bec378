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

    private Theme(string dir, Dictionary<string, ThemeTemplate> templates, IReadOnlyList<(string Relative, string Path)> assets)
    {
        Dir = dir;
        _templates = templates;
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
    public static Theme Load(string themeDir, string? overrideDir)
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

        var templates = new Dictionary<string, ThemeTemplate>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (name, (path, display)) in files)
        {
            var text = File.ReadAllText(path);
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

        var assetsDir = Path.Combine(themeDir, "assets");
        var assets = Directory.Exists(assetsDir)
            ? Content.ContentFiles.Enumerate(assetsDir, "*", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(assetsDir, f).Replace('\\', '/'), f))
                .OrderBy(a => a.Item1, StringComparer.Ordinal)
                .ToArray()
            : [];
        return new Theme(themeDir, templates, assets);
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
