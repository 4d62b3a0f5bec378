namespace SiteGen.Publishing.Incremental;

/// <summary>
/// Times the steps the orchestrator runs, one after the other: the wall time and the bytes allocated
/// (all threads) from the end of one step to the end of the next, under the step's name. These are the
/// figures <c>--timings</c> prints; no phase measures itself.
/// </summary>
internal sealed class PhaseClock(BuildRun run)
{
    private readonly List<KeyValuePair<string, double>> _timings = [];
    private readonly List<KeyValuePair<string, long>> _allocations = [];
    private TimeSpan _lap = run.Clock.Elapsed;
    private long _allocated = GC.GetTotalAllocatedBytes();

    public IReadOnlyList<KeyValuePair<string, double>> Timings => _timings;

    public IReadOnlyList<KeyValuePair<string, long>> Allocations => _allocations;

    /// <summary>Runs one step and records its time and allocation under <paramref name="name"/>.</summary>
    public T Time<T>(string name, Func<T> step)
    {
        var result = step();
        Record(name);
        return result;
    }

    /// <summary>Runs one step that returns nothing and records its time and allocation under <paramref name="name"/>.</summary>
    public void Time(string name, Action step)
    {
        step();
        Record(name);
    }

    /// <summary>Records the time and allocation since the last step under <paramref name="name"/>.</summary>
    public void Record(string name)
    {
        var now = run.Clock.Elapsed;
        _timings.Add(new(name, (now - _lap).TotalMilliseconds));
        _lap = now;

        // Allocation drives the GC's pauses, which land on whatever thread allocates: per step it shows where they come from.
        var allocated = GC.GetTotalAllocatedBytes();
        _allocations.Add(new(name, allocated - _allocated));
        _allocated = allocated;
    }
}
