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
return await parse.InvokeAsync().ConfigureAwait(false);
