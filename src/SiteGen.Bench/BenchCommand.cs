using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace SiteGen.Bench;

/// <summary>
/// The bench program (<c>dotnet run -c Release --project src/SiteGen.Bench --</c>, or <c>sitegen bench</c> from a
/// clone): SiteGen and Hugo side by side on a generated archive (see docs/performance.md); <c>micro</c> runs the
/// BenchmarkDotNet micro-benchmarks, <c>generate</c> writes an archive, <c>floor</c> measures the floor (run as a
/// child by the bench). Exit codes as sitegen's: 0 done, 2 usage, 3 a build failed.
/// </summary>
internal static class BenchCommand
{
    private const int Ok = 0;
    private const int Usage = 2;
    private const int Failure = 3;

    public static RootCommand Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Archive sizes, comma-separated.", DefaultValueFactory = _ => "1000,10000" };
        var large = new Option<bool>("--large") { Description = "Also 50,000 articles (about 5 minutes more with Hugo)." };
        var runs = new Option<int>("--runs") { Description = "Runs of each build; the table shows medians.", DefaultValueFactory = _ => 3 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated archive.", DefaultValueFactory = _ => 42 };
        var noHugo = new Option<bool>("--no-hugo") { Description = "Measure SiteGen only (no Hugo, no apt-get)." };
        var hugoMinify = new Option<bool>("--hugo-minify") { Description = "Minified HTML on both sides: hugo --minify and sitegen build --minify (both write plain HTML by default)." };
        var noFloor = new Option<bool>("--no-floor") { Description = "Skip the floor (read + Markdig + simple Scriban pages)." };
        var noWarm = new Option<bool>("--no-warm") { Description = "Skip the warm rebuild after editing one article." };
        var importFiles = new Option<int>("--import-files") { Description = "Raw RSS-dump files to import for the import rate (0 skips).", DefaultValueFactory = _ => 2000 };
        var work = new Option<string?>("--work") { Description = "Folder to generate and build in (kept); by default a temporary folder under /dev/shm, deleted afterwards." };
        var keep = new Option<bool>("--keep") { Description = "Keep the generated archives and outputs." };
        var noServe = new Option<bool>("--no-serve") { Description = "Skip the serve latency section (edit → reload on the shipped archive and a generated one)." };
        var serveSizes = new Option<string?>("--serve-sizes") { Description = "Generated archive sizes for the serve latency, comma-separated; by default 10000 when --sizes has it, else none (the shipped archive is always measured)." };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Skip the search latency measured in headless Chromium (the index size and transfer are still printed)." };
        var (shared, textCache) = TextOptions();
        var archive = new Option<string?>("--archive") { Description = "Also measure an existing content folder as it is (a copy; written for Hugo from its loaded articles), in the same table; --sizes '' for this row only." };

        var command = new RootCommand("SiteGen benchmark: generate a seeded archive of N articles (our format and the same site for Hugo), build it with SiteGen and Hugo a few times each, and print wall time and peak RSS side by side with our floor.")
        {
            sizes, large, runs, seed, noHugo, hugoMinify, noFloor, noWarm, importFiles, work, keep, noBrowser, noServe, serveSizes, shared, textCache, archive,
        };
        command.Subcommands.Add(ServeCommand());
        command.Subcommands.Add(Micro());
        command.Subcommands.Add(Generate());
        command.Subcommands.Add(FloorCommand());
        command.Subcommands.Add(PoolCommand());
        command.SetAction(parse =>
        {
            if (!UseText(parse, shared, textCache))
            {
                return Usage;
            }

            if (Sizes(parse.GetValue(sizes)!, "--sizes") is not { } list)
            {
                return Usage;
            }

            var serveList = parse.GetValue(serveSizes) is { } given ? Sizes(given, "--serve-sizes") : list.Where(n => n == 10_000).ToList();
            if (serveList is null)
            {
                return Usage;
            }

            if (parse.GetValue(archive) is { } folder && !Directory.Exists(Path.Combine(folder, "articles")))
            {
                Console.Error.WriteLine($"error: --archive {folder} is not a content folder (no articles/ in it)");
                return Usage;
            }

            if (parse.GetValue(large) && !list.Contains(50_000))
            {
                list.Add(50_000);
            }

            if (!parse.GetValue(noHugo))
            {
                Setup.EnsureTime(Console.Out);
            }

            var rows = BenchRunner.Run(new BenchOptions(SiteGenProgram(), Self())
            {
                Sizes = list,
                Runs = Math.Max(1, parse.GetValue(runs)),
                Seed = parse.GetValue(seed),
                Hugo = !parse.GetValue(noHugo),
                HugoMinify = parse.GetValue(hugoMinify),
                Floor = !parse.GetValue(noFloor),
                Warm = !parse.GetValue(noWarm),
                ImportFiles = Math.Max(0, parse.GetValue(importFiles)),
                WorkDir = parse.GetValue(work),
                Keep = parse.GetValue(keep),
                Browser = !parse.GetValue(noBrowser),
                Serve = parse.GetValue(noServe) ? null : new ServeBenchOptions { Sizes = serveList },
                Archive = parse.GetValue(archive),
            });
            return rows.All(r => r.SiteGen is { Ok: true }) ? Ok : Failure;
        });
        return command;
    }

