namespace SiteGen.Sources.Mirror;

/// <summary>
/// Epoch Times mirror, old layout (gfw-breaker/banned-news3 and its copies bigcaibao/banned-news,
/// zydd999/banned-news2): absolute GitHub navigation links, emoji promotion rows, a share box with
/// a QR code, a tracking pixel. The mirror carries other outlets too (VOA, Reuters, RFA, NTD, 看中国).
/// </summary>
public sealed class OldLayoutMirrorReader : MirrorReader
{
    public const string FormatName = "epochtimes-mirror";

    public override string Format => FormatName;

    /// <summary>Claims family pages without relative navigation; a newer-layout page scores low here.</summary>
    public override int Sniff(SourceDocument document)
    {
        var signals = MirrorSignals.Of(document.Text);
        return signals.IsNewerLayout ? Math.Min(signals.FamilyScore, 30) : signals.FamilyScore;
    }
}
