using System.Globalization;
using System.Text;
using SiteGen.Model;

namespace SiteGen.Bench;

/// <summary>What to generate: the number of articles and the seed; the rest is fixed by the issue.</summary>
public sealed record ArchiveSpec(int Articles, ulong Seed = 42)
{
    public int Outlets { get; init; } = 30;

    public int Events { get; init; } = 500;

    public int Tags { get; init; } = 2000;

    /// <summary>The first year of the ten years of dates.</summary>
    public int FirstYear { get; init; } = 2015;

    public int Years { get; init; } = 10;
}

/// <summary>One generated article with what the other writers need (its translation partner).</summary>
public sealed record GeneratedArticle(int Index, Article Article, string? TranslatedBy);

/// <summary>
/// A realistic archive, deterministic from a seed: 30 outlets (half Chinese, half English), 500 events
/// spread over ten years, 2,000 tags (Chinese and English, used with a skewed popularity), and N
/// articles whose bodies are 1–4 KB of UTF-8 with headings, images, quotes, bold text and links; about
/// one in ten English articles is a translation of the Chinese article before it. Article <c>i</c>
/// depends only on the seed and <c>i</c>, so articles are made one at a time (and in parallel).
/// </summary>
public sealed class ArchiveGenerator
{
    private static readonly string[] ZhOutletSuffix = ["日报", "时报", "新闻网", "电视台", "周刊", "通讯社"];
    private static readonly string[] EnOutletSuffix = ["Daily", "Times", "News", "Post", "Weekly", "Herald"];

    public ArchiveGenerator(ArchiveSpec spec)
    {
        Spec = spec;
        var rng = new Rng(spec.Seed);
        Outlets = Enumerable.Range(1, spec.Outlets).Select(n =>
        {
            var zh = n <= (spec.Outlets + 1) / 2;
            var word = zh ? Words.Zh[(n * 7) % Words.Zh.Length] : Capital(Words.En[(n * 11) % Words.En.Length]);
            var id = $"outlet{n:D2}";
            return new Outlet
            {
                Id = id,
                NameZh = zh ? word + ZhOutletSuffix[n % ZhOutletSuffix.Length] : word + EnOutletSuffix[n % EnOutletSuffix.Length] + "（中文名）",
                NameEn = zh ? $"{id} {EnOutletSuffix[n % EnOutletSuffix.Length]}" : $"{word} {EnOutletSuffix[n % EnOutletSuffix.Length]}",
                Home = $"https://{id}.example.com/",
                Domains = [$"{id}.example.com"],
                Bylines = [id],
                Lang = zh ? "zh-Hans" : "en",
            };
        }).ToArray();

        var start = new DateOnly(spec.FirstYear, 1, 1);
        var days = new DateOnly(spec.FirstYear + spec.Years, 1, 1).DayNumber - start.DayNumber;
        Days = days;
        Events = Enumerable.Range(0, spec.Events).Select(e =>
        {
            var date = start.AddDays((int)((e + rng.Unit()) * days / spec.Events));
            var end = rng.Chance(0.3) ? date.AddDays(rng.Int(1, 4)) : (DateOnly?)null;
            return new BenchEvent
            {
                Id = $"event-{e:D3}",
                Date = date,
                End = end,
                TitleZh = ZhSentence(rng, 4, 7, "").TrimEnd('。'),
                TitleEn = EnSentence(rng, 5, 9).TrimEnd('.'),
                SummaryZh = rng.Chance(0.7) ? ZhSentence(rng, 10, 20, "") : null,
                SummaryEn = rng.Chance(0.7) ? EnSentence(rng, 12, 24) : null,
            };
        }).ToArray();

        var tags = new List<string>(spec.Tags);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (tags.Count < spec.Tags)
        {
            var tag = tags.Count % 2 == 0
                ? rng.Pick(Words.Zh) + rng.Pick(Words.Zh) + (rng.Chance(0.3) ? rng.Pick(Words.Zh) : "")
                : Capital(rng.Pick(Words.En)) + " " + Capital(rng.Pick(Words.En)) + (rng.Chance(0.3) ? " " + Capital(rng.Pick(Words.En)) : "");
            if (seen.Add(SiteGen.Link.Slugs.Tag(tag)))
            {
                tags.Add(tag);
            }
        }

        Tags = tags;
    }

