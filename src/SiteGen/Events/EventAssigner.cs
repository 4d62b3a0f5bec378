using SiteGen.Model;

namespace SiteGen.Events;

/// <summary>How an article came to be in an event.</summary>
public enum EventMembership
{
    /// <summary>The article's front matter lists the event in <c>events:</c>.</summary>
    FrontMatter,

    /// <summary>The event's match rules picked it.</summary>
    Rule,
}

/// <summary>One article of an event and why it is there.</summary>
public sealed record EventMember(Article Article, EventMembership Via, string Reason);

/// <summary>An event and its articles in timeline order (<see cref="EventTime.Compare"/>).</summary>
public sealed record EventGroup(EventDefinition Event, IReadOnlyList<EventMember> Members)
{
    public IEnumerable<Article> Articles => Members.Select(m => m.Article);
}

/// <summary>
/// Something in the assignment that looks wrong: <c>code</c> is one of <c>outside-window</c> (a
/// front-matter member far from the event's dates), <c>weak-match</c> (a rule match whose keywords
/// are neither in the title nor in the lead paragraph), <c>unknown-event</c> (front matter names an
/// event that does not exist), <c>empty-event</c> (no article).
/// </summary>
public sealed record EventDiagnostic(string EventId, string? ArticleId, string Code, string Message)
{
    public override string ToString() => ArticleId is null ? $"{EventId}: {Code}: {Message}" : $"{EventId}: {ArticleId}: {Code}: {Message}";
}

/// <summary>The result of <see cref="EventAssigner.Assign"/>.</summary>
public sealed class EventAssignment(IReadOnlyList<EventGroup> groups, IReadOnlyList<EventDiagnostic> diagnostics)
{
    private readonly Dictionary<string, EventGroup> _byEvent = groups.ToDictionary(g => g.Event.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byArticle = Index(groups);

    /// <summary>Every event, in order of start date then id, with its members.</summary>
    public IReadOnlyList<EventGroup> Groups { get; } = groups;

    public IReadOnlyList<EventDiagnostic> Diagnostics { get; } = diagnostics;

    public EventGroup? Find(string eventId) => _byEvent.GetValueOrDefault(eventId);

    /// <summary>The ids of the events an article is in, in event order (for links from article pages).</summary>
    public IReadOnlyList<string> EventsOf(string articleId) => _byArticle.TryGetValue(articleId, out var ids) ? ids : [];

    /// <summary>True when the article is in at least one event.</summary>
    public bool IsAssigned(string articleId) => _byArticle.ContainsKey(articleId);

    private static Dictionary<string, List<string>> Index(IReadOnlyList<EventGroup> groups)
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            foreach (var m in g.Members)
            {
                if (!index.TryGetValue(m.Article.Id, out var list))
                {
                    index[m.Article.Id] = list = [];
                }

                list.Add(g.Event.Id);
            }
        }

        return index;
    }
}

