using System.Diagnostics;

namespace SiteGen.Cli;

/// <summary>
/// Progress for long work. On an interactive terminal one line is redrawn in place, with the rate
/// and the time left; when output is redirected or <c>CI=true</c>, plain lines (<c>reading 490/2446
/// (20%)</c>) are printed at each tenth of the work instead, so logs stay readable and comparable.
/// </summary>
internal sealed class ConsoleProgress(string verb, string unit = "files") : IProgress<(int Done, int Total)>
{
    private readonly Lock _gate = new();
    private readonly bool _interactive = !Console.IsErrorRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _lastTenth = -1;
    private long _lastDraw;

    public void Report((int Done, int Total) value)
    {
        var (done, total) = value;
        if (total <= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_interactive)
            {
                var now = Environment.TickCount64;
                if (done < total && now - _lastDraw < 100)
                {
                    return;
                }

                _lastDraw = now;
                Console.Error.Write($"\r{verb} {done}/{total} ({done * 100 / total}%){Pace(done, total)}   ");
                if (done == total)
                {
                    Console.Error.WriteLine();
                }
            }
            else
            {
                var tenth = done * 10 / total;
                if (tenth > _lastTenth)
                {
                    _lastTenth = tenth;
                    Console.Error.WriteLine($"{verb} {done}/{total} ({tenth * 10}%)");
                }
            }
        }
    }

    /// <summary><c>, 410 files/s, ETA 3 s</c>: the rate so far and the time the rest takes at it; empty until it means something.</summary>
    private string Pace(int done, int total)
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        if (done == 0 || seconds < 0.2)
        {
            return "";
        }

        var rate = done / seconds;
        var left = done < total ? $", ETA {Eta((total - done) / rate)}" : "";
        return $", {rate:F0} {unit}/s{left}";
    }

    private static string Eta(double seconds) =>
        seconds < 60 ? $"{Math.Ceiling(seconds):F0} s" : $"{(int)(seconds / 60)} min {Math.Ceiling(seconds % 60):F0} s";
}
