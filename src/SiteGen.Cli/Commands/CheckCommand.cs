using System.CommandLine;
using SiteGen.Content;

namespace SiteGen.Cli.Commands;

/// <summary><c>sitegen check [--content DIR]</c>: verifies the archive's articles against their raw sources.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var command = new Command("check", "Verify the archive: every article parses and its recorded source exists with the recorded SHA-256; every raw source belongs to an article or a recorded rejection.")
        {
            content,
        };
        command.SetAction(parse =>
        {
            var contentDir = parse.GetValue(content)!;
            if (!Directory.Exists(contentDir))
            {
                Console.Error.WriteLine($"error: no such content folder: {contentDir}");
                return ExitCodes.Usage;
            }

            var problems = ArchiveChecker.Check(contentDir);
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"error: {problem.Message}");
            }

            GeneratedOutletNotes.Print(contentDir);
            Console.WriteLine(problems.Count == 0 ? "check: the archive is whole" : $"check: {problems.Count} problem(s)");
            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.ContentErrors;
        });
        return command;
    }
}
