namespace SiteGen.Cli;

/// <summary>
/// Progress for long work. On an interactive terminal one line is redrawn in place; when output is
/// redirected or <c>CI=true</c>, plain lines are printed at each tenth of the work instead, so logs
/// stay readable.
/// </summary>
internal sealed class ConsoleProgress(string verb) : IProgress<(int Done, int Total)>
{
    private readonly Lock _gate = new();
    private readonly bool _interactive = !Console.IsErrorRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

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
                Console.Error.Write($"\r{verb} {done}/{total} ({done * 100 / total}%)   ");
                if (done == total)
                {
                    Console.Error.WriteLine();
                }
            }
            else
            {
                var tenth = done * 10 / total;
                if (tenth != _lastTenth && (tenth > _lastTenth))
                {
                    _lastTenth = tenth;
                    Console.Error.WriteLine($"{verb} {done}/{total} ({tenth * 10}%)");
                }
            }
        }
    }
}
