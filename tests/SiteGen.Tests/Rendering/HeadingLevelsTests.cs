using System.Text.RegularExpressions;
using SiteGen.Rendering;

namespace SiteGen.Tests.Rendering;

/// <summary>Body headings sit under the page's h1 and skip no level (the Nu Html Checker's rule).</summary>
public partial class HeadingLevelsTests
{
    [Theory]
    [InlineData("# a\n\n### b\n\n#### c\n", "2,3,4")]
    [InlineData("### a\n\n### b\n", "2,2")]
    [InlineData("## a\n\n#### b\n\n## c\n\n###### d\n", "2,3,2,3")]
    [InlineData("#### a\n\n## b\n", "2,2")] // the highest heading is h2; going back up is always allowed
    [InlineData("# a\n\n## b\n\n### c\n\n#### d\n\n##### e\n\n###### f\n", "2,3,4,5,6,6")]
    public void Rendered_bodies_start_at_h2_and_never_skip_a_level(string body, string levels)
    {
        var html = MarkdownRenderer.ToHtml(body);
        Assert.Equal(levels, string.Join(",", Heading().Matches(html).Select(m => m.Groups[1].Value)));
    }

    [Fact]
    public void A_body_without_headings_is_left_as_it_is() =>
        Assert.Equal("<p>text</p>\n", MarkdownRenderer.ToHtml("text"));

    [GeneratedRegex("<h([1-6])")]
    private static partial Regex Heading();
}
