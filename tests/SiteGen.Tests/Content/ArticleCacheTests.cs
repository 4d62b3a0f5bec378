using System.Text;
using SiteGen.Content;

namespace SiteGen.Tests.Content;

public class ArticleCacheTests
{
    private static string ReadLikeFile(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Article_bytes_decode_as_File_ReadAllText_decodes_them()
    {
        // Valid and broken UTF-8 (truncated, overlong, surrogate and stray continuation bytes) at
        // every offset around the reader's buffer sizes, and the byte order marks it recognizes.
        var random = new Random(11);
        byte[][] pieces =
        [
            "a"u8.ToArray(), "正文"u8.ToArray(), "😀"u8.ToArray(), "\r\n"u8.ToArray(),
            [0xE6], [0xE6, 0xAD], [0x80], [0xBF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE], [0x00],
        ];
        byte[][] heads = [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF], [0xEF, 0xBB], [0xFE], [0x00]];
        for (var n = 0; n < 3000; n++)
        {
            var bytes = new List<byte>(heads[random.Next(heads.Length)]);
            var length = random.Next(n % 3 == 0 ? 5000 : 60);
            while (bytes.Count < length)
            {
                bytes.AddRange(pieces[random.Next(pieces.Length)]);
            }

            var array = bytes.ToArray();
            Assert.Equal(ReadLikeFile(array), ArticleCache.ReadText(array));
        }

        Assert.Equal("", ArticleCache.ReadText([]));
    }

    [Fact]
    public void A_cache_gives_the_same_articles_and_errors_as_a_plain_load_and_keeps_unchanged_files()
    {
        var content = TestPaths.NewTempDir();
        var dir = Path.Combine(content, "articles", "dw", "2022");
        Directory.CreateDirectory(dir);
        for (var i = 0; i < 40; i++)
        {
            File.WriteAllText(Path.Combine(dir, $"a{i}.md"), $"---\nid: dw-a{i}\ntitle: 标题{i}\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04\n---\n\n正文{i}。\n");
        }

        File.WriteAllText(Path.Combine(dir, "bad.md"), "---\nid: dw-bad\ntitle: [\n---\n\n正文。\n");
        File.WriteAllText(Path.Combine(dir, "twin.md"), "---\nid: dw-a1\ntitle: 又\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04\n---\n\n正文。\n");

        File.WriteAllText(Path.Combine(dir, "empty.md"), "");
        File.WriteAllText(Path.Combine(dir, "utf16.md"), "---\nid: dw-u16\ntitle: 标题\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04\n---\n\n正文。\n", Encoding.Unicode);
        File.WriteAllText(Path.Combine(dir, "bom.md"), "---\nid: dw-bom\ntitle: 标题\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04\n---\n\n正文。\n", new UTF8Encoding(true));

        var cache = new ArticleCache();
        var plain = ArticleStore.Open(content);
        var cached = ArticleStore.Open(content, cache);
        Assert.Equal(plain.Articles.Select(a => (a.RelativePath, a.Article.Id, a.Article.Title, a.Article.Body)), cached.Articles.Select(a => (a.RelativePath, a.Article.Id, a.Article.Title, a.Article.Body)));
        Assert.All(cached.Articles, a => Assert.Null(a.Text)); // a build never reads the text: not kept
        Assert.Equal(plain.Errors.Select(e => e.Message), cached.Errors.Select(e => e.Message));
        Assert.Equal(45, cache.TakeParsed().Count);
        Assert.NotNull(cached.Find("dw-u16"));
        Assert.NotNull(cached.Find("dw-bom"));

        File.WriteAllText(Path.Combine(dir, "a3.md"), "---\nid: dw-a3\ntitle: 改\nlang: zh-Hans\noutlet: dw\npublished: 2022-02-04\n---\n\n改。\n");
        File.Delete(Path.Combine(dir, "a4.md"));
        var again = ArticleStore.Open(content, cache);
        Assert.Equal(["articles/dw/2022/a3.md"], cache.TakeParsed());
        Assert.Same(cached.Find("dw-a5"), again.Find("dw-a5"));
        Assert.Equal("改。", again.Find("dw-a3")!.Article.Body);
        Assert.Null(again.Find("dw-a4"));
        Assert.Equal(ArticleStore.Open(content).Errors.Select(e => e.Message), again.Errors.Select(e => e.Message));
    }
}
