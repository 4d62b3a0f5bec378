using System.CommandLine;
using System.Reflection;
using SiteGen.Content;

namespace SiteGen.Cli.Commands;

/// <summary><c>sitegen init [DIR] [--theme] [--force]</c>: starts an archive repository (logic in <see cref="ArchiveScaffold"/>).</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir")
        {
            Description = "The folder to start the archive in (created when missing).",
            DefaultValueFactory = _ => ".",
        };
        var theme = new Option<bool>("--theme") { Description = "Copy the default theme into themes/default to change it; without it the build uses the theme shipped with sitegen." };
        var force = new Option<bool>("--force") { Description = "Write into a folder that is not empty; existing files are still never overwritten (each one kept is named)." };
        var command = new Command("init", "Start a new archive: content/site.yml, content/outlets/, content/events/, README.md, .gitignore, a GitHub Pages workflow and a tool manifest pinning this sitegen.")
        {
            dir,
            theme,
            force,
        };
        command.SetAction(parse => Run(parse.GetValue(dir)!, parse.GetValue(theme), parse.GetValue(force)));
        return command;
    }

    private static int Run(string dir, bool copyTheme, bool force)
    {
        if (UsageErrors.OptionLikeArgument(dir, "folder") is { } mistyped)
        {
            Console.Error.WriteLine(mistyped);
            return ExitCodes.Usage;
        }

        if (File.Exists(dir))
        {
            Console.Error.WriteLine($"error: {dir} is a file, not a folder");
            return ExitCodes.Usage;
        }

        if (!force && !ArchiveScaffold.IsEmptyOrMissing(dir))
        {
            Console.Error.WriteLine($"error: {Path.GetFullPath(dir)} is not empty; use --force to add the missing files (existing files are never overwritten)");
            return ExitCodes.Usage;
        }

        var themeSource = copyTheme ? Path.Combine(AppContext.BaseDirectory, "themes", "default") : null;
        try
        {
            var outcome = ArchiveScaffold.Write(dir, ToolVersion(), themeSource);
            foreach (var kept in outcome.Kept)
            {
                Console.WriteLine($"kept {kept} (it exists; not overwritten)");
            }

            Console.WriteLine($"init: wrote {outcome.Written.Count} files into {Path.GetFullPath(dir)}");
            Console.WriteLine("next: sitegen import <folder>, sitegen serve, sitegen build (see README.md)");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The running tool's version (without the +commit suffix), which the written manifest pins.</summary>
    private static string ToolVersion()
    {
        var informational = typeof(InitCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
        return informational.Split('+')[0];
    }
}
