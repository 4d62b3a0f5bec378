using SiteGen.Content;
using SiteGen.Events;

namespace SiteGen.Tests.Events;

public class EventStoreTests
{
    [Fact]
    public void The_shipped_event_files_all_load()
    {
        var catalog = EventStore.Load(TestPaths.Content);
        Assert.Empty(catalog.Errors);
        Assert.Contains(catalog.Events, e => e.Id == EventArchive.Summit);
        Assert.True(catalog.Events.Count >= 9);
        Assert.All(catalog.Events, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.TitleZh));
            Assert.False(string.IsNullOrWhiteSpace(e.TitleEn));
            Assert.False(string.IsNullOrWhiteSpace(e.SummaryZh));
            Assert.False(string.IsNullOrWhiteSpace(e.SummaryEn));
            Assert.NotNull(e.Match);
        });
    }

    [Fact]
    public void A_date_or_a_range_sets_start_and_end()
    {
        var one = EventStore.Parse("id: x\ndate: 2022-02-04\ntitle_zh: 甲\ntitle_en: A\n", "events/x.yml");
        Assert.Equal(new DateOnly(2022, 2, 4), one.Start);
        Assert.True(one.IsSingleDay);
        Assert.Null(one.Match);
        var range = EventStore.Parse("id: y\nstart: 2018-09-11\nend: 2018-09-17\ntitle_zh: 乙\ntitle_en: B\nmatch: {any: [军演|Vostok], window_days: 1}\n", "events/y.yml");
        Assert.Equal(new DateOnly(2018, 9, 17), range.End);
        Assert.Equal(["军演|Vostok"], range.Match!.Any);
        Assert.Equal(1, range.Match.WindowDays);
    }

    [Theory]
    [InlineData("id: x\ndate: 2022-02-04\ntitle_zh: 甲\ntitle_en: A\ncolour: red\n", 5, "unknown event key 'colour'")]
    [InlineData("id: x\ndate: 4 Feb 2022\ntitle_zh: 甲\ntitle_en: A\n", 2, "'date' must be a date YYYY-MM-DD")]
    [InlineData("id: x\ndate: 2022-02-04\ntitle_zh: 甲\n", 1, "required field 'title_en' is missing")]
    [InlineData("id: x\ndate: 2022-02-04\ntitle_zh: 甲\ntitle_en: A\nmatch:\n  any: 普京\n", 6, "'any' must be a list")]
    [InlineData("id: x\ndate: 2022-02-04\ntitle_zh: 甲\ntitle_en: A\nmatch:\n  window_days: 3\n", 6, "needs keywords")]
    [InlineData("id: Other\ndate: 2022-02-04\ntitle_zh: 甲\ntitle_en: A\n", 1, "must be lowercase ASCII")]
    [InlineData("id: x\nstart: 2022-02-04\nend: 2022-02-01\ntitle_zh: 甲\ntitle_en: A\n", 3, "is before 'start'")]
    [InlineData("id: x\ndate: [2022\n", 3, "malformed event file")]
    public void A_broken_event_file_is_reported_with_file_and_line(string yaml, int line, string reason)
    {
        var e = Assert.Throws<ContentException>(() => EventStore.Parse(yaml, "events/x.yml"));
        Assert.Equal("events/x.yml", e.FilePath);
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_file_does_not_stop_the_others_and_drafts_are_not_loaded()
    {
        var dir = TestPaths.NewTempDir();
        Directory.CreateDirectory(Path.Combine(dir, "events", "drafts"));
        File.WriteAllText(Path.Combine(dir, "events", "good.yml"), "id: good\ndate: 2022-02-04\ntitle_zh: 甲\ntitle_en: A\n");
        File.WriteAllText(Path.Combine(dir, "events", "bad.yml"), "id: bad\ndate: 2022-02-30\ntitle_zh: 甲\ntitle_en: A\n");
        File.WriteAllText(Path.Combine(dir, "events", "drafts", "draft.yml"), "id: draft\ndate: 2022-02-04\ntitle_zh: 甲\ntitle_en: A\n");
        var catalog = EventStore.Load(dir);
        Assert.Equal(["good"], catalog.Events.Select(e => e.Id));
        var error = Assert.Single(catalog.Errors);
        Assert.Equal("events/bad.yml:2: 'date' must be a date YYYY-MM-DD, not '2022-02-30'", error.Message);
    }
}
