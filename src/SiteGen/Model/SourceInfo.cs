namespace SiteGen.Model;

/// <summary>
/// Where an article came from: the raw file's path inside the content folder (content-addressed
/// under <c>sources/</c>), the reader format that read it, and the SHA-256 of its bytes.
/// </summary>
public sealed record SourceInfo(string Path, string Format, string Sha256);
