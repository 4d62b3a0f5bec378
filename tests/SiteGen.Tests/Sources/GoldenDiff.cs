using System.Text;

namespace SiteGen.Tests.Sources;

/// <summary>
/// Golden files compared byte for byte, with a line diff in the failure message. Set
/// SITEGEN_UPDATE_GOLDEN=1 to (re)write them — then check every new line by hand against its raw
/// file before committing it (a golden is what the raw file says, not what the reader gave).
/// </summary>
public static class GoldenDiff
{
    public static void AssertMatches(string goldenPath, string actual)
    {
        if (Environment.GetEnvironmentVariable("SITEGEN_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual, new UTF8Encoding(false));
        }

        var expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath) : "";
        if (expected != actual)
        {
            Assert.Fail($"{Path.GetFileName(goldenPath)} differs from the reader's output (- golden, + actual):\n{Diff(expected, actual)}");
        }
    }

    /// <summary>A line diff (longest common subsequence of lines), with two lines of context around each change.</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', b[y++]));
            }
            else
            {
                lines.Add(('-', a[x++]));
            }
        }

        var shown = new StringBuilder();
        var lastShown = -1;
        for (var k = 0; k < lines.Count; k++)
        {
            var near = Enumerable.Range(Math.Max(0, k - 2), Math.Min(lines.Count, k + 3) - Math.Max(0, k - 2)).Any(n => lines[n].Mark != ' ');
            if (!near)
            {
                continue;
            }

            if (lastShown >= 0 && k > lastShown + 1)
            {
                shown.Append("  …\n");
            }

            shown.Append(lines[k].Mark).Append(' ').Append(lines[k].Text).Append('\n');
            lastShown = k;
        }

        return shown.ToString();
    }
}
