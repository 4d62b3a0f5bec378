using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Rendering;

/// <summary>
/// The per-page Scriban context (never shared between threads). It escapes every value a template
/// prints unless the value is <see cref="RawHtml"/> — so a theme cannot forget to escape — and serves
/// <c>include</c> from the theme's already-parsed templates.
/// </summary>
internal sealed class PageTemplateContext : TemplateContext
{
    private const int MaxIncludeDepth = 32;
    private readonly Theme _theme;
    private readonly RenderTrace? _trace;
    private int _depth;

    /// <summary>Member accessors of our view types, made once per type (see <see cref="GetMemberAccessorImpl"/>).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IObjectAccessor?> ViewAccessors = new();

    /// <summary>
    /// Scriban's built-in functions, made once: a plain <c>new TemplateContext()</c> builds them again by
    /// reflection for every page. They are stateless functions, read by many contexts at once.
    /// </summary>
    private static readonly ScriptObject Builtins = ReadOnly(GetDefaultBuiltinObject());

    // Builders kept per thread, by nesting level: see ThreadBuilder.
    [ThreadStatic]
    private static List<StringBuilder>? t_builders;

    /// <summary>Shared by every page and thread, so no template may change them (<c>string.x = 1</c> fails).</summary>
    private static ScriptObject ReadOnly(ScriptObject builtins)
    {
        foreach (var value in builtins.Values)
        {
            if (value is ScriptObject module)
            {
                module.IsReadOnly = true;
            }
        }

        builtins.IsReadOnly = true;
        return builtins;
    }

    public PageTemplateContext(Theme theme, RenderTrace? trace = null)
        : base(Builtins)
    {
        _theme = theme;
        _trace = trace;
        StrictVariables = true;
        LoopLimit = int.MaxValue;          // sitemaps, tag indexes and archives loop over every article
        LimitToString = 64 * 1024 * 1024;  // whole pages pass through as strings
        RecursiveLimit = 200;
        NewLine = "\n";
    }

    /// <summary>What the page read, for incremental rebuilds (null when nobody asks).</summary>
    public RenderTrace? Trace => _trace;

    /// <summary>Article views answer through an accessor that notes when a template reads <c>body</c> (see <see cref="RenderTrace.ReadBodies"/>).</summary>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        // The accessor of one of our view types lists its properties by reflection (custom attributes
        // included); made once per type for the process instead of once per page. Safe to share: it
        // is read-only once made, and every page context uses the default member filter and renamer.
        var accessor = target.GetType() is { Namespace: "SiteGen.Rendering" } type
            ? ViewAccessors.GetOrAdd(type, _ => base.GetMemberAccessorImpl(target))
            : base.GetMemberAccessorImpl(target);
        return _trace is not null && target is ArticleView && accessor is not null ? new BodyWatch(accessor, _trace) : accessor;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        textAsObject is null or RawHtml
            ? base.Write(span, textAsObject!)
            : base.Write(span, RawHtml.Escape(ObjectToString(textAsObject, false)));

    /// <summary>
    /// Renders a template into <paramref name="into"/>: what <see cref="Template.Render(TemplateContext)"/>
    /// does, without making the output a string and clearing it (a page is written into a reused builder).
    /// </summary>
    public void RenderInto(Template template, StringBuilder into)
    {
        if (template.HasErrors)
        {
            throw new InvalidOperationException("the template has errors: " + string.Join("; ", template.Messages));
        }

        PushOutput(new StringBuilderOutput(into));
        if (template.SourceFilePath is { } file)
        {
            PushSourceFile(file);
        }

        try
        {
            var result = Evaluate(template.Page!);
            if (template.Page is not null && EnableOutput && result is not null)
            {
                Write(template.Page.Span, result);
            }
        }
        finally
        {
            if (template.SourceFilePath is not null)
            {
                PopSourceFile();
            }

            PopOutput();
        }
    }

    protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext) =>
        Find(templatePath)?.Template ?? throw new ScriptRuntimeException(callerContext?.Span ?? CurrentSpan, $"no template '{templatePath}{Theme.Extension}' in the theme");

    /// <summary>Looks a template up, recording the lookup (found or not) for incremental rebuilds.</summary>
    public ThemeTemplate? Find(string name)
    {
        var found = _theme.Find(name);
        _trace?.Template(name, found);
        return found;
    }

    /// <summary>Renders a partial into a string the caller prints as it is (the partial escaped its own values).</summary>
    public RawHtml Include(string name)
    {
        var template = Find(name)?.Template ?? throw new ScriptRuntimeException(CurrentSpan, $"no template '{name}{Theme.Extension}' in the theme");
        if (++_depth > MaxIncludeDepth)
        {
            throw new ScriptRuntimeException(CurrentSpan, $"templates include each other more than {MaxIncludeDepth} deep (at '{name}')");
        }

        var into = ThreadBuilder(_depth);
        try
        {
            RenderInto(template, into);
            return new RawHtml(into.ToString());
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>
    /// A cleared builder kept for this thread at a nesting level (0: a page's own template before its
    /// layout; 1 and up: partials, by include depth). Once warm, rendering makes no page-sized buffers: a
    /// fresh builder per page and per partial grew block by block.
    /// </summary>
    internal static StringBuilder ThreadBuilder(int level)
    {
        var builders = t_builders ??= [];
        while (builders.Count <= level)
        {
            builders.Add(new StringBuilder(4096));
        }

        var builder = builders[level];
        builder.Clear();
        return builder;
    }

    private sealed class BodyWatch(IObjectAccessor inner, RenderTrace trace) : IObjectAccessor
    {
        public bool HasIndexer => inner.HasIndexer;

        public Type? IndexType => inner.IndexType;

        public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => inner.GetMemberCount(context, span, target);

        public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target)
        {
            trace.Body();
            return inner.GetMembers(context, span, target);
        }

        public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => inner.HasMember(context, span, target, member);

        public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            if (member == "body")
            {
                trace.Body();
            }

            return inner.TryGetValue(context, span, target, member, out value);
        }

        public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => inner.TrySetValue(context, span, target, member, value);

        public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) => inner.TryGetItem(context, span, target, index, out value);

        public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => inner.TrySetItem(context, span, target, index, value);
    }
}
