using System.CommandLine;

namespace SiteGen.Cli;

/// <summary>Command-line mistakes (an unknown option, an option without its value, a missing argument): named on stderr, exit 2.</summary>
internal static class UsageErrors
{
    public static int Report(ParseResult parse)
    {
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine($"error: {error.Message}");
        }

        var command = string.Join(' ', CommandPath(parse.CommandResult.Command, parse.RootCommandResult.Command));
        Console.Error.WriteLine($"see: sitegen {command}{(command.Length > 0 ? " " : "")}--help");
        return ExitCodes.Usage;
    }

    /// <summary>The names from the root's child down to <paramref name="command"/> (<c>events suggest</c>).</summary>
    private static Stack<string> CommandPath(Command command, Command root)
    {
        var names = new Stack<string>();
        for (Command? c = command; c is not null && c != root; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Push(c.Name);
        }

        return names;
    }

    /// <summary>
    /// An argument that starts with <c>-</c> where a path is expected is a mistyped option
    /// (<c>init --bogus</c> would otherwise make a folder named <c>--bogus</c>); null when it is fine.
    /// </summary>
    public static string? OptionLikeArgument(string value, string what) =>
        value.Length > 1 && value[0] == '-'
            ? $"error: unknown option '{value}' (a {what} that starts with '-' must be written ./{value})"
            : null;
}
