namespace SiteGen.Normalize;

/// <summary>
/// Splits a photo caption into its text and its credit. Feeds append the credit in brackets at the
/// end: <c>…会晤。（路透社）</c>, <c>中俄两国元首举行会晤 (法国媒体)</c>, <c>… on Saturday. (Shannon
/// Stapleton/Reuters)</c>. A trailing bracket is a credit only when it holds no digit (so a date such
/// as <c>(2022年12月28日)</c> stays in the caption) and is not a position note such as <c>（右）</c>.
/// </summary>
public static class CaptionCredit
{
    /// <summary>Longest bracket text still taken for a credit; longer ones are sentences, not names.</summary>
    public const int MaxCreditLength = 40;

    private const string PositionChars = "左右中上下前后後一二三四五图圖起";

    public static (string Caption, string? Credit) Split(string caption)
    {
        var text = caption.Trim();
        if (text.Length < 3 || text[^1] is not (')' or '）'))
        {
            return (text, null);
        }

        var open = text.LastIndexOfAny(['(', '（']);
        if (open <= 0)
        {
            return (text, null);
        }

        var credit = text[(open + 1)..^1].Trim();
        if (credit.Length == 0 || credit.Length > MaxCreditLength || credit.Any(char.IsDigit)
            || credit.All(c => PositionChars.Contains(c, StringComparison.Ordinal))
            || credit.IndexOfAny([')', '）', '(', '（']) >= 0)
        {
            return (text, null);
        }

        var rest = text[..open].TrimEnd();
        return rest.Length == 0 ? (text, null) : (rest, credit);
    }
}
