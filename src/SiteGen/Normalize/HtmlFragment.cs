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

    public static IElement ParseBody(string html) =>
        (_parser ??= new HtmlParser()).ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
}
