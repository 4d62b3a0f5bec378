using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SiteGen.Rendering;

/// <summary>
/// The functions every page template can call — <c>t</c>, <c>tl</c>, <c>include</c> and <c>url</c> —
/// made once per UI language and shared, read-only, by all pages and threads. Each takes what differs
/// per page (the trace of what it read, the partials) from the <see cref="PageTemplateContext"/> that
/// calls it, so nothing is wrapped by reflection per page (that cost more than Markdig on the body).
/// </summary>
internal static class TemplateFunctions
{
    public static ScriptObject For(string lang, IReadOnlyDictionary<string, I18n> i18n, SiteUrls urls)
    {
        var strings = i18n[lang];
        var functions = new ScriptObject
        {
            ["t"] = new Function(1, (context, args) =>
            {
                var key = Text(context, args[0]);
                Page(context).Trace?.Text(lang, key);
                return strings.Get(key);
            }),
            ["tl"] = new Function(2, (context, args) =>
            {
                var (other, key) = (Text(context, args[0]), Text(context, args[1]));
                Page(context).Trace?.Text(other, key);
                return i18n.TryGetValue(other, out var texts) ? texts.Get(key) : key;
            }),
            ["include"] = new Function(1, (context, args, caller) => Page(context).Include(Text(context, args[0]), caller)),
            ["url"] = new Function(1, (context, args) => urls.Path(Text(context, args[0]).TrimStart('/'))),
        };
        foreach (var name in functions.Keys.ToArray())
        {
            functions.SetReadOnly(name, true); // a template assigning `t = …` must not change every other page
        }

        return functions;
    }

    private static string Text(TemplateContext context, object? value) => context.ObjectToString(value) ?? "";

    private static PageTemplateContext Page(TemplateContext context) =>
        context as PageTemplateContext ?? throw new InvalidOperationException("page functions run only in a page context");

    /// <summary>A function of a fixed number of arguments, called without reflection.</summary>
    private sealed class Function(int arity, Func<TemplateContext, ScriptArray, ScriptNode?, object?> body) : IScriptCustomFunction
    {
        // Asked for on every call (Scriban converts each argument to the parameter's type).
        private readonly ScriptParameterInfo[] _parameters = [.. Enumerable.Range(0, arity).Select(i => new ScriptParameterInfo(typeof(object), "arg" + i))];

        public Function(int arity, Func<TemplateContext, ScriptArray, object?> body)
            : this(arity, (context, args, _) => body(context, args))
        {
        }

        public int RequiredParameterCount => arity;

        public int ParameterCount => arity;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) => index < arity ? _parameters[index] : new(typeof(object), "arg" + index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (arguments.Count != arity)
            {
                throw new ScriptRuntimeException(callerContext?.Span ?? context.CurrentSpan, $"this function takes {arity} argument{(arity == 1 ? "" : "s")}, not {arguments.Count}");
            }

            return body(context, arguments, callerContext);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }
}
