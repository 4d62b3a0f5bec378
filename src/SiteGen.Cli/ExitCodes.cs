namespace SiteGen.Cli;

/// <summary>
/// Exit codes of every sitegen command (documented in the README):
/// 0 success; 1 the work finished but found errors in the content (a broken link, a bad article);
/// 2 usage error (unknown option, missing argument, a path that does not exist);
/// 3 an I/O or internal failure stopped the work (nothing half-written is left in place);
/// 4 the preview server could not bind its port; 130 interrupted by Ctrl+C.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;
    public const int Failure = 3;
    public const int PortInUse = 4;
    public const int Interrupted = 130;
}
