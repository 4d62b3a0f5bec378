using System.Collections.Concurrent;
using System.Text;
using SiteGen.Rendering;

namespace SiteGen.Publishing.Incremental;

/// <summary>The records <see cref="RenderPhase"/> keeps from the last builds, as one build starts from them.</summary>
internal sealed record PageMemory(
    Dictionary<string, OutputRecord> Previous,
    (KeyValuePair<string, string>[] Templates, Dictionary<string, I18n> Strings)? CheckedUnder,
    (PageJob[] Jobs, OutputRecord?[] Records, string[] Salt)? LastPages);

/// <summary>
/// The rendering of one build's pages: for each job, its record from the last build when what it was made
/// from is the same, else a new one (rendered only when its fingerprint changed). Made by
/// <see cref="RenderPhase"/> for one build.
/// </summary>
internal sealed class PageRendering
{
    private const string Version = "sitegen-incremental-2"; // 2: shared views by digest, other values inline
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    // The page being rendered on this thread: reused, so rendering makes no page-sized buffers once it
    // has room for the largest page (a cleared builder keeps its capacity in one block).
    [ThreadStatic]
    private static StringBuilder? t_page;

    private readonly BuildRun _run;
    private readonly Theme _theme;
    private readonly Dictionary<string, I18n> _i18n;
    private readonly SiteUrls _urls;
    private readonly Dictionary<string, string> _fileOf;
    private readonly PageJob[] _jobs;
    private readonly bool _sameSite;
    private readonly LinkCache _links;
    private readonly PageRenderer _renderer;
    private readonly Dictionary<string, OutputRecord> _previous;
    private readonly (PageJob[] Jobs, OutputRecord?[] Records, string[] Salt)? _lastPages;
    private readonly bool _sameSaltAsLast;
    private readonly bool _allValid;

    // Shared views of this build found equal to last build's, by object: each is compared once, not
    // once per page that shows it. Article views need no comparison: Reuse (PlanPhase) already made an
    // equal one the very object of last build, so any other is different (or from another file).
    private readonly ConcurrentDictionary<object, object> _sameAs = new(Environment.ProcessorCount * 16, 1024, ReferenceEqualityComparer.Instance);
    private readonly Func<object, object, bool> _sameShared; // one delegate for every page
    private bool _samePlan;

    public PageRendering(BuildRun run, Loaded loaded, Linked linked, Viewed viewed, Planned planned, PageMemory memory, LastingDigests full, LastingDigests light, LinkCache links)
    {
        (_run, _theme, _i18n, _urls, _fileOf, _jobs, _sameSite, _links) = (run, loaded.Theme, loaded.Strings, loaded.Urls, linked.FileOf, planned.Jobs, viewed.SameSite, links);
        _renderer = new PageRenderer(_theme, _i18n, _urls);
        _sameShared = SameShared;

        // Pages that did not read any article body (lists) are fingerprinted without bodies, so a body edit leaves them alone.
        var remember = run.Remember;
        Fingerprints = new Fingerprinter(InputsOf, capacity: remember ? _jobs.Length : 0, lasting: remember ? full : null);
        Light = new Fingerprinter(InputsOf, withoutBodies: true, capacity: remember ? _jobs.Length : 0, lasting: remember ? light : null);
        Salt = [Version, _urls.BaseUrl, run.Options.Minify ? "minify" : "plain"];
        _previous = memory.Previous;

        // One slot per page, in the order of the jobs: a shared table, even sized up front, had the
        // rendering threads queueing on its locks (a profile of a rebuild at 10,000 articles).
        Slots = new OutputRecord?[_jobs.Length];

        // Under the templates and UI strings of the last records every record is still valid: then only the
        // strings they found missing are read again (so missing keys are reported as in a clean build),
        // instead of every string of every page (tens of lookups a page).
        TemplatesNow = _theme.Templates.Select(t => new KeyValuePair<string, string>(t.Name, t.Hash)).ToArray();
        var templatesNow = TemplatesNow;
        var i18n = _i18n;
        _allValid = remember && memory.CheckedUnder is { } under && under.Templates.AsSpan().SequenceEqual(templatesNow)
            && under.Strings.Count == i18n.Count && under.Strings.All(kv => i18n.TryGetValue(kv.Key, out var now) && now.SameStrings(kv.Value));

        // The last good build's pages by index: a job at the same index with the same path finds its record
        // there, not in the table (at 10,000 articles, 29,000 lookups that each missed the cache). A job that is
        // the very object of last time (ArticlePageMemo) has the same path, template, layout and language, so
        // under the same salt its record's salt needs no comparing.
        _lastPages = remember ? memory.LastPages : null;
        _sameSaltAsLast = _lastPages is { } lp && lp.Salt.AsSpan().SequenceEqual(Salt);
        _samePlan = _lastPages is { } plan && plan.Jobs.Length == _jobs.Length; // and every page found at its index (below)
    }

