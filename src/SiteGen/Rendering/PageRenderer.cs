using System.Text;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Rendering;

/// <summary>
/// Renders pages with the theme's shared, already-parsed templates and a <see cref="PageTemplateContext"/>
/// per page (each thread reuses its own; contexts are never shared between threads), synchronously.
/// A page template renders first; its output becomes <c>content</c> for its layout.
/// </summary>
public sealed class PageRenderer
{
    private readonly Theme _theme;
    private readonly IReadOnlyDictionary<string, I18n> _i18n;
    private readonly SiteUrls _urls;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ScriptObject> _functions = new(StringComparer.Ordinal);

    public PageRenderer(Theme theme, IReadOnlyDictionary<string, I18n> i18n, SiteUrls urls)
    {
        _theme = theme;
        _i18n = i18n;
        _urls = urls;
    }

    /// <summary>
    /// Renders one page. Throws <see cref="RenderException"/> naming the template file, line and column
    /// and the page being rendered.
    /// </summary>
    public string Render(PageJob job) => Render(job, job.Variables(), null);

    /// <summary>
    /// Renders one page with variables already made, recording in <paramref name="trace"/> every
    /// template and UI string the page read (what an incremental rebuild checks before reusing it).
    /// </summary>
    public string Render(PageJob job, IReadOnlyDictionary<string, object?> variables, RenderTrace? trace)
    {
        var into = new StringBuilder();
        Render(job, variables, trace, into);
        return into.ToString();
    }

    /// <summary>
    /// Renders one page into <paramref name="into"/> (appended): the page template into a builder kept
    /// per thread (<see cref="PageTemplateContext.ThreadBuilder"/>), then its layout into
    /// <paramref name="into"/>, which prints the page's text from that builder as its <c>content</c>
    /// (no string is made of the page); the caller encodes <paramref name="into"/> once.
    /// </summary>
    public void Render(PageJob job, IReadOnlyDictionary<string, object?> variables, RenderTrace? trace, StringBuilder into)
    {
        var context = PageTemplateContext.Take(_theme, trace);
        var globals = new ScriptObject();
        foreach (var (name, value) in variables)
        {
            globals[name] = value;
        }

        context.PushGlobal(_functions.GetOrAdd(job.Lang, lang => TemplateFunctions.For(lang, _i18n, _urls)));
        context.PushGlobal(globals);
        var rendered = false;
        try
        {
            var page = (context.Find(job.Template) ?? _theme.Get(job.Template)).Template;
            if (job.Layout is null)
            {
                context.RenderInto(page, into);
            }
            else
            {
                // The page's text stays in the builder while its layout prints it (see RawHtml.Pending).
                var content = PageTemplateContext.ThreadBuilder(0);
                context.RenderInto(page, content);
                globals["content"] = new RawHtml(content);
                context.RenderInto((context.Find(job.Layout) ?? _theme.Get(job.Layout)).Template, into);
            }

            context.PopGlobal();
            context.PopGlobal();
            rendered = true;
        }
        catch (ScriptRuntimeException e)
        {
            throw new RenderException($"{e.Message} (while rendering /{job.OutputPath})", job.OutputPath, e);
        }
        catch (ThemeException e)
        {
            throw new RenderException($"{e.Message} (while rendering /{job.OutputPath})", job.OutputPath, e);
        }
        finally
        {
            context.Release(rendered);
        }
    }
}

/// <summary>
/// What one page read while it rendered: templates by name (with the version found, or none) and UI
/// strings by language and key. Not thread-safe: one trace per page.
/// </summary>
public sealed class RenderTrace
{
    private readonly Dictionary<string, string?> _templates = new(StringComparer.Ordinal);
    private readonly HashSet<(string Lang, string Key)> _texts = [];

    /// <summary>Template name → content hash of the version used (null: looked up, not found).</summary>
    public IReadOnlyDictionary<string, string?> Templates => _templates;

    public IReadOnlyCollection<(string Lang, string Key)> Texts => _texts;

    internal void Template(string name, ThemeTemplate? found) => _templates[name] = found?.Hash;

    /// <summary>True when the page read the body of an article view (or enumerated an article view's members).</summary>
    public bool ReadBodies { get; private set; }

    internal void Text(string lang, string key) => _texts.Add((lang, key));

    internal void Body() => ReadBodies = true;
}

/// <summary>A page that could not be rendered: the message names the template file, line, column and page.</summary>
public sealed class RenderException : Exception
{
    public RenderException(string message, string page, Exception inner)
        : base(message, inner)
    {
        Page = page;
    }

    public RenderException()
    {
        Page = "";
    }

    public RenderException(string message)
        : base(message)
    {
        Page = "";
    }

    public RenderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Page = "";
    }

    public string Page { get; }
}
