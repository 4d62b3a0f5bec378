using System.Globalization;
using SiteGen.Model;

namespace SiteGen.Bench;

/// <summary>What to generate: the number of articles and the seed; the rest is fixed by the issue.</summary>
public sealed record ArchiveSpec(int Articles, ulong Seed = 42)
{
    public int Outlets { get; init; } = 30;

    public int Events { get; init; } = 500;

    /// <summary>No longer used: the tags are the real ones of the pool (<see cref="ArchiveGenerator.Tags"/>), kept for the callers that set it.</summary>
    public int Tags { get; init; } = 2000;

    /// <summary>The first year of the ten years of dates.</summary>
    public int FirstYear { get; init; } = 2015;

    public int Years { get; init; } = 10;
}

/// <summary>One generated article with what the other writers need (its translation partner).</summary>
public sealed record GeneratedArticle(int Index, Article Article, string? TranslatedBy);

/// <summary>
/// An archive drawn from real text (issue 19), deterministic from a seed: 30 outlets (half Chinese, half
/// English, names generated), 500 events spread over ten years (titles from real titles), and N articles
/// recombined from the articles of a <see cref="RealTextPool"/>: article <c>i</c> takes a real title of its
/// language, the paragraph count, tags, authors, editor, lead image caption and summary of one real
/// article (its template), and a body of the template's blocks with up to two spans replaced by runs of
/// blocks from other real articles of its language (1–3 real articles in all). A tag that only one real
/// article carries becomes a new tag of this article alone (the tag plus the article's number), and a
/// shared one is shared within each copy of the pool's size, so the share of one-article tags stays the
/// real share at any N; the most used tags are kept as they are, so popular tags stay popular. About one in ten English articles is a
/// translation of the Chinese article before it. Article <c>i</c> depends only on the seed, the pool and
/// <c>i</c>, so articles are made one at a time (and in parallel).
/// </summary>
public sealed class ArchiveGenerator
{
    private static readonly string[] ZhOutletSuffix = ["日报", "时报", "新闻网", "电视台", "周刊", "通讯社"];
    private static readonly string[] EnOutletSuffix = ["Daily", "Times", "News", "Post", "Weekly", "Herald"];

    /// <summary>An archive from <see cref="RealTextPool.Default"/> (the shared folder found above the current folder or the program).</summary>
    public ArchiveGenerator(ArchiveSpec spec)
        : this(spec, RealTextPool.Default)
    {
    }

    public ArchiveGenerator(ArchiveSpec spec, RealTextPool pool)
    {
        Spec = spec;
        Pool = pool;
        var rng = new Rng(spec.Seed);
        // The languages follow the pool, as the text does: an archive with as many English articles as
        // the pool has English text gets English outlets to match (at least one, so both UIs have an
        // outlet of their own language), the least popular ones (outlets are picked with a skew).
        var zhOutlets = spec.Outlets - Math.Max(1, (int)Math.Round(spec.Outlets * pool.EnglishShare));
        Outlets = Enumerable.Range(1, spec.Outlets).Select(n =>
        {
            var zh = n <= zhOutlets;
            var id = $"outlet{n:D2}";
            var en = $"{id} {EnOutletSuffix[n % EnOutletSuffix.Length]}";
            return new Outlet
            {
                Id = id,
                NameZh = zh ? $"第{ZhNumber(n)}{ZhOutletSuffix[n % ZhOutletSuffix.Length]}" : en + "（中文名）",
                NameEn = en,
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
                TitleZh = Shorten(rng.Pick(pool.Zh.Titles)),
                TitleEn = Shorten(rng.Pick(pool.En.Titles)),
                SummaryZh = rng.Chance(0.7) ? Summary(rng, pool.Zh) : null,
                SummaryEn = rng.Chance(0.7) ? Summary(rng, pool.En) : null,
            };
        }).ToArray();

        Tags = [.. pool.Zh.SharedTags.Concat(pool.En.SharedTags).Distinct(StringComparer.Ordinal)];
    }

    public ArchiveSpec Spec { get; }

    public RealTextPool Pool { get; }

    public IReadOnlyList<Outlet> Outlets { get; }

    public IReadOnlyList<BenchEvent> Events { get; }

    /// <summary>The real tags that articles share (more than one real article carries them), most used first; the other tags of the generated articles are each on one article.</summary>
    public IReadOnlyList<string> Tags { get; }

    private int Days { get; }

