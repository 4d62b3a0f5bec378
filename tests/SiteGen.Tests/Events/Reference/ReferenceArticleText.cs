using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Model;
using SiteGen.Normalize;

namespace SiteGen.Tests.Events.Reference;

/// <summary>
/// Test oracle: <see cref="SiteGen.Events.ArticleText"/> as it was before it was optimized (lines split
/// and joined as strings, every inline rule applied to every paragraph). Kept on purpose: the equivalence
/// tests compare the two.
/// </summary>
internal sealed partial class ReferenceArticleText
{
    private ReferenceArticleText(string title, IReadOnlyList<string> paragraphs, IReadOnlyList<string> headings)
    {
        Title = title;
        Paragraphs = paragraphs;
        Headings = headings;
        Body = string.Join("\n", paragraphs);
        Full = title + "\n" + Body;
    }

    public string Title { get; }

    /// <summary>The body's paragraphs as plain text, in order (headings not included).</summary>
    public IReadOnlyList<string> Paragraphs { get; }

    /// <summary>Section headings of the body, in order.</summary>
    public IReadOnlyList<string> Headings { get; }

    /// <summary>The paragraphs joined with line breaks.</summary>
    public string Body { get; }

    /// <summary>Title, a line break, then <see cref="Body"/>: what terms and quotes are taken from.</summary>
    public string Full { get; }

    /// <summary>The first paragraph with some substance (at least 20 characters), else the first one.</summary>
    public string Lead => Paragraphs.FirstOrDefault(p => p.Length >= 20) ?? (Paragraphs.Count > 0 ? Paragraphs[0] : "");

    /// <summary>Characters of the body that are not white space.</summary>
    public int Characters => Body.Count(c => !char.IsWhiteSpace(c));

    /// <summary>Reading length: Han characters plus words in other scripts.</summary>
    public int Words => ReferenceTokenizer.Tokenize(Body).Count;

    public static ReferenceArticleText From(Article article) => FromMarkdown(article.Title, article.Body);

    public static ReferenceArticleText FromMarkdown(string title, string markdown)
    {
        var paragraphs = new List<string>();
        var headings = new List<string>();
        var block = new List<string>();
        var fenced = false;

        void Flush()
        {
            if (block.Count == 0)
            {
                return;
            }

            var text = Inline(JoinLines(block));
            block.Clear();
            if (text.Length > 0)
            {
                paragraphs.Add(text);
            }
        }

        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                fenced = !fenced;
                continue;
            }

            if (fenced || line.StartsWith("^^^", StringComparison.Ordinal) || ImageLine().IsMatch(line))
            {
                // Code, figure fences and their captions, lone images: not running text.
                Flush();
                continue;
            }

            if (line.Length == 0 || line is "---" or "***" or "___")
            {
                Flush();
                continue;
            }

            if (line.StartsWith('#'))
            {
                Flush();
                var heading = Inline(line.TrimStart('#').Trim());
                if (heading.Length > 0)
                {
                    headings.Add(heading);
                }

                continue;
            }

            line = ListOrQuoteMarker().Replace(line, "");
            block.Add(line);
        }

        Flush();
        return new ReferenceArticleText(Inline(title), paragraphs, headings);
    }

    private static string JoinLines(List<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            if (sb.Length > 0 && line.Length > 0 && !(Cjk.IsWide(sb[^1]) && Cjk.IsWide(line[0])))
            {
                sb.Append(' ');
            }

            sb.Append(line);
        }

        return sb.ToString();
    }

    private static string Inline(string text)
    {
        text = Image().Replace(text, "");
        text = Link().Replace(text, "$1");
        text = AutoLink().Replace(text, "");
        text = Html().Replace(text, "");
        text = Emphasis().Replace(text, "");
        text = Escape().Replace(text, "$1");
        text = text.Replace("&nbsp;", " ", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"^!\[[^\]]*\]\([^)]*\)(\s*!\[[^\]]*\]\([^)]*\))*$")]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<(?:https?|mailto):[^>]*>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex Html();

    [GeneratedRegex(@"(\*{1,3}|_{2,3}|~~)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|>~^])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"^(?:[-*+]\s+|\d+[.)]\s+|>\s?)+")]
    private static partial Regex ListOrQuoteMarker();

    [GeneratedRegex(@"[ \t\u00A0]{2,}")]
    private static partial Regex Spaces();
}
