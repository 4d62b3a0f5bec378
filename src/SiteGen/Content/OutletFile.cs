using System.Globalization;
using System.Text;
using SiteGen.Model;

namespace SiteGen.Content;

/// <summary>
/// Writes the file of an outlet the importer made (<c>content/outlets/&lt;id&gt;.yml</c>, with
/// <c>generated: true</c>), in the format a person writes: plain values where YAML allows, quoted
/// where it would misread them. An existing file is never replaced: it is the person's.
/// </summary>
public static class OutletFile
{
    /// <summary>The path of an outlet's file relative to the content folder.</summary>
    public static string RelativePath(string id) => $"outlets/{id}.yml";

    /// <summary>Writes the outlet's file unless one is there; true when it was written.</summary>
    public static bool WriteNew(string contentDir, NewOutlet made)
    {
        var path = Path.Combine(contentDir, RelativePath(made.Outlet.Id));
        if (File.Exists(path))
        {
            return false;
        }

        AtomicFile.WriteAllText(path, Text(made.Outlet, made.Origin));
        return true;
    }

    public static string Text(Outlet outlet, string origin)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Made by sitegen import from {origin}: check the names (and home, lang), then delete\n");
        sb.Append("# the line 'generated: true'. Your edits are kept: the importer never writes this file again.\n");
        Line(sb, "id", outlet.Id);
        Line(sb, "name_zh", outlet.NameZh);
        Line(sb, "name_en", outlet.NameEn);
        if (outlet.Home is not null)
        {
            Line(sb, "home", outlet.Home);
        }

        if (outlet.Domains.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"domains: [{string.Join(", ", outlet.Domains.Select(Scalar))}]\n");
        }

        if (outlet.Bylines.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"bylines: [{string.Join(", ", outlet.Bylines.Select(Scalar))}]\n");
        }

        if (outlet.Lang is not null)
        {
            Line(sb, "lang", outlet.Lang);
        }

        sb.Append("generated: true\n");
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string key, string value) =>
        sb.Append(CultureInfo.InvariantCulture, $"{key}: {Scalar(value)}\n");

    /// <summary>The value as YAML reads it back: plain when nothing in it means something to YAML, else double-quoted.</summary>
    internal static string Scalar(string value)
    {
        var plain = value.Length > 0 && value == value.Trim()
            && !value.Any(c => char.IsControl(c) || "[]{},&*!|>'\"%@`\\".Contains(c, StringComparison.Ordinal))
            && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal)
            && !value.EndsWith(':') && !value.StartsWith('#')
            && !"-?".Contains(value[0], StringComparison.Ordinal)
            && !IsYamlWord(value) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (plain)
        {
            return value;
        }

        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private static bool IsYamlWord(string value) =>
        value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~" or "y" or "n";
}
