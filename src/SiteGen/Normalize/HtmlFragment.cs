using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Normalize;

/// <summary>
/// Parses an HTML fragment into the body of a standards-mode document. One parser per thread: the
/// importer reads files in parallel, and AngleSharp does not document its parser as thread-safe.
/// </summary>
public static class HtmlFragment
{
    [ThreadStatic]
    private static HtmlParser? _parser;

    /// <summary>
    /// Parses the fragment; throws <see cref="Sources.SourceRejectedException"/> when
    /// <see cref="HtmlGuard"/> refuses it (nested too deep, too many elements).
    /// </summary>
    public static IElement ParseBody(string html)
    {
        if (HtmlGuard.Check(html) is { } refused)
        {
            throw new Sources.SourceRejectedException(refused);
        }

        return (_parser ??= new HtmlParser()).ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
    }
}
