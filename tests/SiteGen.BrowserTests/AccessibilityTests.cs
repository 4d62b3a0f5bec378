using System.Text.Json;
using SiteGen.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace SiteGen.BrowserTests;

/// <summary>axe-core (bundled in Deque.AxeCore.Commons) finds no serious or critical violation on any page kind.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(SiteFixture site, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Cases.EveryPage), MemberType = typeof(Cases))]
    public async Task Axe_finds_no_serious_or_critical_violations(PageKind kind, string lang, string size)
    {
        await using var tab = await site.OpenAsync(Viewport.Named(size));
        await tab.GoAsync(kind, lang);
        await tab.Page.EvaluateExpressionAsync(site.AxeScript);
        var json = await tab.EvalAsync<string>(@"async () => {
            const results = await axe.run(document, { resultTypes: ['violations'] });
            return JSON.stringify(results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' ')) })));
        }");
        using var violations = JsonDocument.Parse(json);
        var all = violations.RootElement.EnumerateArray().Select(v => (
            Id: v.GetProperty("id").GetString()!,
            Impact: v.GetProperty("impact").GetString() ?? "",
            Text: $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}\n    "
                + string.Join("\n    ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))).ToList();
        foreach (var v in all)
        {
            output.WriteLine(v.Text);
        }

        var blocking = all.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, $"{tab.CurrentPath} ({size}): axe-core violations:\n{string.Join("\n", blocking.Select(v => v.Text))}");
        await tab.AssertCleanAsync();
    }
}
