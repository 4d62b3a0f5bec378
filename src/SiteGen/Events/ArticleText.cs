using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Model;
using SiteGen.Normalize;

namespace SiteGen.Events;

/// <summary>
/// The readable text of an article for analysis: its title and the plain text of its body paragraphs,
/// with Markdown markup, images, figure captions and link targets removed. Line breaks between two
/// wide (CJK) characters are dropped, others become a space, so a phrase split across lines in the
/// Markdown is one phrase here.
/// </summary>
public sealed partial class ArticleText
{
    private ArticleText(string title, IReadOnlyList<string> paragraphs, IReadOnlyList<string> headings)
    {
        Title = title;
        Paragraphs = paragraphs;
        Headings = headings;

        // Full is made in one piece, Body cut from it when asked for: most texts are read for their Full only.
        var length = title.Length;
        foreach (var p in paragraphs)
        {
            length += p.Length + 1;
        }

        Full = string.Create(Math.Max(length, title.Length + 1), (title, paragraphs), static (span, state) =>
        {
            state.title.CopyTo(span);
            var at = state.title.Length;
            span[at++] = '\n';
            for (var i = 0; i < state.paragraphs.Count; i++)
            {
                if (i > 0)
                {
                    span[at++] = '\n';
                }

                state.paragraphs[i].CopyTo(span[at..]);
                at += state.paragraphs[i].Length;
            }
        });
    }

    public string Title { get; }

    /// <summary>The body's paragraphs as plain text, in order (headings not included).</summary>
    public IReadOnlyList<string> Paragraphs { get; }

    /// <summary>Section headings of the body, in order.</summary>
    public IReadOnlyList<string> Headings { get; }

    /// <summary>The paragraphs joined with line breaks.</summary>
    public string Body => field ??= Full[(Title.Length + 1)..];

    /// <summary>Title, a line break, then <see cref="Body"/>: what terms and quotes are taken from.</summary>
    public string Full { get; }

    /// <summary>The first paragraph with some substance (at least 20 characters), else the first one.</summary>
    public string Lead => Paragraphs.FirstOrDefault(p => p.Length >= 20) ?? (Paragraphs.Count > 0 ? Paragraphs[0] : "");

    /// <summary>Characters of the body that are not white space.</summary>
    public int Characters
    {
        get
        {
            var count = 0;
            foreach (var c in Full.AsSpan(Title.Length + 1))
            {
                if (!char.IsWhiteSpace(c))
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>Reading length: Han characters plus words in other scripts.</summary>
    public int Words => Tokenizer.Count(Body);

    public static ArticleText From(Article article) => FromMarkdown(article.Title, article.Body);

    public static ArticleText FromMarkdown(string title, string markdown)
    {
        var paragraphs = new List<string>();
        var headings = new List<string>();

        // The lines of the block being read, joined as they come (a line break between two wide
        // characters is dropped, others become a space).
        var block = new StringBuilder();
        var last = '\0';
        var fenced = false;

        void Flush()
        {
            if (block.Length == 0)
            {
                return;
            }

            var text = Inline(block.ToString());
            block.Clear();
            if (text.Length > 0)
            {
                paragraphs.Add(text);
            }
        }

        // Lines are trimmed, so a carriage return before a line break goes with the other white space.
        foreach (var range in markdown.AsSpan().Split('\n'))
        {
            var line = markdown.AsSpan(range).Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                fenced = !fenced;
                continue;
            }

            if (fenced || line.StartsWith("^^^", StringComparison.Ordinal) || (line.StartsWith('!') && ImageLine().IsMatch(line)))
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
                var heading = Inline(line.TrimStart('#').Trim().ToString());
                if (heading.Length > 0)
                {
                    headings.Add(heading);
                }

                continue;
            }

            if (line[0] is '-' or '*' or '+' or '>' || char.IsDigit(line[0]))
            {
                // Only a line starting so can have a list or quote marker.
                line = ListOrQuoteMarker().Replace(line.ToString(), "");
            }

            if (line.Length > 0)
            {
                if (block.Length > 0 && !(Cjk.IsWide(last) && Cjk.IsWide(line[0])))
                {
                    block.Append(' ');
                }

                block.Append(line);
                last = line[^1];
            }
        }

        Flush();
        return new ArticleText(Inline(title), paragraphs, headings);
    }

    // The characters each step of Inline but the last needs to change anything: text without any is only trimmed and its spaces squeezed.
    private static readonly SearchValues<char> Markup = SearchValues.Create("![<*_~\\&");

    private static string Inline(string text)
    {
        if (!text.AsSpan().ContainsAny(Markup))
        {
            return (text.Contains("  ", StringComparison.Ordinal) || text.AsSpan().ContainsAny('\t', '\u00A0') ? Spaces().Replace(text, " ") : text).Trim();
        }

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