    public ArchiveSpec Spec { get; }

    public IReadOnlyList<Outlet> Outlets { get; }

    public IReadOnlyList<BenchEvent> Events { get; }

    public IReadOnlyList<string> Tags { get; }

    private int Days { get; }

    /// <summary>The small facts of article <paramref name="i"/> that its neighbours need.</summary>
    private (Rng Rng, Outlet Outlet, string Lang, string Id) Plan(int i)
    {
        var rng = new Rng(Spec.Seed * 0x100000001B3UL ^ ((ulong)i * 0x9E3779B97F4A7C15UL) ^ 0xA5A5A5A5UL);
        var outlet = Outlets[rng.Skewed(Outlets.Count, 1.6)];
        var lang = rng.Chance(0.9) ? outlet.Lang! : outlet.Lang == "en" ? "zh-Hans" : "en";
        return (rng, outlet, lang, $"{outlet.Id}-n{i:D6}");
    }

    /// <summary>True when article <paramref name="i"/> is the translation of article <c>i - 1</c>.</summary>
    private bool IsTranslation(int i) =>
        i > 0 && i < Spec.Articles && Plan(i).Lang == "en" && Plan(i - 1).Lang != "en"
        && new Rng(Spec.Seed ^ ((ulong)i * 0xD1B54A32D192ED03UL)).Chance(0.25);

    public GeneratedArticle Article(int i)
    {
        var (rng, outlet, lang, id) = Plan(i);
        var zh = lang != "en";
        var translationOf = IsTranslation(i) ? Plan(i - 1).Id : null;
        var translatedBy = IsTranslation(i + 1) ? Plan(i + 1).Id : null;

        var day = rng.Int(Days);
        var date = new DateOnly(Spec.FirstYear, 1, 1).AddDays(day);
        var offset = zh ? TimeSpan.FromHours(8) : rng.Chance(0.5) ? TimeSpan.Zero : TimeSpan.FromHours(-5);
        var published = rng.Chance(0.05)
            ? PublishedDate.FromDate(date.Year, date.Month, date.Day)
            : PublishedDate.FromInstant(new DateTimeOffset(date.Year, date.Month, date.Day, rng.Int(24), rng.Int(60), rng.Int(60), offset));

        var title = zh ? ZhSentence(rng, 5, 10, "").TrimEnd('。') : EnSentence(rng, 6, 12).TrimEnd('.');
        var article = new Article
        {
            Id = id,
            Title = title,
            Lang = lang,
            Outlet = outlet.Id,
            Published = published,
            Url = $"https://{outlet.Domains[0]}/{date.Year:D4}/{date.Month:D2}/n{i:D6}.html",
        };
        if (zh && rng.Chance(0.5))
        {
            article.TitleEn = EnSentence(rng, 6, 12).TrimEnd('.');
        }
        else if (!zh && rng.Chance(0.3))
        {
            article.TitleZh = ZhSentence(rng, 5, 10, "").TrimEnd('。');
        }

        for (var n = rng.Int(3); n > 0; n--)
        {
            article.Authors.Add(zh ? rng.Pick(Words.ZhNames) : rng.Pick(Words.EnNames));
        }

        if (rng.Chance(0.3))
        {
            article.Editor = zh ? rng.Pick(Words.ZhNames) : rng.Pick(Words.EnNames);
        }

        if (rng.Chance(0.6))
        {
            article.Image = new ArticleImage(
                $"https://img.example.org/{outlet.Id}/{date.Year:D4}/n{i:D6}.jpg",
                zh ? ZhSentence(rng, 4, 9, "").TrimEnd('。') : EnSentence(rng, 5, 10),
                rng.Chance(0.5) ? rng.Pick(Words.Agencies) : null);
        }

        for (var n = rng.Int(2, 5); n > 0; n--)
        {
            var tag = Tags[rng.Skewed(Tags.Count)];
            if (!article.Tags.Contains(tag))
            {
                article.Tags.Add(tag);
            }
        }

        if (rng.Chance(0.3))
        {
            var near = (int)((long)day * Events.Count / Days) + rng.Int(-1, 1);
            article.Events.Add(Events[Math.Clamp(near, 0, Events.Count - 1)].Id);
        }

        if (rng.Chance(0.5))
        {
            article.Summary = zh ? ZhSentence(rng, 10, 24, "") : EnSentence(rng, 14, 30);
        }

        article.TranslationOf = translationOf;
        article.Body = Body(rng, zh, outlet.Id, i);
        return new GeneratedArticle(i, article, translatedBy);
    }

