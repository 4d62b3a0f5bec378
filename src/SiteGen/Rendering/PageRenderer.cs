using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Rendering;

/// <summary>
/// Renders pages with the theme's shared, already-parsed templates and a fresh
/// <see cref="PageTemplateContext"/> per page (contexts are never shared between threads), synchronously.
/// A page template renders first; its output becomes <c>content</c> for its layout.
/// </summary>
public sealed class PageRenderer
{
    private readonly Theme _theme;
    private readonly IReadOnlyDictionary<string, I18n> _i18n;
    private readonly SiteUrls _urls;

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
    public string Render(PageJob job)
    {
        var context = new PageTemplateContext(_theme);
        var globals = new ScriptObject();
        foreach (var (name, value) in job.Variables())
        {
            globals[name] = value;
        }

        var i18n = _i18n[job.Lang];
        globals.Import("t", new Func<string, string>(i18n.Get));
        globals.Import("tl", new Func<string, string, string>((lang, key) => _i18n.TryGetValue(lang, out var other) ? other.Get(key) : key));
        globals.Import("include", new Func<string, RawHtml>(context.Include));
        globals.Import("url", new Func<string, string>(path => _urls.Path(path.TrimStart('/'))));
        context.PushGlobal(globals);
        try
        {
            var page = _theme.Get(job.Template).Template.Render(context);
            if (job.Layout is null)
            {
                return page;
            }

            globals["content"] = new RawHtml(page);
            return _theme.Get(job.Layout).Template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new RenderException($"{e.Message} (while rendering /{job.OutputPath})", job.OutputPath, e);
        }
        catch (ThemeException e)
        {
            throw new RenderException($"{e.Message} (while rendering /{job.OutputPath})", job.OutputPath, e);
        }
    }
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
