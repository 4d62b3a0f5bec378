using System.Collections.Concurrent;
using System.Diagnostics;

namespace SiteGen.Publishing.Incremental;

/// <summary>
/// What one build carries from phase to phase besides their outputs: its options, the warnings and
/// errors found so far, the paths it made (not reused), and its clock. Made by the orchestrator
/// (<see cref="IncrementalSite.Build"/>) for each build and dropped when it returns.
/// </summary>
internal sealed class BuildRun(BuildOptions options)
{
    public BuildOptions Options { get; } = options;

    /// <summary>Short for <see cref="BuildOptions.Remember"/>: whether this build keeps what it makes for the next one.</summary>
    public bool Remember => Options.Remember;

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public List<string> Warnings { get; } = [];

    public List<string> Errors { get; } = [];

    /// <summary>The outputs this build made anew (every other one is a record kept from an earlier build).</summary>
    public ConcurrentBag<string> Made { get; } = [];

    /// <summary>The warning list, or the error list under <see cref="BuildOptions.Strict"/>.</summary>
    public List<string> WarningsOrStrictErrors => Options.Strict ? Errors : Warnings;

    /// <summary>The result of a build that stopped: nothing built, with what it found.</summary>
    public BuildResult Failed() => new(0, 0, 0, 0, Clock.Elapsed, Warnings, Errors);
}
