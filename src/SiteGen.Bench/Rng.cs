namespace SiteGen.Bench;

/// <summary>
/// SplitMix64: a tiny seeded generator whose sequence is fixed by this code, not by the runtime
/// (<see cref="Random"/>'s seeded sequence is not promised across .NET versions), so the same seed
/// gives the same archive, byte for byte, everywhere.
/// </summary>
internal sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ result &lt; <paramref name="max"/>.</summary>
    public int Int(int max) => (int)(Next() % (ulong)max);

    public int Int(int min, int maxInclusive) => min + Int(maxInclusive - min + 1);

    /// <summary>0 ≤ result &lt; 1, 53 bits.</summary>
    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => Unit() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(items.Count)];

    /// <summary>A skewed index in [0, count): small indexes are much more likely (popular tags).</summary>
    public int Skewed(int count, double power = 2.5) => Math.Min(count - 1, (int)(Math.Pow(Unit(), power) * count));
}
