using SiteGen.Content;
using SiteGen.Link;

using SiteGen.Rendering;

namespace SiteGen.Publishing.Incremental;

/// <summary>The linked site: its articles as stored, the model, and the file each article came from.</summary>
/// <param name="UiLanguages">The site's UI languages, its default first (where an article in neither UI's language has its page).</param>
internal sealed record Linked(StoredArticle[] Stored, SiteModel Model, Dictionary<string, string> FileOf, string[] UiLanguages)
{
    /// <summary>What the search files are made from: made only when the search step runs (a rebuild defers it, and mostly keeps its files).</summary>
    public string[] SearchInputs() =>
        [.. Stored.Select(a => a.RelativePath), .. Model.Events.Select(e => $"events/{e.Id}.yml"), .. Model.Outlets.Select(o => $"outlets/{o.Id}.yml")];
}

/// <summary>
/// Link: the articles, outlets and events of <see cref="Loaded"/> joined into the site model (lists by
/// outlet, event, tag and date; the link warnings).
/// Cache: the last model's parts (<see cref="SiteModelMemory"/>). Redoes work for the articles, outlets
/// or events that are other objects than last time (a file parsed again).
/// </summary>
internal sealed class LinkPhase
{
    private readonly SiteModelMemory _linked = new();

    public Linked Run(BuildRun run, Loaded loaded)
    {
        var stored = loaded.Store.Articles.ToArray();
        var model = _linked.Build(stored.Select(s => s.Article), loaded.Site.Outlets, loaded.Events.Events);
        run.Warnings.AddRange(model.Warnings);
        var fileOf = stored.ToDictionary(s => s.Article.Id, s => s.RelativePath, StringComparer.Ordinal);
        string[] languages = [loaded.Settings.DefaultLanguage, .. SitePages.Languages.Where(l => l != loaded.Settings.DefaultLanguage)];
        return new Linked(stored, model, fileOf, languages);
    }
}
