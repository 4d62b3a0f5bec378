using SiteGen.Publishing;
using SiteGen.Publishing.Incremental;

namespace SiteGen.Tests.Publishing.Incremental;

/// <summary>Runs the first phases of a build by hand, as <see cref="IncrementalSite"/> does, on a copy of the fixture content.</summary>
internal sealed class PhaseRunner
{
    public PhaseRunner(string? content = null, bool remember = true)
    {
        Content = content ?? SiteFixture.CopyContent();
        Options = new BuildOptions(Content, Path.Combine(Path.GetDirectoryName(Content)!, "public")) { ThemesDir = SiteFixture.ThemesDir, BaseUrl = "https://example.org/", Remember = remember };
    }

    public string Content { get; }

    public BuildOptions Options { get; }

    public LoadPhase Load { get; } = new();

    public LinkPhase Link { get; } = new();

    public PlanPhase Plan { get; } = new();

    /// <summary>The load phase's three steps; null with the run's errors when it stopped.</summary>
    public (BuildRun Run, Loaded? Loaded) Loaded()
    {
        var run = new BuildRun(Options);
        Load.Begin(Options);
        var settings = Load.Settings(run);
        if (settings is null)
        {
            return (run, null);
        }

        var theme = Load.Theme(run, settings);
        return (run, Load.Articles(run, settings, theme));
    }

    /// <summary>Load, link, views and plan.</summary>
    public (BuildRun Run, Loaded Loaded, Linked Linked, Viewed Viewed, Planned Planned) Planned()
    {
        var (run, loaded) = Loaded();
        Assert.True(loaded is not null, string.Join("\n", run.Errors));
        var linked = Link.Run(run, loaded);
        var viewed = Plan.Views(run, loaded, linked);
        return (run, loaded, linked, viewed, PlanPhase.Plan(run, loaded, linked, viewed));
    }
}