    /// <summary>The small facts of article <paramref name="i"/> that its neighbours need.</summary>
    private (Rng Rng, Outlet Outlet, string Lang, string Id) Plan(int i)
    {
        var rng = new Rng(Spec.Seed * 0x100000001B3UL ^ ((ulong)i * 0x9E3779B97F4A7C15UL) ^ 0xA5A5A5A5UL);
        var outlet = Outlets[rng.Skewed(Outlets.Count, 1.6)];
        var lang = rng.Chance(0.97) ? outlet.Lang! : outlet.Lang == "en" ? "zh-Hans" : "en";
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
        var text = Pool.For(lang);
        var translationOf = IsTranslation(i) ? Plan(i - 1).Id : null;
        var translatedBy = IsTranslation(i + 1) ? Plan(i + 1).Id : null;

        var day = rng.Int(Days);
        var date = new DateOnly(Spec.FirstYear, 1, 1).AddDays(day);
        var offset = zh ? TimeSpan.FromHours(8) : rng.Chance(0.5) ? TimeSpan.Zero : TimeSpan.FromHours(-5);
        var published = rng.Chance(0.05)
            ? PublishedDate.FromDate(date.Year, date.Month, date.Day)
            : PublishedDate.FromInstant(new DateTimeOffset(date.Year, date.Month, date.Day, rng.Int(24), rng.Int(60), rng.Int(60), offset));

        // The template: the real article whose shape (length, tags, bylines, image, summary) this one has.
        var template = rng.Pick(text.Articles);
        var real = template.Article;
        var article = new Article
        {
            Id = id,
            Title = rng.Pick(text.Titles),
            Lang = lang,
            Outlet = outlet.Id,
            Published = published,
            Url = $"https://{outlet.Domains[0]}/{date.Year:D4}/{date.Month:D2}/n{i:D6}.html",
        };
        if (zh && rng.Chance(0.5))
        {
            article.TitleEn = rng.Pick(Pool.En.Titles);
        }
        else if (!zh && rng.Chance(0.3))
        {
            article.TitleZh = rng.Pick(Pool.Zh.Titles);
        }

        article.Authors.AddRange(real.Authors);
        article.Editor = real.Editor;
        if (real.Image is { } image)
        {
            article.Image = new ArticleImage($"https://img.example.org/{outlet.Id}/{date.Year:D4}/n{i:D6}.jpg", image.Caption, image.Credit);
        }

        // A real tag of one article becomes this article's own; a shared one is shared within this
        // article's copy of the pool (the tag plus the copy's number, past the first), so the number of
        // tags and the share of one-article tags grow with N as in a real archive; the most used tags
        // stay one tag, so popular tags grow more popular.
        var copy = i / Math.Max(1, text.Articles.Count);
        foreach (var tag in real.Tags)
        {
            var made = text.TagCounts.GetValueOrDefault(tag) == 1 ? Invariant($"{tag} {i}")
                : copy > 0 && !text.PopularTags.Contains(tag) ? Invariant($"{tag} {copy}") : tag;
            if (!article.Tags.Contains(made))
            {
                article.Tags.Add(made);
            }
        }

        if (rng.Chance(0.3))
        {
            var near = (int)((long)day * Events.Count / Days) + rng.Int(-1, 1);
            article.Events.Add(Events[Math.Clamp(near, 0, Events.Count - 1)].Id);
        }

        article.Summary = real.Summary;
        article.TranslationOf = translationOf;
        article.Body = Body(rng, text, template);
        return new GeneratedArticle(i, article, translatedBy);
    }

    /// <summary>
    /// The blocks of <paramref name="template"/> with up to two of its spans (of the thirds, or halves,
    /// after the first) replaced by runs of real blocks from 0–2 more real articles of the language, each
    /// from a random start and no longer than that article: as many blocks as the template, and about
    /// its length, so the archive's length distribution (median and mean) is the real one.
    /// </summary>
    private static string Body(Rng rng, RealTextLanguage text, RealArticle template)
    {
        var count = template.Paragraphs.Count;
        var blocks = template.Paragraphs.ToArray();
        var others = rng.Int(0, 2);
        for (var s = 1; s <= others; s++)
        {
            var from = s * count / (others + 1);
            var span = ((s + 1) * count / (others + 1)) - from;
            var source = rng.Pick(text.Articles);
            var take = Math.Min(span, source.Paragraphs.Count);
            var start = rng.Int(source.Paragraphs.Count - take + 1);
            for (var k = 0; k < take; k++)
            {
                blocks[from + k] = source.Paragraphs[start + k];
            }
        }

        return string.Join("\n\n", blocks);
    }

    /// <summary>A real summary, or a real title when the language has none.</summary>
    private static string Summary(Rng rng, RealTextLanguage text) => rng.Pick(text.Summaries.Count > 0 ? text.Summaries : text.Titles);

    /// <summary>A real title shortened for an event: up to its first clause when that leaves four characters or more, at most 40.</summary>
    internal static string Shorten(string title)
    {
        var cut = title.IndexOfAny(['，', '：', '|', '｜', '—', ':', ',']);
        var s = cut >= 4 ? title[..cut] : title;
        s = s.Length > 40 ? s[..40] : s;
        return s.Trim().TrimEnd('。', '.', '！', '？', '!', '?');
    }

    private static string ZhNumber(int n)
    {
        const string digits = "〇一二三四五六七八九";
        return n < 10 ? digits[n].ToString() : n < 20 ? "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()) : digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
    }

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
