using System.CommandLine;
using SiteGen.Cli;
using SiteGen.Cli.Commands;

// The sitegen command. Each sub-command lives in Commands/ and returns one of the ExitCodes.
var root = new RootCommand("SiteGen: turn scraped news articles into a bilingual (Chinese/English) static archive site.")
{
    ImportCommand.Create(),
    CheckCommand.Create(),
};
foreach (var command in ExtraCommands.All())
{
    root.Subcommands.Add(command);
}

if (args is ["bench", .. var benchArgs])
{
    return BenchCommand.Run(benchArgs);
}

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // A usage error exits 2 in every command, as the README says (the library's default is 1, which
    // means "the content has errors" here).
    return UsageErrors.Report(parse);
}

return await parse.InvokeAsync().ConfigureAwait(false);
