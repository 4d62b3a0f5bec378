using System.CommandLine;

namespace SiteGen.Cli;

/// <summary>Commands registered besides import (build, serve, check …), one factory each.</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> All()
    {
        yield return Commands.EventsCommand.Create();
    }
}
