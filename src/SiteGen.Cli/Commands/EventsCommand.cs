using System.CommandLine;
using System.Globalization;
using SiteGen.Content;
using SiteGen.Events;

namespace SiteGen.Cli.Commands;

/// <summary>
/// <c>sitegen events check|show|suggest</c>: the archive's events — who is in which and what looks
/// wrong; one event's comparison; proposed events for articles in none.
/// </summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var command = new Command("events", "Work with news events (content/events/*.yml): check assignments, show one event's comparison, suggest new events.")
        {
            Check(), Show(), Suggest(),
        };
        return command;
    }

    private static Command Check()
    {
        var content = CommonOptions.Content();
        var command = new Command("check", "List every event with its articles (and how each joined), then the diagnostics: front-matter members far outside the event's date window, rule matches whose keywords are only deep in the text, unknown event ids. Exit code 1 when an event file is broken.")
        {
            content,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(content)!;
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"error: no such content folder: {dir}");
                return ExitCodes.Usage;
            }

            var (store, catalog, assignment) = Load(dir);
            foreach (var g in assignment.Groups)
            {
                Console.WriteLine($"{g.Event.Id}  ({g.Members.Count} articles, {g.Members.Select(m => m.Article.Outlet).Distinct(StringComparer.Ordinal).Count()} outlets)");
                foreach (var m in g.Members)
                {
                    Console.WriteLine($"  {EventTime.Display(m.Article.Published),-28} {m.Article.Outlet,-12} {m.Article.Id}  [{m.Reason}]");
                }
            }

            foreach (var d in assignment.Diagnostics)
            {
                Console.WriteLine($"warning: {d}");
            }

            foreach (var e in store.Errors.Concat(catalog.Errors))
            {
                Console.Error.WriteLine($"error: {e.Message}");
            }

            return catalog.Errors.Count > 0 ? ExitCodes.ContentErrors : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var content = CommonOptions.Content();
        var id = new Argument<string>("id") { Description = "The event id (file name in content/events/ without .yml)." };
        var command = new Command("show", "Print one event's comparison: timeline outlet by outlet, and per article its time, length, distinctive terms, quotations with attribution and near-match share; then the terms all share.")
        {
            id, content,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(content)!;
            var (store, _, assignment) = Load(dir);
            var group = assignment.Find(parse.GetValue(id)!);
            if (group is null)
            {
                Console.Error.WriteLine($"error: no event '{parse.GetValue(id)}' in {Path.Combine(dir, "events")}");
                return ExitCodes.Usage;
            }

            var report = EventComparison.Compare(group.Event, group.Articles, TermStatistics.Build(store.Articles.Select(a => a.Article)));
            Console.WriteLine($"{report.Event.Id}: {report.Event.TitleZh} / {report.Event.TitleEn}");
            foreach (var lane in report.Timeline.Lanes)
            {
                Console.WriteLine($"  {lane.Outlet}: {string.Join("; ", lane.Entries.Select(e => $"{e.Display} {e.Title}"))}");
            }

            foreach (var c in report.Columns)
            {
                Console.WriteLine();
                Console.WriteLine($"[{c.Outlet}] {c.Headline}  ({c.Time}, {c.Characters} characters)");
                Console.WriteLine($"  lead: {c.Lead}");
                Console.WriteLine($"  distinctive: {string.Join("、", c.DistinctiveTerms.Select(t => $"{t.Text}({t.Count})"))}");
                foreach (var q in c.Quotes)
                {
                    Console.WriteLine($"  quote: {q.Speaker ?? "(unattributed)"}: “{q.Text}”");
                }

                Console.WriteLine($"  near match: {c.NearMatches.Matched}/{c.NearMatches.Sentences} sentences ({c.NearMatches.Share.ToString("P0", CultureInfo.InvariantCulture)})");
            }

            Console.WriteLine();
            Console.WriteLine($"shared: {string.Join("、", report.SharedTerms.Select(t => t.Text))}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Suggest()
    {
        var content = CommonOptions.Content();
        var write = new Option<bool>("--write") { Description = "Save each proposal as a draft, content/events/drafts/<id>.yml; an existing file is never overwritten." };
        var window = new Option<double>("--window-days")
        {
            Description = "Compare two articles only when published at most this many days apart.",
            DefaultValueFactory = _ => 3,
        };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Least cosine similarity (0..1, TF-IDF over Han bigrams and English words) that links two articles.",
            DefaultValueFactory = _ => 0.12,
        };
        var command = new Command("suggest", "Cluster the articles that are in no event by publication time and text similarity, and print the proposed event files with their articles and the reason (shared terms, similarity, dates).")
        {
            content, write, window, threshold,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(content)!;
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"error: no such content folder: {dir}");
                return ExitCodes.Usage;
            }

            var options = new SuggestOptions { WindowDays = parse.GetValue(window), Threshold = parse.GetValue(threshold) };
            if (options.WindowDays is < 0 or > 366 || options.Threshold is <= 0 or > 1)
            {
                Console.Error.WriteLine("error: --window-days must be 0..366 and --threshold in (0, 1]");
                return ExitCodes.Usage;
            }

            var (store, _, assignment) = Load(dir);
            var suggestions = EventSuggester.Suggest(store.Articles.Select(a => a.Article), assignment, options, new SuggestConsoleProgress());
            var written = 0;
            foreach (var s in suggestions)
            {
                Console.WriteLine($"--- {s.Id}: {s.Reason}");
                Console.WriteLine($"# rule check: {s.RuleCheck}");
                Console.Write(s.Yaml);
                if (parse.GetValue(write))
                {
                    if (EventSuggester.WriteDraft(dir, s) is { } path)
                    {
                        Console.Error.WriteLine($"wrote: {path}");
                        written++;
                    }
                    else
                    {
                        Console.Error.WriteLine($"kept: {Path.Combine(dir, "events", "drafts", s.Id + ".yml")} exists, not overwritten");
                    }
                }
            }

            Console.WriteLine($"{suggestions.Count} proposed events{(parse.GetValue(write) ? $", {written} drafts written" : "")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static (ArticleStore Store, EventCatalog Catalog, EventAssignment Assignment) Load(string dir)
    {
        var store = ArticleStore.Open(dir);
        var catalog = EventStore.Load(dir);
        return (store, catalog, EventAssigner.Assign(store.Articles.Select(a => a.Article), catalog.Events));
    }

    /// <summary>Shows each stage of <c>events suggest</c> on stderr, on the reporting thread (in order).</summary>
    private sealed class SuggestConsoleProgress : IProgress<SuggestProgress>
    {
        private readonly ConsoleProgress _comparing = new("comparing");
        private readonly ConsoleProgress _proposing = new("proposing");

        public void Report(SuggestProgress value) =>
            (value.Stage == "comparing" ? _comparing : _proposing).Report((value.Done, value.Total));
    }
}
