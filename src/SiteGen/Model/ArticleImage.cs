namespace SiteGen.Model;

/// <summary>An article's lead image: address, caption text and credit (photographer/agency).</summary>
public sealed record ArticleImage(string Src, string? Caption = null, string? Credit = null);