    /// <summary>Fingerprints of values with article bodies (shared with the derived outputs).</summary>
    public Fingerprinter Fingerprints { get; }

    /// <summary>Fingerprints of values without article bodies.</summary>
    public Fingerprinter Light { get; }

    /// <summary>The build's salt: version, base URL and minification.</summary>
    public string[] Salt { get; }

    /// <summary>The templates (name, hash) of this build, under which its records are made.</summary>
    public KeyValuePair<string, string>[] TemplatesNow { get; }

    /// <summary>The record of each job, in the order of the jobs, once <see cref="Run"/> returns.</summary>
    public OutputRecord?[] Slots { get; }

    /// <summary>True when every page was found where it was in the last good build's plan (after <see cref="Run"/>).</summary>
    public bool SamePlan => _samePlan;

    /// <summary>
    /// Renders in parallel on all cores (each thread reuses its own template context, PageTemplateContext.Take);
    /// stops at the first template error. The errors, sorted; throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public ConcurrentBag<string> Run()
    {
        var renderErrors = new ConcurrentBag<string>();
        var done = 0;
        var options = _run.Options;
        Parallel.For(0, _jobs.Length, new ParallelOptions { CancellationToken = options.Cancel }, (index, state) =>
        {
            try
            {
                Slots[index] = PageRecord(_jobs[index], index);
            }
            catch (RenderException e)
            {
                renderErrors.Add(e.Message);
                state.Stop();
            }

            options.Progress?.Report(new BuildProgress("rendering", Interlocked.Increment(ref done), _jobs.Length));
        });
        return renderErrors;
    }

    private IEnumerable<string> InputsOf(object view) => view switch
    {
        ArticleView a when _fileOf.TryGetValue(a.Id, out var file) => [file],
        OutletView o => [$"outlets/{o.Id}.yml"],
        EventView e => [$"events/{e.Id}.yml"],
        SiteView => ["site.yml"],
        _ => [],
    };

    /// <summary>One page's record: reused when what it was made from is the same, else made (rendered only when its fingerprint changed).</summary>
    private OutputRecord PageRecord(PageJob job, int index)
    {
        if (!_run.Remember)
        {
            var page = RenderPage(job, job.Variables(), null);
            _run.Made.Add(job.OutputPath);
            return new OutputRecord(page, default, true, [], [], []);
        }

        OutputRecord? old;
        var sameJob = false;
        if (_lastPages is { } last && index < last.Jobs.Length && (ReferenceEquals(last.Jobs[index], job) || last.Jobs[index].OutputPath == job.OutputPath))
        {
            old = last.Records[index];
            sameJob = ReferenceEquals(last.Jobs[index], job);
        }
        else
        {
            _previous.TryGetValue(job.OutputPath, out old);
            _samePlan = false;
        }

        var reusable = old is { Salt: { } oldSalt } && ((sameJob && _sameSaltAsLast) || SameSalt(oldSalt, Salt, job)) && Valid(old) ? old : null;

        // The same key as last time on the same site: the same variables, not even made again.
        if (reusable is not null && _sameSite && PageKey.Same(job.Key, reusable.Key))
        {
            return reusable;
        }

        // Variables equal to last build's give the same fingerprint: comparing them is cheaper than
        // hashing them (most pages, after an edit).
        var variables = job.Variables();
        if (reusable is { Variables: { } before } && Fingerprinter.SameVariables(variables, before, _sameShared))
        {
            return ReferenceEquals(reusable.Key, job.Key) ? reusable : reusable with { Key = job.Key };
        }

        string[] pageSalt = [.. Salt, job.OutputPath, job.Template, job.Layout ?? "", job.Lang];
        var (fingerprint, inputs) = (old is { ReadBodies: false } ? Light : Fingerprints).Of(variables, pageSalt);
        if (old is not null && old.Fingerprint == fingerprint && (ReferenceEquals(reusable, old) || Valid(old)))
        {
            return old with { Salt = pageSalt, Variables = variables, Key = job.Key };
        }

        return Rendered(job, variables, pageSalt, fingerprint, inputs);
    }

