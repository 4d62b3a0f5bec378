using SiteGen.Rendering;

namespace SiteGen.Publishing.Incremental;

/// <summary>
/// The pages of a build as records (<see cref="Outputs"/>, which the derived outputs are added to), with
/// what the phases after it compare and fingerprint with.
/// </summary>
internal sealed record Rendered(Dictionary<string, OutputRecord> Outputs, PageRendering Pages, PageMemory Memory, bool Carried);

/// <summary>
/// Render: every page job to its file, in parallel, reading its links for the check as it goes.
/// Cache: the record of every output of the last builds (<see cref="OutputRecord"/>: fingerprint,
/// templates and UI strings read, inputs), the last good build's pages in plan order, and the templates
/// and strings its records were checked under. Redoes work for a page whose variables changed (a key, then
/// a comparison, then a fingerprint says so), or a template or UI string it read that is now different.
/// </summary>
internal sealed class RenderPhase
{
    private readonly LastingDigests _lastingFull = new();
    private readonly LastingDigests _lastingLight = new();
    private Dictionary<string, OutputRecord> _records = new(StringComparer.Ordinal);

    // The templates (name, hash) and UI strings under which every record of _records was made or last found
    // valid, or null when they may differ (the records of a failed build are mixed with older ones).
    private (KeyValuePair<string, string>[] Templates, Dictionary<string, I18n> Strings)? _checkedUnder;

    // The pages of the last good build in plan order, with their records (the page records of _records) and
    // the build's salt; null after a failed build or Forget.
    private (PageJob[] Jobs, OutputRecord?[] Records, string[] Salt)? _lastPages;

    /// <summary>The records of every output the last builds made (pages, feeds, search files …), by path.</summary>
    public IReadOnlyDictionary<string, OutputRecord> Records => _records;

    /// <summary>
    /// Renders the pages; null (with the errors) when a template failed or the build was cancelled.
    /// <paramref name="derivedOfLast"/>: the last good build's outputs that are not pages and are made again
    /// by this one (null when not known), taken out when the pages' table is carried over from that build.
    /// </summary>
    public Rendered? Run(BuildRun run, Loaded loaded, Linked linked, Viewed viewed, Planned planned, LinkCache links, IEnumerable<string>? derivedOfLast)
    {
        var memory = new PageMemory(_records, _checkedUnder, _lastPages);
        var pages = new PageRendering(run, loaded, linked, viewed, planned, memory, _lastingFull, _lastingLight, links);
        System.Collections.Concurrent.ConcurrentBag<string> renderErrors;
        try
        {
            renderErrors = pages.Run();
        }
        catch (OperationCanceledException)
        {
            run.Errors.Add("interrupted: the previous output was left as it was");
            return null;
        }

        var carried = renderErrors.IsEmpty && pages.SamePlan && memory.LastPages is not null && derivedOfLast is not null;
        var records = carried ? CarriedRecords(memory, planned.Jobs, pages.Slots, derivedOfLast!) : NewRecords(planned.Jobs.Length, pages.Slots);
        if (!renderErrors.IsEmpty)
        {
            Failed(memory, records);
            run.Errors.AddRange(renderErrors.Order(StringComparer.Ordinal));
            run.Errors.Add("the build stopped at the first template error; the previous output was left as it was");
            return null;
        }

        foreach (var (lang, strings) in loaded.Strings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var key in strings.MissingKeys)
            {
                run.WarningsOrStrictErrors.Add($"i18n: missing key '{key}' in i18n/{lang}.yml");
            }
        }

        return new Rendered(records, pages, memory, carried);
    }

    /// <summary>After a failed build: what it made is kept over the last records (a record is a pure function of what it read); nothing else is known to hold.</summary>
    public void Failed(Rendered rendered) => Failed(rendered.Memory, rendered.Outputs);

    /// <summary>After a good build: its records are the last ones, made under its templates and strings.</summary>
    public void Succeeded(BuildRun run, Loaded loaded, Planned planned, Rendered rendered)
    {
        _records = rendered.Outputs; // made by this build, not changed after this
        _lastPages = run.Remember ? (planned.Jobs, rendered.Pages.Slots, rendered.Pages.Salt) : null; // every slot holds a record after a good build
        _checkedUnder = (rendered.Pages.TemplatesNow, loaded.Strings);
    }

    /// <summary>Puts the search files of <paramref name="search"/> in place of the recorded ones.</summary>
    public void ReplaceSearch(Dictionary<string, OutputRecord> search)
    {
        var kept = _records.Where(kv => !SearchOutputs.IsSearchFile(kv.Key)).Concat(search);
        _records = kept.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>Forgets the records whose path matches, so the next build makes them again.</summary>
    public void Forget(Func<string, bool> which)
    {
        _records = _records.Where(kv => !which(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        _lastPages = null; // they may hold what was forgotten
    }

    private void Failed(PageMemory memory, Dictionary<string, OutputRecord> made)
    {
        var merged = new Dictionary<string, OutputRecord>(memory.Previous, StringComparer.Ordinal);
        foreach (var (path, record) in made)
        {
            merged[path] = record;
        }

        (_records, _checkedUnder, _lastPages) = (merged, null, null);
    }

    /// <summary>
    /// When every page is where it was in the last good build's plan, the pages' records are that build's
    /// records (a copy of its table, which copies no key) with the ones made anew put in, and its derived
    /// outputs taken out to be added again: a table made from 29,000 records read every path again, each a
    /// cache miss (12 ms at 10,000 articles).
    /// </summary>
    private static Dictionary<string, OutputRecord> CarriedRecords(PageMemory memory, PageJob[] jobs, OutputRecord?[] slots, IEnumerable<string> derivedOfLast)
    {
        var records = new Dictionary<string, OutputRecord>(memory.Previous, StringComparer.Ordinal);
        var last = memory.LastPages!.Value.Records;
        for (var i = 0; i < slots.Length; i++)
        {
            if (!ReferenceEquals(slots[i], last[i]))
            {
                records[jobs[i].OutputPath] = slots[i]!;
            }
        }

        foreach (var path in derivedOfLast)
        {
            records.Remove(path);
        }

        return records;
    }

    private static Dictionary<string, OutputRecord> NewRecords(int count, OutputRecord?[] slots)
    {
        var records = new Dictionary<string, OutputRecord>(count, StringComparer.Ordinal);
        foreach (var record in slots)
        {
            if (record is not null)
            {
                records[record.File.Path] = record;
            }
        }

        return records;
    }
}
