using Scriban;
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
    private readonly Dictionary<string, ScriptObject> _functions = new(StringComparer.Ordinal);

    public PageRenderer(Theme theme, IReadOnlyDictionary<string, I18n> i18n, SiteUrls urls)
    {
        _theme = theme;

        // The functions templates call, made once per UI language and shared read-only by every page:
        // wrapping delegates is reflection work that showed in profiles when it was done per page.
        // Page variables go into a ScriptObject pushed above these, so assignments never reach them.
        foreach (var (lang, strings) in i18n)
        {
            var functions = new ScriptObject();
            functions.Import("t", new Func<string, string>(strings.Get));
            functions.Import("tl", new Func<string, string, string>((other, key) => i18n.TryGetValue(other, out var o) ? o.Get(key) : key));
            functions.Import("include", new Func<TemplateContext, string, RawHtml>(static (context, name) => ((PageTemplateContext)context).Include(name)));
            functions.Import("url", new Func<string, string>(path => urls.Path(path.TrimStart('/'))));
            _functions[lang] = functions;
        }
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

        context.PushGlobal(_functions[job.Lang]);
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
