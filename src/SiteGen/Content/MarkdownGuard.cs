namespace SiteGen.Content;

/// <summary>
/// A linear pre-scan of an article body before Markdig sees it. Markdig refuses (with an
/// <see cref="ArgumentException"/>) a syntax tree deeper than 128 and spends time on pathological
/// shapes; a body that a person or a script wrote into <c>content/</c> may be either. The scan
/// estimates from above, line by line, how deep the blocks (quotes and lists) and the inlines
/// (brackets and emphasis runs) of each paragraph nest, and how wide a table row is, and refuses
/// the first line past a limit, so the error names the line. The limits and why are in
/// docs/security.md; the build still catches what escapes Markdig at the file's boundary.
/// </summary>
public static class MarkdownGuard
{
    /// <summary>Body size in characters: the longest shipped body is under 5,000; 2 Mi keeps one page and its share of the search index within a few MB.</summary>
    public const int MaxBodyChars = 2 * 1024 * 1024;

    /// <summary>Quotes and lists nested inside each other: articles nest at most 3.</summary>
    public const int MaxBlockDepth = 32;

    /// <summary>Brackets and emphasis open at once in a paragraph: articles open at most 3.</summary>
    public const int MaxInlineDepth = 32;

    /// <summary>Cells in a table row (<c>|</c> on one line): shipped tables have under 10.</summary>
    public const int MaxTableColumns = 256;

    /// <summary>Null when the body is within every limit, else the reason and its 1-based line in the body.</summary>
    public static (string Reason, int Line)? Check(string body)
    {
        if (body.Length > MaxBodyChars)
        {
            return ($"the body is too large ({body.Length:N0} characters; the limit is {MaxBodyChars:N0})", 1);
        }

        var inline = new InlineDepth();
        var counts = new BlockCounts();
        var inFence = false;
        var lineNumber = 0;
        foreach (var range in body.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = body.AsSpan()[range];
            if (IsTopLevelFence(line))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue; // code: no blocks, no inlines
            }

            var (depth, restStart) = BlockPrefix(line);
            var rest = line[restStart..];
            if (depth > MaxBlockDepth)
            {
                return ($"quotes and lists nested deeper than {MaxBlockDepth} levels", lineNumber);
            }

            if (rest.IsWhiteSpace())
            {
                inline = new InlineDepth(); // a blank line ends the paragraph
                continue;
            }

            if (counts.Add(rest, inline.InParagraph) is { } tooMany)
            {
                return (tooMany, lineNumber);
            }

            if (inline.Scan(rest) is { } problem)
            {
                return (problem, lineNumber);
            }
        }

