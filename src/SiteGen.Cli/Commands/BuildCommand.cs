using System.CommandLine;
using System.Globalization;
using System.Runtime;
using SiteGen.Publishing;

namespace SiteGen.Cli.Commands;

/// <summary><c>sitegen build [--content DIR] [--out DIR] [--base-url URL] [--strict]</c>.</summary>
internal static class BuildCommand
{
    public static Option<string> Out() => new("--out")
    {
        Description = "The output folder. The build writes into a staging folder beside it and swaps it in whole, so a failed build leaves the previous site as it was.",
        DefaultValueFactory = _ => "public",
    };

    public static Command Create()
    {
        var content = CommonOptions.Content();
        var output = Out();
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "The address the site is published at, e.g. https://user.github.io/repo/ (overrides base_url in site.yml). Every link, asset and feed goes under its path.",
        };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings that usually pass (a missing UI translation key, a broken event file) as errors." };
        var timings = new Option<bool>("--timings") { Description = "Print the wall time and the bytes allocated in each phase of the build (settings, theme, articles, link, search, views, plan, render, feeds, check, snapshot) and the garbage collector's work." };
        var minify = new Option<bool>("--minify") { Description = "Minify the HTML pages with NUglify (saves under 1 % of the bytes, 0.2 % after gzip; makes the build about 15 % slower). Style sheets are always minified." };
        var noSearch = new Option<bool>("--no-search") { Description = "Leave the search index out (a quicker build; its search page finds nothing)." };
        var command = new Command("build", "Build the bilingual static site (zh + en) from the content folder: pages, Atom feeds, sitemap; checks every internal link.")
        {
            content, output, baseUrl, strict, timings, minify, noSearch,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(new BuildOptions(parse.GetValue(content)!, parse.GetValue(output)!)
        {
            BaseUrl = parse.GetValue(baseUrl),
            Strict = parse.GetValue(strict),
            Minify = parse.GetValue(minify),
            Search = !parse.GetValue(noSearch),
            Cancel = cancel,
        }, parse.GetValue(timings))));
        return command;
    }

    /// <summary>Runs a build, prints warnings, errors and the summary; returns an exit code.</summary>
    public static int Run(BuildOptions options, bool timings = false)
    {
        if (!Directory.Exists(options.ContentDir))
        {
            Console.Error.WriteLine($"error: no such content folder: {options.ContentDir}");
            return ExitCodes.Usage;
        }

        if (OutputFolder.Problem(options.ContentDir, options.OutDir) is { } outProblem)
        {
            Console.Error.WriteLine($"error: {outProblem}");
            return ExitCodes.Usage;
        }

        var rendering = new ConsoleProgress("rendering", "pages");
        PublishOutcome outcome;
        try
        {
            outcome = SiteBuilder.Publish(options with
            {
                Remember = false, // one build per process: nothing to compare a next build with
                Progress = new SyncProgress<BuildProgress>(p =>
                {
                    if (p.Stage == "rendering")
                    {
                        rendering.Report((p.Done, p.Total));
                    }
                }),
            }, new Publishing.Incremental.IncrementalSite());
        }
        catch (Exception e) when (IoFailure(e) is { } io)
        {
            // A full disk, a read-only or missing output parent: one line, the old site untouched.
            Console.Error.WriteLine($"error: cannot write the site: {io.Message.ReplaceLineEndings(" ")} (the previous output was left as it was)");
            return ExitCodes.Failure;
        }

        var result = outcome.Result;
        foreach (var warning in result.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }

        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"error: {error}");
        }

        if (options.Cancel.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"build failed with {result.Errors.Count} error(s); {options.OutDir} was not changed");
            return ExitCodes.ContentErrors;
        }

        if (timings)
        {
            Console.WriteLine("timings: " + string.Join(", ", outcome.Build.Timings.Select(t => $"{t.Key} {t.Value / 1000:F2} s")));
            Console.WriteLine("allocated: " + string.Join(", ", outcome.Build.Allocations.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key} {a.Value / 1e9:F2} GB"))));
            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gc: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s ({gc.PauseTimePercentage:F0} % of the time), {GC.GetTotalAllocatedBytes() / 1e9:F2} GB allocated, {(GCSettings.IsServerGC ? "server" : "workstation")} GC"));
        }

        Console.WriteLine($"built {result.Pages} pages ({result.Articles} articles, {result.Files} files, {result.Bytes / 1048576.0:F1} MB) into {options.OutDir} in {result.Elapsed.TotalSeconds:F2} s");
        var budget = SiteBudget.Of(result, options.OutDir);
        Console.WriteLine(budget.Summary());
        foreach (var warning in budget.Warnings())
        {
            Console.Error.WriteLine($"warning: {warning}");
        }

        GeneratedOutletNotes.Print(options.ContentDir);
        return ExitCodes.Ok;
    }

    /// <summary>The I/O failure behind an exception, also when parallel rendering wrapped it in an <see cref="AggregateException"/>.</summary>
    private static Exception? IoFailure(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(IoFailure).FirstOrDefault(x => x is not null),
        _ => null,
    };

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