    /// <summary>A page rendered anew, with what it read (templates, UI strings, input files).</summary>
    private OutputRecord Rendered(PageJob job, IReadOnlyDictionary<string, object?> variables, string[] pageSalt, Digest fingerprint, IEnumerable<string> inputs)
    {
        var trace = new RenderTrace();
        var file = RenderPage(job, variables, trace);
        if (!trace.ReadBodies)
        {
            fingerprint = Light.Of(variables, pageSalt).Digest;
        }

        var i18n = _i18n;
        var templates = trace.Templates.OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
        var texts = trace.Texts.OrderBy(t => t.Lang, StringComparer.Ordinal).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Lang, t.Key, Value: i18n.TryGetValue(t.Lang, out var s) ? s.Get(t.Key) : t.Key)).ToArray();
        var allInputs = inputs
            .Concat(templates.Select(t => _theme.Find(t.Key)?.DisplayPath ?? $"layouts/{t.Key}{Theme.Extension}"))
            .Concat(texts.Select(t => $"i18n/{t.Lang}.yml"))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _run.Made.Add(job.OutputPath);
        return new OutputRecord(file, fingerprint, trace.ReadBodies, templates, texts, allInputs, pageSalt, variables, job.Key, texts.Any(t => t.Key == t.Value));
    }

    /// <summary>Renders a page to its file and reads its links while the text is at hand.</summary>
    private OutputFile RenderPage(PageJob job, IReadOnlyDictionary<string, object?> variables, RenderTrace? trace)
    {
        var page = t_page ??= new StringBuilder();
        page.Clear();
        _renderer.Render(job, variables, trace, page);
        var text = _run.Options.Minify ? Minifier.Html(page.ToString()).AsMemory() : Contiguous(page);

        // A one-off build writes the page from a pooled buffer and keeps only its digest. A kept page
        // goes to the pinned-object heap: it lives until the site is written, and there the GC never
        // copies it from generation to generation (hundreds of MB at 10,000 articles).
        var stream = _run.Options.Stream;
        var bytes = stream is null
            ? GC.AllocateUninitializedArray<byte>(Utf8NoBom.GetByteCount(text.Span), pinned: true)
            : System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8NoBom.GetMaxByteCount(text.Length));
        try
        {
            var written = bytes.AsSpan(0, Utf8NoBom.GetBytes(text.Span, bytes));
            var digest = Digest.Of(written);
            if (job.OutputPath.EndsWith(".html", StringComparison.Ordinal))
            {
                _links.Scan(job.OutputPath, text.Span, digest, _urls);
            }

            return stream is null ? new OutputFile(job.OutputPath, bytes, digest) : stream.Keep(job.OutputPath, written, digest);
        }
        finally
        {
            if (stream is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }

    private bool SameShared(object now, object before)
    {
        if (now is ArticleView)
        {
            return false;
        }

        if (_sameAs.TryGetValue(now, out var known))
        {
            return ReferenceEquals(known, before);
        }

        if (!Fingerprinter.SameView(now, before, _sameShared))
        {
            return false;
        }

        _sameAs.TryAdd(now, before);
        return true;
    }

    private bool Valid(OutputRecord record) => _allValid ? ReadMissing(record, _i18n) : StillValid(record, _theme, _i18n);

    /// <summary>Whether a record's salt is this page's: the build's salt, then the page's path, template, layout and language.</summary>
    private static bool SameSalt(string[] kept, string[] salt, PageJob job) =>
        kept.Length == salt.Length + 4 && kept.AsSpan(0, salt.Length).SequenceEqual(salt)
        && kept[^4] == job.OutputPath && kept[^3] == job.Template && kept[^2] == (job.Layout ?? "") && kept[^1] == job.Lang;

    /// <summary>True when every template and UI string the output read last time is still the same (re-reading the strings, so missing keys are reported as in a clean build).</summary>
    private static bool StillValid(OutputRecord record, Theme theme, Dictionary<string, I18n> i18n)
    {
        foreach (var (name, hash) in record.Templates)
        {
            if (theme.Find(name)?.Hash != hash)
            {
                return false;
            }
        }

        var valid = true;
        foreach (var (lang, key, value) in record.Texts)
        {
            var now = i18n.TryGetValue(lang, out var strings) ? strings.Get(key) : key;
            valid &= now == value;
        }

        return valid;
    }

    /// <summary>Reads again the UI strings a still valid record found missing (its value is its key), so they are reported; always true.</summary>
    private static bool ReadMissing(OutputRecord record, Dictionary<string, I18n> i18n)
    {
        if (!record.AnyMissing)
        {
            return true;
        }

        foreach (var (lang, key, value) in record.Texts)
        {
            if (string.Equals(key, value, StringComparison.Ordinal) && i18n.TryGetValue(lang, out var strings))
            {
                strings.Get(key);
            }
        }

        return true;
    }

    /// <summary>The builder's text as one block: its own memory when it is one chunk (the usual case once warm), else a copy.</summary>
    private static ReadOnlyMemory<char> Contiguous(StringBuilder builder)
    {
        ReadOnlyMemory<char> first = default;
        var count = 0;
        foreach (var chunk in builder.GetChunks())
        {
            first = chunk;
            if (++count > 1)
            {
                return builder.ToString().AsMemory();
            }
        }

        return first;
    }
}