/// <summary>
/// Puts articles into events. Front matter wins: <c>events: [id]</c> adds the article whatever the
/// rules say, <c>events: [-id]</c> keeps it out even when a rule matches. Otherwise an event's rules
/// decide (<see cref="EventRules"/>). Articles are sorted by day once and each event looks only at
/// its date window (binary search), so the work grows with articles × events-in-window, not with
/// every pair.
/// </summary>
public static class EventAssigner
{
    public static EventAssignment Assign(IEnumerable<Article> articles, IEnumerable<EventDefinition> events)
    {
        var byDay = articles.OrderBy(a => EventTime.Day(a.Published)).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
        var days = byDay.Select(a => EventTime.Day(a.Published)).ToArray();
        var eventList = events.OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var known = eventList.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var diagnostics = new List<EventDiagnostic>();
        var texts = new Dictionary<string, ArticleText>(StringComparer.Ordinal);
        ArticleText TextOf(Article a)
        {
            if (!texts.TryGetValue(a.Id, out var t))
            {
                texts[a.Id] = t = ArticleText.From(a);
            }

            return t;
        }

        // Front matter: who opts in, who opts out, and names of events that do not exist.
        var optIn = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var optOut = new HashSet<(string Event, string Article)>();
        foreach (var a in byDay.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            foreach (var entry in a.Events)
            {
                var optsOut = entry.StartsWith('-');
                var id = optsOut ? entry[1..].Trim() : entry.Trim();
                if (!known.Contains(id))
                {
                    diagnostics.Add(Unknown(id, a));
                    continue;
                }

                if (optsOut)
                {
                    optOut.Add((id, a.Id));
                }
                else
                {
                    if (!optIn.TryGetValue(id, out var list))
                    {
                        optIn[id] = list = [];
                    }

                    list.Add(a);
                }
            }
        }

        var groups = new List<EventGroup>(eventList.Count);
        foreach (var ev in eventList)
        {
            var members = new Dictionary<string, EventMember>(StringComparer.Ordinal);
            var window = ev.Match?.WindowDays ?? EventRules.DefaultWindowDays;
            var from = ev.Start.AddDays(-window);
            var to = ev.End.AddDays(window);

            foreach (var a in optIn.GetValueOrDefault(ev.Id) ?? [])
            {
                if (optOut.Contains((ev.Id, a.Id)))
                {
                    continue; // listed both ways: the opt-out wins
                }

                members[a.Id] = OptedIn(ev, a, diagnostics);
            }

            if (ev.Match is { } rules)
            {
                var lo = LowerBound(days, from);
                for (var i = lo; i < byDay.Length && days[i] <= to; i++)
                {
                    var a = byDay[i];
                    if (members.ContainsKey(a.Id) || optOut.Contains((ev.Id, a.Id)))
                    {
                        continue;
                    }

                    if (rules.Outlets.Count > 0 && !rules.Outlets.Contains(a.Outlet, StringComparer.Ordinal))
                    {
                        continue;
                    }

                    if (RuleMember(ev, rules, a, TextOf(a), diagnostics) is { } member)
                    {
                        members[a.Id] = member;
                    }
                }
            }

            if (members.Count == 0)
            {
                diagnostics.Add(Empty(ev));
            }

            var ordered = members.Values.ToList();
            ordered.Sort((x, y) => EventTime.Compare(x.Article, y.Article));
            groups.Add(new EventGroup(ev, ordered));
        }

        diagnostics.Sort(DiagnosticOrder);
        return new EventAssignment(groups, diagnostics);
    }

    /// <summary>
    /// The order of <see cref="EventAssignment.Diagnostics"/>: event id, article id, code (ordinal). Two
    /// diagnostics equal in these are equal in all (the message follows from the event and the article).
    /// </summary>
    internal static readonly Comparison<EventDiagnostic> DiagnosticOrder = (x, y) =>
    {
        var c = string.CompareOrdinal(x.EventId, y.EventId);
        c = c != 0 ? c : string.CompareOrdinal(x.ArticleId ?? "", y.ArticleId ?? "");
        return c != 0 ? c : string.CompareOrdinal(x.Code, y.Code);
    };

    /// <summary>The <c>empty-event</c> diagnostic of an event without articles.</summary>
    internal static EventDiagnostic Empty(EventDefinition ev) => new(ev.Id, null, "empty-event", "no article is in this event");

    /// <summary>
    /// One article against one event, as <see cref="Assign"/> decides it (membership of one pair does not
    /// depend on other articles or events): the member, or null, and the pair's diagnostics added to
    /// <paramref name="diagnostics"/>. Front matter naming events that do not exist is <see cref="UnknownEvents"/>.
    /// </summary>
    internal static EventMember? Judge(EventDefinition ev, Article a, Func<Article, ArticleText> textOf, List<EventDiagnostic> diagnostics)
    {
        var optIns = 0;
        foreach (var entry in a.Events)
        {
            var optsOut = entry.StartsWith('-');
            if ((optsOut ? entry[1..].Trim() : entry.Trim()) == ev.Id)
            {
                if (optsOut)
                {
                    return null; // the opt-out wins over opt-ins and rules
                }

                optIns++;
            }
        }

        if (optIns > 0)
        {
            EventMember? member = null;
            for (var i = 0; i < optIns; i++)
            {
                member = OptedIn(ev, a, diagnostics); // an entry listed twice is reported twice, as Assign does
            }

            return member;
        }

        if (ev.Match is not { } rules)
        {
            return null;
        }

        var day = EventTime.Day(a.Published);
        if (day < ev.Start.AddDays(-rules.WindowDays) || day > ev.End.AddDays(rules.WindowDays)
            || (rules.Outlets.Count > 0 && !rules.Outlets.Contains(a.Outlet, StringComparer.Ordinal)))
        {
            return null;
        }

        return RuleMember(ev, rules, a, textOf(a), diagnostics);
    }