        return null;
    }

    /// <summary>
    /// Headings and link reference definitions in the body. Markdig gives every heading an id unique
    /// in the page by trying <c>a-1</c>, <c>a-2</c>, … in turn, and stores definitions likewise: 100,000
    /// headings <c>a</c> took 74 s, 100,000 definitions 13 s; articles have a few of each.
    /// </summary>
    private sealed class BlockCounts
    {
        public const int MaxHeadings = 1_000;
        public const int MaxDefinitions = 1_000;
        private int _headings;
        private int _definitions;

        public string? Add(ReadOnlySpan<char> rest, bool inParagraph)
        {
            var setext = inParagraph && rest.TrimEnd(' ') is { Length: > 0 } u && (!u.ContainsAnyExcept('=') || !u.ContainsAnyExcept('-'));
            if ((rest.StartsWith('#') || setext) && ++_headings > MaxHeadings)
            {
                return $"more than {MaxHeadings:N0} headings";
            }

            return rest.StartsWith('[') && rest.IndexOf("]:", StringComparison.Ordinal) > 0 && ++_definitions > MaxDefinitions
                ? $"more than {MaxDefinitions:N0} link reference definitions"
                : null;
        }
    }

    /// <summary>A fence (<c>```</c> or <c>~~~</c>) outside any quote or list: what it holds is code, not Markdown.</summary>
    private static bool IsTopLevelFence(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart(' ');
        return line.Length - trimmed.Length <= 3 && (trimmed.StartsWith("```") || trimmed.StartsWith("~~~"));
    }

    /// <summary>
    /// How deep (and where the text starts) the line's quote markers, list markers and indentation can nest it, from above: every
    /// marker one level, and every two columns of white space beyond the one a marker takes another
    /// (a nested list item is indented at least two columns past its parent's).
    /// </summary>
    private static (int Depth, int RestStart) BlockPrefix(ReadOnlySpan<char> line)
    {
        int markers = 0, columns = 0, i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ' || c == '\t')
            {
                columns += c == '\t' ? 4 : 1;
                i++;
            }
            else if (c == '>')
            {
                markers++;
                i++;
            }
            else if (ListMarkerLength(line[i..]) is > 0 and var length)
            {
                markers++;
                i += length;
            }
            else
            {
                break;
            }
        }

        return (markers + (Math.Max(0, columns - markers) / 2), i);
    }

    /// <summary>The length of a list marker (<c>-</c>, <c>*</c>, <c>+</c>, <c>1.</c>, <c>1)</c>) followed by white space or the end of the line; 0 when there is none.</summary>
    private static int ListMarkerLength(ReadOnlySpan<char> s)
    {
        var end = 0;
        if (s[0] is '-' or '*' or '+')
        {
            end = 1;
        }
        else
        {
            while (end < s.Length && end < 9 && char.IsAsciiDigit(s[end]))
            {
                end++;
            }

            if (end == 0 || end >= s.Length || s[end] is not ('.' or ')'))
            {
                return 0;
            }

            end++;
        }

        return end == s.Length || s[end] is ' ' or '\t' ? end : 0;
    }

    /// <summary>
    /// The inlines open at once in a paragraph: unclosed <c>[</c>, and emphasis runs (<c>* _ ~ ^ = +</c>)
    /// that can open and have not been closed by a run of the same character (a run of n opens at
    /// most (n+1)/2 levels: strong takes two), counted when a run closes. Code spans are skipped;
    /// <c>\</c> escapes.
    /// </summary>
    private sealed class InlineDepth
    {
        private const string Delimiters = "*_~^=+";
        /// <summary>Emphasis runs inside words (<c>a*b</c>, <c>x_y</c>) in one paragraph: URLs hold a few.</summary>
        private const int MaxRunsInsideWords = 4 * MaxInlineDepth;

        private readonly int[] _open = new int[Delimiters.Length];
        private int _insideWords;

        /// <summary>
        /// Emphasis left open at once in one paragraph (not closed yet, perhaps never): Markdig keeps every
        /// unclosed run and refuses 100,000 (<c>*a *a *a …</c>); 1,000 it takes in milliseconds.
        /// </summary>
        private const int MaxOpenRuns = 1_000;
        private int _openRuns;
        private int _brackets;

        /// <summary>True once a line of the paragraph has been scanned (a setext underline needs one above).</summary>
        public bool InParagraph { get; private set; }

        public string? Scan(ReadOnlySpan<char> line)
        {
            InParagraph = true;
            var pipes = 0;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '`')
                {
                    i = SkipCodeSpan(line, i);
                }
                else if (c == '|' && ++pipes > MaxTableColumns)
                {
                    return $"a table row wider than {MaxTableColumns} columns";
                }
                else if (c == '[')
                {
                    _brackets++;
                }
                else if (c == ']')
                {
                    _brackets = Math.Max(0, _brackets - 1);
                    i = SkipDestination(line, i);
                }
                else if (c == '<' && line[(i + 1)..].IndexOfAny('>', ' ') is >= 0 and var close && line[i + 1 + close] == '>')
                {
                    i += close + 1; // an autolink or what would be one: no emphasis inside
                }
                else if (Delimiters.IndexOf(c) is >= 0 and var kind)
                {
                    (i, var problem) = Run(line, i, kind);
                    i--;
                    if (problem is not null)
                    {
                        return problem;
                    }
                }

                if (_brackets > MaxInlineDepth)
                {
                    return TooDeep;
                }
            }

            return null;
        }

        private static string TooDeep => $"links and emphasis nested deeper than {MaxInlineDepth} levels";

        /// <summary>
        /// Counts the run of one delimiter starting at <paramref name="start"/>; returns where it ends, and
        /// the problem when it closes emphasis with more than the limit open (runs that open and are never
        /// closed nest nothing: Markdig prints them as they are) or is one run inside a word too many.
        /// </summary>
        private (int End, string? Problem) Run(ReadOnlySpan<char> line, int start, int kind)
        {
            var end = start;
            while (end < line.Length && line[end] == line[start])
            {
                end++;
            }

            if (end - start < 2 && line[start] is '=' or '+')
            {
                return (end, null); // marked and inserted text take two (==, ++): a lone one is text (a=b, 1+2)
            }

            var levels = (end - start + 1) / 2;
            var canClose = start > 0 && !char.IsWhiteSpace(line[start - 1]);
            var canOpen = end < line.Length && !char.IsWhiteSpace(line[end]);

            // Inside a word _ is text (CommonMark), so a_b_c and HTML shown as text do not count.
            if (canClose && canOpen && line[start] != '_' && ++_insideWords > MaxRunsInsideWords)
            {
                return (end, $"more than {MaxRunsInsideWords} emphasis marks inside words in one paragraph");
            }

            if (canClose && _open[kind] > 0)
            {
                if (_brackets + _open.Sum() > MaxInlineDepth)
                {
                    return (end, TooDeep);
                }

                _open[kind] = Math.Max(0, _open[kind] - levels);
                _openRuns = Math.Max(0, _openRuns - 1);
            }
            else if (canOpen && !canClose)
            {
                // Inside a word (a_b, x=1+2) a run does not count as open, so URLs and formulas are not
                // refused; Markdig can still nest such runs (a**a**a**… 20,000 times), hence their own cap.
                _open[kind] += levels;
                if (++_openRuns > MaxOpenRuns)
                {
                    return (end, $"more than {MaxOpenRuns:N0} emphasis runs left open in one paragraph");
                }
            }

            return (end, null);
        }

        /// <summary>After the <c>]</c> at <paramref name="close"/>: the index of the <c>)</c> ending a link destination <c>(…)</c> on the same line, else <paramref name="close"/>.</summary>
        private static int SkipDestination(ReadOnlySpan<char> line, int close)
        {
            if (close + 1 >= line.Length || line[close + 1] != '(')
            {
                return close;
            }

            var end = line[(close + 2)..].IndexOfAny(')', ' ');
            return end >= 0 && line[close + 2 + end] == ')' ? close + 2 + end : close;
        }

        /// <summary>The index of the last backtick of the code span opened at <paramref name="start"/> (a run of n backticks closes at the next run of n), or of the opening run when it is not closed.</summary>
        private static int SkipCodeSpan(ReadOnlySpan<char> line, int start)
        {
            var length = 0;
            while (start + length < line.Length && line[start + length] == '`')
            {
                length++;
            }

            var fence = line.Slice(start, length);
            for (var i = start + length; i < line.Length; i++)
            {
                if (line[i] == '`')
                {
                    var run = 0;
                    while (i + run < line.Length && line[i + run] == '`')
                    {
                        run++;
                    }

                    if (run == fence.Length)
                    {
                        return i + run - 1;
                    }

                    i += run - 1;
                }
            }

            return start + length - 1;
        }
    }
}
