using System.CommandLine;
using SiteGen.Cli.Commands;

namespace SiteGen.Cli;

/// <summary>Commands registered besides import (build, serve, check …), one factory each.</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> All()
    {
        yield return BuildCommand.Create();
        yield return ServeCommand.Create();
        yield return Commands.EventsCommand.Create();
        yield return BenchCommand.Create();
        yield return InitCommand.Create();
    }
}
