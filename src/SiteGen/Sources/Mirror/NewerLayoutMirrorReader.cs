namespace SiteGen.Sources.Mirror;

/// <summary>
/// Epoch Times mirror, newer layout (begood0513/goodnews): navigation links relative to the mirror
/// (<c>](../../README.md?n13895586)</c>), video promotion rows, <c>&lt;h4&gt;</c> sections, and index pages
/// (lists of article links) beside the articles, which are rejected.
/// </summary>
public sealed class NewerLayoutMirrorReader : MirrorReader
{
    public const string FormatName = "epochtimes-mirror-newer";

    public override string Format => FormatName;

    /// <summary>Claims family pages with relative navigation (and index pages); an old-layout page scores low here.</summary>
    public override int Sniff(SourceDocument document)
    {
        var signals = MirrorSignals.Of(document.Text);
        return signals.IsNewerLayout ? signals.FamilyScore : Math.Min(signals.FamilyScore, 30);
    }
}
