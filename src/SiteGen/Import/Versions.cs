using SiteGen.Model;

namespace SiteGen.Import;

/// <summary>
/// Chooses which of several differing copies of one story is the article (docs/import.md, "Versions"):
/// the newest, by the signals of <see cref="VersionTime"/> that every copy has, best first — a
/// page's own time is only compared with another page's time, never with a file's time — then
/// the publication date; a full tie goes to the lowest SHA-256. The choice is a function of the set
/// of copies, so neither input order, thread order nor which import saw a copy first changes it.
/// </summary>
internal static class Versions
{
    /// <summary>One copy of the story: its source, version and text.</summary>
    internal sealed record Copy(SourceInfo Source, VersionTime Version, PublishedDate Published, string Title, string Body);

    /// <summary>The winning copy, and the report's words for why it won over the others.</summary>
    public static (Copy Winner, string Why) Choose(string id, IReadOnlyList<Copy> copies)
    {
        var common = CommonSignals(copies);
        var ranked = copies
            .OrderByDescending(c => c, new NewerFirst(common))
            .ToList();
        var winner = ranked[0];
        var losers = ranked.Skip(1).ToList();
        var edits = Edits(winner, losers);
        var over = string.Join("; ", losers.Select(l => $"{l.Source.Path} ({Describe(l, Decider(winner, l, common))})"));
        var why = $"newer version of {id} ({edits} edited): kept {winner.Source.Path} ({Describe(winner, Decider(winner, losers[0], common))}) over {over}";
        return (winner, why);
    }

    /// <summary>The <see cref="VersionTime"/> signals every copy has, in rank order.</summary>
    private static List<string> CommonSignals(IReadOnlyList<Copy> copies) =>
        copies[0].Version.Signals().Select(s => s.Name)
            .Where(name => copies.All(c => At(c, name) is not null))
            .ToList();

    /// <summary>
    /// A signal to the whole second, as the report shows it: file times of one checkout differ by
    /// milliseconds in the order the files were written, which says nothing about the story.
    /// </summary>
    private static DateTimeOffset? At(Copy copy, string signal) =>
        copy.Version.Signals().First(s => s.Name == signal).At is { } at ? at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond)) : null;

    /// <summary>The first signal on which the winner is newer than <paramref name="loser"/> ("sha256" when nothing tells them apart).</summary>
    private static string Decider(Copy winner, Copy loser, List<string> common)
    {
        foreach (var signal in common)
        {
            if (At(winner, signal) != At(loser, signal))
            {
                return signal;
            }
        }

        return winner.Published.CompareTo(loser.Published) != 0 ? "published" : "sha256";
    }

    private static string Describe(Copy copy, string signal) => signal switch
    {
        "published" => "published " + copy.Published,
        "sha256" => "same version times; the lower SHA-256 " + copy.Source.Sha256[..12],
        _ => signal + " " + VersionTime.Format(At(copy, signal)!.Value),
    };

    /// <summary>What the losers changed against the winner: "title", "text" or "title and text".</summary>
    private static string Edits(Copy winner, IEnumerable<Copy> losers)
    {
        var list = losers.ToList();
        var title = list.Any(l => l.Title != winner.Title);
        var text = list.Any(l => l.Body != winner.Body);
        return title && text ? "title and text" : title ? "title" : "text";
    }

    /// <summary>Newer first on the common signals, then the publication date; then the lower SHA-256 counts as "newer" (a stable tie-break).</summary>
    private sealed class NewerFirst(List<string> common) : IComparer<Copy>
    {
        public int Compare(Copy? x, Copy? y)
        {
            foreach (var signal in common)
            {
                var order = Nullable.Compare(At(x!, signal), At(y!, signal));
                if (order != 0)
                {
                    return order;
                }
            }

            var published = x!.Published.CompareTo(y!.Published);
            return published != 0 ? published : string.CompareOrdinal(y!.Source.Sha256, x.Source.Sha256);
        }
    }
}
