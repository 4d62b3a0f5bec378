namespace SiteGen.Normalize;

/// <summary>Character classes for Chinese text handling (whitespace, language detection).</summary>
public static class Cjk
{
    /// <summary>A Han ideograph (CJK Unified Ideographs, Extension A, Compatibility Ideographs).</summary>
    public static bool IsHan(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>
    /// A character of Chinese/Japanese running text: Han, kana, CJK symbols and punctuation, full-width
    /// forms. Line breaks next to such characters are layout, not spaces (CSS Text's segment-break rule).
    /// </summary>
    public static bool IsWide(char c) =>
        IsHan(c)
        || c is (>= '\u3000' and <= '\u303F') // CJK symbols and punctuation 、。《》「」
        or (>= '\u3040' and <= '\u30FF') // kana
        or (>= '\uFF00' and <= '\uFFEF') // full-width forms （），：
        or (>= '\uFE30' and <= '\uFE4F') // CJK compatibility forms
        or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u2026' or '\u2014' or '\u00B7';
}
