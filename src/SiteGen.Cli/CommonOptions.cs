using System.CommandLine;

namespace SiteGen.Cli;

/// <summary>Options shared by several commands, built fresh for each (an option belongs to one command).</summary>
internal static class CommonOptions
{
    public static Option<string> Content() => new("--content")
    {
        Description = "The content folder (articles, outlets, events, sources, site.yml).",
        DefaultValueFactory = _ => "content",
    };
}
