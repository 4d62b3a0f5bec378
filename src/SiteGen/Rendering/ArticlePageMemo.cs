using System.Runtime.CompilerServices;

namespace SiteGen.Rendering;

/// <summary>
/// Article pages of earlier builds, kept with their views: an article page is made from its view and the
/// variables every page has (<see cref="PageVariables"/>) only, so when a rebuild has the very same view
/// (<see cref="ArticleViewMemo"/>) and the same <see cref="PageVariables"/> object, the page planned last time
/// is this build's too. After a one-article edit at 10,000 articles this leaves 20,000 pages (each a job,
/// two paths and two closures) unmade. Entries live as long as their views. Thread-safe.
/// </summary>
public sealed class ArticlePageMemo
{
    private readonly ConditionalWeakTable<ArticleView, Made> _pages = new();

    private sealed record Made(PageJob Page, PageVariables Variables);

    /// <summary>The page of <paramref name="view"/> (in UI language <paramref name="lang"/>, the view's own) with <paramref name="variables"/>: the one made before with both, else a new one.</summary>
    public PageJob Get(ArticleView view, string lang, PageVariables variables)
    {
        if (_pages.TryGetValue(view, out var made) && ReferenceEquals(made.Variables, variables))
        {
            return made.Page;
        }

        var page = Make(view, lang, variables);
        _pages.AddOrUpdate(view, new Made(page, variables));
        return page;
    }

    /// <summary>An article's page in its view's language: everything on it comes from the view, which is its key (<see cref="PageJob.Key"/>).</summary>
    public static PageJob Make(ArticleView view, string lang, PageVariables variables)
    {
        var suffix = $"articles/{view.Id}/";
        return new PageJob($"{lang}/{suffix}index.html", "article", "base", lang, suffix, true, () =>
        {
            var vars = variables.Make(lang, "article", suffix, view.AltTitle ?? view.Title, description: view.Summary, ogType: "article", ogImage: view.Image?.Src, oneLanguageSwitchUrl: view.SwitchUrl);
            vars["article"] = view;
            return vars;
        }, view, OneLanguage: true);
    }
}