    /// <summary>The <c>unknown-event</c> diagnostics of an article's front matter.</summary>
    internal static void UnknownEvents(Article a, IReadOnlySet<string> known, List<EventDiagnostic> diagnostics)
    {
        foreach (var entry in a.Events)
        {
            var id = entry.StartsWith('-') ? entry[1..].Trim() : entry.Trim();
            if (!known.Contains(id))
            {
                diagnostics.Add(Unknown(id, a));
            }
        }
    }

    private static EventDiagnostic Unknown(string id, Article a) =>
        new(id, a.Id, "unknown-event", $"front matter names event '{id}', which has no file in content/events/");

    private static EventMember OptedIn(EventDefinition ev, Article a, List<EventDiagnostic> diagnostics)
    {
        var window = ev.Match?.WindowDays ?? EventRules.DefaultWindowDays;
        var day = EventTime.Day(a.Published);
        if (day < ev.Start.AddDays(-window) || day > ev.End.AddDays(window))
        {
            var distance = day < ev.Start ? ev.Start.DayNumber - day.DayNumber : day.DayNumber - ev.End.DayNumber;
            var side = day < ev.Start ? "before" : "after";
            diagnostics.Add(new EventDiagnostic(ev.Id, a.Id, "outside-window",
                $"published {day:yyyy-MM-dd}, {distance} days {side} the event ({Dates(ev)}), outside its window of {window} days: check the events: entry"));
        }

        return new EventMember(a, EventMembership.FrontMatter, "events: in front matter");
    }

    // An article in the event's window and outlets: a member when the keywords match.
    private static EventMember? RuleMember(EventDefinition ev, EventRules rules, Article a, ArticleText text, List<EventDiagnostic> diagnostics)
    {
        if (!Matches(rules, text.Full, out var found))
        {
            return null;
        }

        var head = text.Title + "\n" + text.Lead;
        if (!found.Any(k => head.Contains(k, StringComparison.OrdinalIgnoreCase)))
        {
            diagnostics.Add(new EventDiagnostic(ev.Id, a.Id, "weak-match",
                $"the rule's keywords ({string.Join(", ", found)}) occur only deep in the text, not in the title or lead: check it is about this event, or opt it out with events: [-{ev.Id}]"));
        }

        return new EventMember(a, EventMembership.Rule, $"rule: {string.Join(", ", found)}");
    }

    /// <summary>
    /// Whether the keyword rules match a text; <paramref name="found"/> lists the spellings that did
    /// (each <c>all</c> keyword's first spelling found, then the <c>any</c> spellings found).
    /// </summary>
    public static bool Matches(EventRules rules, string text, out List<string> found)
    {
        found = [];
        foreach (var keyword in rules.All)
        {
            var hit = Spellings(keyword).FirstOrDefault(s => text.Contains(s, StringComparison.OrdinalIgnoreCase));
            if (hit is null)
            {
                return false;
            }

            found.Add(hit);
        }

        if (rules.Any.Count > 0)
        {
            var hits = rules.Any.SelectMany(Spellings).Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
            if (hits.Count == 0)
            {
                return false;
            }

            found.AddRange(hits);
        }

        return true;
    }

    private static IEnumerable<string> Spellings(string keyword) =>
        keyword.Split('|').Select(s => s.Trim()).Where(s => s.Length > 0);

    private static string Dates(EventDefinition ev) =>
        ev.IsSingleDay ? $"{ev.Start:yyyy-MM-dd}" : $"{ev.Start:yyyy-MM-dd} to {ev.End:yyyy-MM-dd}";

    private static int LowerBound(DateOnly[] days, DateOnly value)
    {
        int lo = 0, hi = days.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (days[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
