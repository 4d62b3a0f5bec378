using SiteGen.Content;
using SiteGen.Events;

namespace SiteGen.Tests.Content;

public class ParsedFileMemoTests
{
    private const string Event = "id: e1\ndate: 2024-01-02\ntitle_zh: 事件\ntitle_en: An event\n";

    [Fact]
    public void The_same_file_text_gives_the_same_parse_and_a_changed_text_a_new_one()
    {
        var memo = new ParsedFileMemo<EventDefinition>();
        var parses = 0;
        EventDefinition Parse(string text, string path)
        {
            parses++;
            return EventStore.Parse(text, path);
        }

        memo.NextBuild();
        var first = memo.Parse(Event, "events/e1.yml", Parse);
        memo.NextBuild();
        Assert.Same(first, memo.Parse(Event, "events/e1.yml", Parse));
        Assert.Equal(1, parses);

        memo.NextBuild();
        var edited = memo.Parse(Event.Replace("An event", "The event", StringComparison.Ordinal), "events/e1.yml", Parse);
        Assert.Equal("The event", edited.TitleEn);
        Assert.Equal(2, parses);

        // Forgotten after a build that did not read it, and a file that fails throws every time.
        memo.NextBuild();
        memo.NextBuild();
        Assert.NotSame(first, memo.Parse(Event, "events/e1.yml", Parse));
        Assert.Throws<ContentException>(() => memo.Parse("id: [", "events/e1.yml", Parse));
        Assert.Throws<ContentException>(() => memo.Parse("id: [", "events/e1.yml", Parse));
    }

    [Fact]
    public void Event_store_with_a_memo_loads_what_it_loads_without()
    {
        var plain = EventStore.Load(TestPaths.Content);
        var memo = new ParsedFileMemo<EventDefinition>();
        memo.NextBuild();
        EventStore.Load(TestPaths.Content, memo);
        memo.NextBuild();
        var kept = EventStore.Load(TestPaths.Content, memo);
        Assert.NotEmpty(plain.Events);
        Assert.Equal(plain.Events.Select(e => (e.Id, e.Path, e.TitleZh, e.Start, e.End)), kept.Events.Select(e => (e.Id, e.Path, e.TitleZh, e.Start, e.End)));
    }
}
