using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Rendering;

/// <summary>
/// The Scriban context of one page at a time (never shared between threads). It escapes every value a
/// template prints unless the value is <see cref="RawHtml"/> — so a theme cannot forget to escape — and
/// serves <c>include</c> from the theme's already-parsed templates. Each thread keeps one idle context
/// for its next page (<see cref="Take"/>, <see cref="Release"/>): making one allocated about 18 KB
/// (Scriban pools argument arrays of every length per context) and a member-accessor table per page.
/// </summary>
internal sealed class PageTemplateContext : TemplateContext
{
    private const int MaxIncludeDepth = 32;
    private Theme _theme;
    private RenderTrace? _trace;
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

    // The context this thread's last page left clean, for its next page.
    [ThreadStatic]
    private static PageTemplateContext? t_idle;

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

    private PageTemplateContext(Theme theme)
        : base(Builtins)
    {
        _theme = theme;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false; // {{ site.nosuch }} is an error too, not an empty string
        LoopLimit = int.MaxValue;          // sitemaps, tag indexes and archives loop over every article
        LimitToString = 64 * 1024 * 1024;  // whole pages pass through as strings
        RecursiveLimit = 200;
        NewLine = "\n";
    }

    /// <summary>Makes the shared built-in functions now (by reflection, some 50 ms), so the first page does not wait for them.</summary>
    public static void Prepare() => _ = Builtins.Count;

    /// <summary>
    /// A context for one page: the one this thread's previous page gave back clean, else a new one. Give
    /// it back with <see cref="Release"/> once the page is rendered.
    /// </summary>
    public static PageTemplateContext Take(Theme theme, RenderTrace? trace)
    {
        var context = t_idle ?? new PageTemplateContext(theme);
        t_idle = null; // a page rendered inside this one (none today) would make its own
        context._theme = theme;
        context._trace = trace;
        context._depth = 0;
        return context;
    }

    /// <summary>
    /// Ends the page (the caller has popped the globals it pushed). The context is kept for this thread's
    /// next page only when the page rendered to the end and Scriban's stacks are back where a new context
    /// starts; after an error it is dropped, as Scriban does not promise to unwind its state then.
    /// </summary>
    public void Release(bool rendered)
    {
        _trace = null;
        if (!rendered || _depth != 0 || GlobalCount != 1 || OutputCount != 1 || SourceFileCount != 0 || CultureCount != 0 || !string.IsNullOrEmpty(CurrentIndent))
        {
            return;
        }

        CurrentIndent = null;
        Reset();                  // clears the (unused) bottom output and Scriban's output-limit count
        CachedTemplates.Clear();  // a template cached by Scriban's own include functions would skip the next page's trace
        Tags.Clear();
        t_idle = this;
    }

    /// <summary>What the page read, for incremental rebuilds (null when nobody asks).</summary>
    public RenderTrace? Trace => _trace;

    /// <summary>Article views answer through an accessor that notes when a template reads <c>body</c> (see <see cref="RenderTrace.ReadBodies"/>).</summary>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        // The accessor of one of our view types lists its properties by reflection (custom attributes
        // included); made once per type for the process instead of once per page. Safe to share: it
        // is read-only once made, every page context uses the default member filter and renamer, and
        // the article views' watch asks the context that calls it for the page's trace.
        if (target.GetType() is not { Namespace: "SiteGen.Rendering" } type)
        {
            return base.GetMemberAccessorImpl(target);
        }

        if (!ViewAccessors.TryGetValue(type, out var accessor))
        {
            var made = base.GetMemberAccessorImpl(target);
            accessor = ViewAccessors.GetOrAdd(type, type == typeof(ArticleView) && made is not null ? new BodyWatch(made) : made);
        }

        return accessor;
    }

    /// <summary>
    /// Text and nothing passed where any value will do (the arguments of <c>t</c>, <c>url</c> and the
    /// other page functions) are given as they are: what Scriban's conversion ends with for them too,
    /// after type tests that cost more than the rest of the call.
    /// </summary>
    public override object? ToObject(SourceSpan span, object? value, Type destinationType) =>
        destinationType == typeof(object) && value is null or string ? value : base.ToObject(span, value!, destinationType);

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is RawHtml { Pending: { } pending } && PlainOutput() is { } output && pending.Length <= LimitToString)
        {
            // What base.Write does with the text of a short enough value when nothing is indented or
            // limited, without making the page's text a string first.
            output.Append(pending);
            return this;
        }

        return textAsObject is null or RawHtml
            ? base.Write(span, textAsObject!)
            : base.Write(span, RawHtml.Escape(ObjectToString(textAsObject, false)));
    }

    /// <summary>
    /// The builder Scriban's next write goes to when it would append the text as it is: no indent to put
    /// before lines (Scriban sets an empty one for a statement at the start of a line) and no output limit.
    /// </summary>
    private StringBuilder? PlainOutput() =>
        EnableOutput && string.IsNullOrEmpty(CurrentIndent) && OutputLimit is null && Output is StringBuilderOutput output ? output.Builder : null;

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

    /// <summary>
    /// Renders a partial for <c>include</c>. Called as a statement of its own (what it gives is printed
    /// where it stands), it renders straight into the output and gives nothing to print: the same text
    /// in the same place, without a string of it. Otherwise it gives the partial's text, which the
    /// caller prints as it is (the partial escaped its own values).
    /// </summary>
    public RawHtml? Include(string name, ScriptNode? caller)
    {
        var template = Find(name)?.Template ?? throw new ScriptRuntimeException(CurrentSpan, $"no template '{name}{Theme.Extension}' in the theme");
        if (++_depth > MaxIncludeDepth)
        {
            throw new ScriptRuntimeException(CurrentSpan, $"templates include each other more than {MaxIncludeDepth} deep (at '{name}')");
        }

        try
        {
            if (caller?.Parent is ScriptExpressionStatement && PlainOutput() is { } output)
            {
                var start = output.Length;
                RenderInto(template, output);
                if (output.Length - start <= LimitToString)
                {
                    return null;
                }

                // Longer than Scriban prints a value: printed the way it was before, cut where Scriban cuts.
                var text = output.ToString(start, output.Length - start);
                output.Length = start;
                return new RawHtml(text);
            }

            var into = ThreadBuilder(_depth);
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

    /// <summary>An article view's accessor that notes, in the trace of the page asking, when a template reads <c>body</c>.</summary>
    private sealed class BodyWatch(IObjectAccessor inner) : IObjectAccessor
    {
        public bool HasIndexer => inner.HasIndexer;

        public Type? IndexType => inner.IndexType;

        public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => inner.GetMemberCount(context, span, target);

        public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target)
        {
            (context as PageTemplateContext)?.Trace?.Body();
            return inner.GetMembers(context, span, target);
        }

        public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => inner.HasMember(context, span, target, member);

        public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            if (member == "body")
            {
                (context as PageTemplateContext)?.Trace?.Body();
            }

            return inner.TryGetValue(context, span, target, member, out value);
        }

        public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => inner.TrySetValue(context, span, target, member, value);

        public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) => inner.TryGetItem(context, span, target, index, out value);

        public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => inner.TrySetItem(context, span, target, index, value);
    }
}