    /// <summary>Positive numbers, comma-separated (<c>10_000</c> allowed); null, with a message, when one is not.</summary>
    private static List<int>? Sizes(string text, string option)
    {
        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                Console.Error.WriteLine($"error: {option} takes positive numbers, not '{part}'");
                return null;
            }

            list.Add(n);
        }

        return list;
    }

    private static Command ServeCommand()
    {
        var sizes = new Option<string>("--sizes") { Description = "Generated archive sizes, comma-separated (empty: the shipped archive only).", DefaultValueFactory = _ => "10000" };
        var edits = new Option<int>("--edits") { Description = "Measured edits per archive.", DefaultValueFactory = _ => 10 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated archives.", DefaultValueFactory = _ => 42 };
        var noShipped = new Option<bool>("--no-shipped") { Description = "Skip the shipped archive (content/ of the repository)." };
        var content = new Option<string?>("--content") { Description = "The archive measured as the shipped one (default: content/ of the repository)." };
        var (shared, textCache) = TextOptions();
        var command = new Command("serve", "Edit-to-reload latency of `sitegen serve`: edit an article, time until the SSE reload event (real watcher, debounce, incremental rebuild, Kestrel), on the shipped archive and generated ones; also when the search files are current.")
        {
            sizes, edits, seed, noShipped, content, shared, textCache,
        };
        command.SetAction(parse =>
        {
            if (!UseText(parse, shared, textCache))
            {
                return Usage;
            }

            if (Sizes(parse.GetValue(sizes)!, "--sizes") is not { } list)
            {
                return Usage;
            }

            var reports = ServeBench.Run(new ServeBenchOptions { Shipped = !parse.GetValue(noShipped), ShippedContent = parse.GetValue(content), Sizes = list, Edits = Math.Max(1, parse.GetValue(edits)), Seed = parse.GetValue(seed) });
            return reports.Count > 0 ? Ok : Failure;
        });
        return command;
    }

    /// <summary>How to start this same program again as a child process.</summary>
    private static SelfCommand Self()
    {
        var program = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(program) == "dotnet"
            ? new SelfCommand(program, [typeof(BenchCommand).Assembly.Location])
            : new SelfCommand(program, []);
    }

    /// <summary>The sitegen it measures: the one built beside the bench (the project reference copies it here).</summary>
    private static SelfCommand SiteGenProgram() => new("dotnet", [Path.Combine(AppContext.BaseDirectory, "sitegen.dll")]);

    private static Command Micro()
    {
        var args = new Argument<string[]>("benchmarkdotnet-args") { Description = "Arguments for BenchmarkDotNet, e.g. --filter '*Markdig*'.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("micro", "Run the BenchmarkDotNet micro-benchmarks of the hot paths (readers, HTML → Markdown, Markdig, Scriban, minify): dotnet run -c Release --project tests/SiteGen.Benchmarks. Needs the source tree.")
        {
            args,
        };
        command.SetAction(parse =>
        {
            var project = FindUp("tests/SiteGen.Benchmarks/SiteGen.Benchmarks.csproj");
            if (project is null)
            {
                Console.Error.WriteLine("error: tests/SiteGen.Benchmarks not found above the current folder: run from a clone of the repository");
                return Usage;
            }

            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
            foreach (var a in new[] { "run", "-c", "Release", "--project", project, "--" }.Concat(parse.GetValue(args) ?? []))
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        });
        return command;
    }

    private static Command Generate()
    {
        var articles = new Option<int>("--articles") { Description = "Number of articles.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed.", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Folder to write content/ (and hugo/, raw/) into.", Required = true };
        var hugo = new Option<bool>("--hugo") { Description = "Also write the same archive as a Hugo site in hugo/." };
        var raw = new Option<int>("--raw") { Description = "Also write this many raw RSS-dump files in raw/." };
        var (shared, textCache) = TextOptions();
        var command = new Command("generate", "Write a generated archive: content/ in our normalized format, optionally the Hugo site and raw feed files.")
        {
            articles, seed, output, hugo, raw, shared, textCache,
        };
        command.SetAction(parse =>
        {
            if (!UseText(parse, shared, textCache))
            {
                return Usage;
            }

            var dir = parse.GetValue(output)!;
            var generator = new ArchiveGenerator(new ArchiveSpec(Math.Max(1, parse.GetValue(articles)), parse.GetValue(seed)));
            ArchiveWriter.WriteContent(generator, Path.Combine(dir, "content"));
            if (parse.GetValue(hugo))
            {
                ArchiveWriter.WriteHugoSite(generator, Path.Combine(dir, "hugo"));
            }

            if (parse.GetValue(raw) > 0)
            {
                ArchiveWriter.WriteRawFeedFiles(generator, Path.Combine(dir, "raw"), parse.GetValue(raw));
            }

            Console.WriteLine($"wrote {generator.Spec.Articles} articles into {dir}");
            return Ok;
        });
        return command;
    }

    /// <summary>Where the real text comes from (issue 19): the shared folder and the folder its import is cached in.</summary>
    private static (Option<string?> Shared, Option<string?> Cache) TextOptions() =>
        (new Option<string?>("--shared") { Description = "The shared folder whose mirror/ and corpus/ give the archive's real text; by default shared/ beside a folder above the current one or the program." },
         new Option<string?>("--text-cache") { Description = "Folder to keep the imported real text in (one sub-folder per state of the shared folder); by default sitegen-realtext under the system temp folder." });

    /// <summary>Sets <see cref="RealTextPool.Default"/> from the options when either is given; false (with a message) when the shared folder is missing.</summary>
    private static bool UseText(ParseResult parse, Option<string?> shared, Option<string?> cache)
    {
        var folder = parse.GetValue(shared);
        var cacheDir = parse.GetValue(cache);
        if (folder is null && cacheDir is null)
        {
            return true;
        }

        folder ??= RealTextPool.FindShared();
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine($"error: the shared folder {folder ?? "(not found above the current folder)"} does not exist");
            return false;
        }

        try
        {
            RealTextPool.Default = RealTextPool.Load(folder, cacheDir);
            return true;
        }
        catch (DirectoryNotFoundException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return false;
        }
    }

    private static Command PoolCommand()
    {
        var (shared, textCache) = TextOptions();
        var articles = new Option<int>("--articles") { Description = "Also generate this many articles (in memory) and print the same figures for them." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated articles.", DefaultValueFactory = _ => 42 };
        var command = new Command("pool", "Import the real text once (or reuse the cache) and print its figures: articles, distinct Chinese character bigrams, tags and the share on one article, body lengths; with --articles N, the same for a generated archive of N.")
        {
            shared, textCache, articles, seed,
        };
        command.SetAction(parse =>
        {
            if (!UseText(parse, shared, textCache))
            {
                return Usage;
            }

            var clock = Stopwatch.StartNew();
            var pool = RealTextPool.Default;
            Console.WriteLine($"real text from {pool.ContentDir} (loaded in {clock.Elapsed.TotalSeconds:F1} s)");
            Console.WriteLine(pool.Figures());
            if (parse.GetValue(articles) is > 0 and var n)
            {
                var generator = new ArchiveGenerator(new ArchiveSpec(n, parse.GetValue(seed)), pool);
                var generated = new SiteGen.Model.Article[n];
                Parallel.For(0, n, i => generated[i] = generator.Article(i).Article);
                Console.WriteLine($"generated, N={n}, seed {generator.Spec.Seed}:");
                Console.WriteLine(RealTextPool.Figures("zh", [.. generated.Where(a => RealTextPool.IsChinese(a.Lang))]));
                Console.WriteLine(RealTextPool.Figures("en", [.. generated.Where(a => !RealTextPool.IsChinese(a.Lang))]));
            }

            return Ok;
        });
        return command;
    }

    private static Command FloorCommand()
    {
        var content = new Option<string>("--content") { Description = "The content folder.", DefaultValueFactory = _ => "content" };
        var output = new Option<string>("--out") { Description = "Folder for the simple pages.", Required = true };
        var command = new Command("floor", "Measure the floor: read every article, Markdig every body, render and write 2×N simple pages with Scriban, in parallel.")
        {
            content, output,
        };
        command.SetAction(parse =>
        {
            var f = Floor.Run(parse.GetValue(content)!, parse.GetValue(output)!);
            Console.WriteLine($"floor: read {f.Read.TotalSeconds:F2} s, markdig {f.Markdown.TotalSeconds:F2} s, scriban+write {2 * f.Articles} pages {f.Render.TotalSeconds:F2} s, total {f.Total.TotalSeconds:F2} s ({f.Articles} articles, {f.Characters / 1e6:F0} M characters)");
            return Ok;
        });
        return command;
    }

    private static string? FindUp(string relative)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
