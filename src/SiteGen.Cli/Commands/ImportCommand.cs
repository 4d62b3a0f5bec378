using System.CommandLine;
using System.Text.Json;
using SiteGen.Content;
using SiteGen.Import;
using SiteGen.Sources;

namespace SiteGen.Cli.Commands;

/// <summary><c>sitegen import &lt;file-or-folder&gt;... [--content DIR] [--report FILE] [--force]</c>.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Raw source files or folders (searched recursively) to import.",
            Arity = ArgumentArity.OneOrMore,
        };
        var content = CommonOptions.Content();
        var report = new Option<FileInfo?>("--report") { Description = "Write a JSON report: one entry per input file with its status, article id/path and reason." };
        var force = new Option<bool>("--force") { Description = "Overwrite articles that were edited by hand since they were imported." };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 when any file was rejected (without it, only when nothing could be imported)." };

        var command = new Command("import", "Read raw scraped files (any known format, sniffed from the content) into normalized Markdown articles under content/articles/, keeping each raw file under content/sources/. An outlet nobody described gets a generated content/outlets/<id>.yml.")
        {
            inputs, content, report, force, strict,
        };
        command.SetAction((parse, cancel) =>
        {
            var contentDir = parse.GetValue(content)!;
            var paths = parse.GetValue(inputs)!;
            var missing = paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
            if (missing is not null)
            {
                Console.Error.WriteLine(UsageErrors.OptionLikeArgument(missing, "file or folder") ?? $"error: no such file or folder: {missing}");
                return Task.FromResult(ExitCodes.Usage);
            }

            try
            {
                var run = new ImportRun(contentDir, paths, parse.GetValue(force), parse.GetValue(strict), parse.GetValue(report));
                return Task.FromResult(Run(run, cancel));
            }
            catch (ContentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(ExitCodes.ContentErrors);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A read-only or full content folder: every write goes through a temporary file and a
                // rename, so no half-written file is left in place.
                Console.Error.WriteLine($"error: cannot write to the content folder {contentDir}: {e.Message}; no file was left half-written: make room or give write access, then run the same import again to finish it");
                return Task.FromResult(ExitCodes.Failure);
            }
        });
        return command;
    }

    private sealed record ImportRun(string ContentDir, string[] Paths, bool Force, bool Strict, FileInfo? ReportFile);

    private static int Run(ImportRun run, CancellationToken cancel)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var outlets = OutletStore.Load(run.ContentDir);
        var importer = new Importer(SourceReaders.Default, outlets);
        var progress = new ConsoleProgress("reading");
        var result = importer.Import(run.Paths, new ImportOptions(run.ContentDir, run.Force, cancel), new Progress<ImportProgress>(p => progress.Report((p.Done, p.Total))));
        foreach (var entry in result.Entries.Where(e => e.Status == ImportStatus.Rejected))
        {
            Console.Error.WriteLine($"rejected: {entry.Path}{(entry.Line is { } line ? $":{line}" : "")}: {entry.Reason}");
        }

        WriteNotes(result, run.ReportFile is not null);

        foreach (var made in result.GeneratedOutlets)
        {
            Console.WriteLine($"new outlet {made.Id} from {made.Origin} — check its names in {Path.Combine(run.ContentDir, made.File)}");
        }

        if (run.ReportFile is not null)
        {
            File.WriteAllText(run.ReportFile.FullName, JsonSerializer.Serialize(result.Entries, JsonFiles.Options) + "\n");
        }

        var seconds = started.Elapsed.TotalSeconds;
        Console.WriteLine($"{result.Summary} ({result.Entries.Count} files in {seconds:F2} s, {result.Entries.Count / Math.Max(seconds, 0.001):F0} files/s)");
        var kinds = RejectionReasons.Count(result.Entries);
        if (kinds.Count > 0)
        {
            Console.WriteLine($"rejected by reason: {string.Join("; ", kinds.Select(k => $"{k.Kind}: {k.Count}"))}");
        }

        return ExitCode(result, run.Strict);
    }

    /// <summary>Notes that many files share word for word, shown beyond this many as one line with their count.</summary>
    private const int NotesShownAlike = 3;

    /// <summary>
    /// One line per note, except that a note many files share (a mirror holds the same page under two
    /// channels: "the same file was given twice", 422 times in the shared mirror) is shown for a few and
    /// then counted; the report lists every file.
    /// </summary>
    private static void WriteNotes(ImportResult result, bool reported)
    {
        foreach (var alike in result.Entries.Where(e => e.Note is not null && e.Status != ImportStatus.Rejected).GroupBy(e => e.Note!, StringComparer.Ordinal))
        {
            var entries = alike.ToList();
            foreach (var entry in entries.Take(NotesShownAlike))
            {
                Console.Error.WriteLine($"note: {entry.Path}: {entry.Note}");
            }

            if (entries.Count > NotesShownAlike)
            {
                Console.Error.WriteLine($"note: {entries.Count - NotesShownAlike} more files: {alike.Key}{(reported ? " (each is in the report)" : " (--report FILE lists each)")}");
            }
        }
    }

    /// <summary>1 when files were given and none could be imported, or with --strict when any was rejected; else 0.</summary>
    private static int ExitCode(ImportResult result, bool strict)
    {
        var rejected = result.Count(ImportStatus.Rejected);
        if (rejected > 0 && rejected == result.Entries.Count)
        {
            Console.Error.WriteLine($"error: nothing imported: all {rejected} files were rejected (reasons above)");
            return ExitCodes.ContentErrors;
        }

        if (strict && rejected > 0)
        {
            Console.Error.WriteLine($"error: {rejected} files rejected (--strict)");
            return ExitCodes.ContentErrors;
        }

        return ExitCodes.Ok;
    }
}