    /// <summary>A body of 1–4 KB (UTF-8): paragraphs, <c>##</c> headings, images, block quotes, bold and links.</summary>
    private static string Body(Rng rng, bool zh, string outlet, int i)
    {
        var target = rng.Int(1024, 4096);
        var sb = new StringBuilder(target);
        var bytes = 0;
        var block = 0;
        void Add(string text)
        {
            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            sb.Append(text);
            bytes += Encoding.UTF8.GetByteCount(text) + 2;
        }

        while (bytes < target)
        {
            block++;
            if (block > 1 && block % 4 == 1)
            {
                Add("## " + (zh ? ZhSentence(rng, 3, 6, "").TrimEnd('。') : EnSentence(rng, 3, 7).TrimEnd('.')));
            }
            else if (block > 1 && rng.Chance(0.12))
            {
                var caption = zh ? ZhSentence(rng, 3, 7, "").TrimEnd('。') : EnSentence(rng, 4, 8).TrimEnd('.');
                Add($"![{caption}](https://img.example.org/{outlet}/body/n{i:D6}-{block}.jpg)");
            }
            else if (block > 1 && rng.Chance(0.15))
            {
                Add("> " + (zh ? "“" + ZhSentence(rng, 8, 18, "") + "”" : "\"" + EnSentence(rng, 10, 20) + "\""));
            }
            else
            {
                var p = new StringBuilder();
                for (var s = rng.Int(2, 5); s > 0; s--)
                {
                    var sentence = zh ? ZhSentence(rng, 6, 16, "") : EnSentence(rng, 8, 20) + " ";
                    if (rng.Chance(0.08))
                    {
                        sentence = zh ? "**" + sentence + "**" : "**" + sentence.TrimEnd() + "** ";
                    }
                    else if (rng.Chance(0.05))
                    {
                        sentence = $"[{sentence.TrimEnd()}](https://{outlet}.example.com/related/{rng.Int(100000)}.html)" + (zh ? "" : " ");
                    }

                    p.Append(sentence);
                }

                Add(p.ToString().TrimEnd());
            }
        }

        return sb.ToString();
    }

    private static string ZhSentence(Rng rng, int min, int max, string prefix)
    {
        var sb = new StringBuilder(prefix);
        var n = rng.Int(min, max);
        for (var w = 0; w < n; w++)
        {
            sb.Append(rng.Pick(Words.Zh));
            if (w + 1 < n && w % 5 == 4)
            {
                sb.Append('，');
            }
        }

        return sb.Append('。').ToString();
    }

    private static string EnSentence(Rng rng, int min, int max)
    {
        var n = rng.Int(min, max);
        var sb = new StringBuilder();
        for (var w = 0; w < n; w++)
        {
            var word = rng.Pick(Words.En);
            sb.Append(w == 0 ? Capital(word) : word);
            sb.Append(w + 1 < n ? (w % 9 == 8 ? ", " : " ") : ".");
        }

        return sb.ToString();
    }

    private static string Capital(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A generated event: what the archive writer puts in <c>events/&lt;id&gt;.yml</c> and the Hugo site's data.</summary>
public sealed class BenchEvent
{
    public required string Id { get; init; }

    public DateOnly? Date { get; init; }

    public DateOnly? End { get; init; }

    public string? TitleZh { get; init; }

    public string? TitleEn { get; init; }

    public string? SummaryZh { get; init; }

    public string? SummaryEn { get; init; }
}
