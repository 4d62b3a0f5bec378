using SiteGen.Normalize;

namespace SiteGen.Tests.Normalize;

public class CaptionCreditTests
{
    [Theory]
    [InlineData("俄罗斯总统普京到达北京。（路透社）", "俄罗斯总统普京到达北京。", "路透社")]
    [InlineData("中俄两国元首举行会晤 (法国媒体)", "中俄两国元首举行会晤", "法国媒体")]
    [InlineData("People hold placards on Saturday. (Shannon Stapleton/Reuters)", "People hold placards on Saturday.", "Shannon Stapleton/Reuters")]
    [InlineData("Crowds gather (AP)", "Crowds gather", "AP")]
    public void A_trailing_bracket_is_the_credit(string text, string caption, string credit) =>
        Assert.Equal((caption, credit), CaptionCredit.Split(text));

    [Theory]
    [InlineData("中国天津南开医院收住的染疫病人。(2022年12月28日)")]
    [InlineData("马来西亚外长阿卜杜拉（右）")]
    [InlineData("（路透社）")]
    [InlineData("由于对战争担忧加剧，美国就乌克兰问题向俄罗斯发出警告")]
    [InlineData("Text (a (nested) note)")]
    public void Dates_positions_and_captions_without_a_bracket_keep_the_whole_text(string text) =>
        Assert.Equal((text, (string?)null), CaptionCredit.Split(text));
}
