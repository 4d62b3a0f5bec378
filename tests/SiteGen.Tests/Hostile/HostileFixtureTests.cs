using SiteGen.Content;
using SiteGen.Import;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// The committed hostile fixtures (Fixtures/hostile/, one file per case): each is imported on its
/// own into an empty archive and is either read right — and then passes every safety invariant — or
/// rejected with its path and a reason that names the problem (and the line, for front matter).
/// Never an exception, never a hang; `sitegen check` is clean afterwards either way.
/// </summary>
public class HostileFixtureTests
{
    /// <summary>File name → null when it must import, else a part of the rejection reason.</summary>
    public static readonly TheoryData<string, string?> Cases = new()
    {
        { "big5-mirror-no-bom.txt", null },
        { "binary.png", "binary file" },
        { "bom-only.txt", "no reader recognizes" },
        { "date-feb-30.md", "not an ISO 8601 date" },
        { "date-offset-overflow.md", "not an ISO 8601 date" },
        { "date-year-0.md", "not an ISO 8601 date" },
        { "date-year-99999.md", "not an ISO 8601 date" },
        { "empty-title-whitespace.md", "required field 'title'" },
        { "empty-title.md", "required field 'title'" },
        { "gb18030-rss-no-bom.txt", null },
        { "hexo-author-unknown-outlet.txt", "unknown outlet byline" },
        { "hexo-billion-laughs.txt", "anchors and aliases" },
        { "hexo-date-feb-30.txt", "'date' is missing" },
        { "hexo-duplicate-keys.txt", null },
        { "hexo-empty-title.txt", "the front matter has no 'title'" },
        { "hexo-injection.txt", null },
        { "hexo-title-traversal.txt", null },
        { "invalid-utf8.txt", "bad encoding" },
        { "mirror-empty-title.txt", "no reader recognizes" },
        { "mirror-injection.txt", null },
        { "mirror-tag-traversal.txt", null },
        { "mirror-url-dot-segments.txt", "no publication date" },
        { "mirror-url-lookalike.txt", null },
        { "mirror-url-reserved-name.txt", null },
        { "mirror-url-traversal.txt", null },
        { "normalized-data-image-src.md", "is not an http(s) address" },
        { "normalized-data-image.md", "the body holds a link or image to 'data:" },
        { "normalized-entity-javascript-link.md", "the body holds a link or image to 'javascript:" },
        { "normalized-event-traversal.md", "'events'" },
        { "normalized-html-comment-body.md", "the body holds raw HTML" },
        { "normalized-html-in-text-fields.md", null },
        { "normalized-id-absolute.md", "'id'" },
        { "normalized-id-backslash.md", "'id'" },
        { "normalized-id-dotdot.md", "'id'" },
        { "normalized-id-drive.md", "'id'" },
        { "normalized-id-fullwidth-slash.md", "'id'" },
        { "normalized-id-lookalike-dots.md", "'id'" },
        { "normalized-id-nul.md", "'id'" },
        { "normalized-id-reserved-con.md", "'id'" },
        { "normalized-id-too-long.md", "'id'" },
        { "normalized-id-uppercase.md", "'id'" },
        { "normalized-id-wrong-outlet.md", "'id'" },
        { "normalized-javascript-link.md", "the body holds a link or image to 'javascript:" },
        { "normalized-javascript-mirror.md", "is not an http(s) address" },
        { "normalized-javascript-reference.md", "the body holds a link or image to 'javascript:" },
        { "normalized-javascript-url-field.md", "is not an http(s) address" },
        { "normalized-lang-attribute-break.md", "'lang'" },
        { "normalized-outlet-absolute.md", "'outlet'" },
        { "normalized-outlet-dotdot.md", "'outlet'" },
        { "normalized-outlet-lookalike.md", "'outlet'" },
        { "normalized-outlet-reserved.md", "'outlet'" },
        { "normalized-raw-html-body.md", "the body holds raw HTML" },
        { "normalized-source-absolute.md", "'source' must name a kept raw file" },
        { "normalized-source-traversal.md", "'source' must name a kept raw file" },
        { "normalized-translation-of-traversal.md", "'translation_of'" },
        { "normalized-vbscript-autolink.md", "the body holds an autolink to 'vbscript:" },
        { "nul-bytes.md", "binary file" },
        { "rss-data-title-link.txt", "no reader recognizes" },
        { "rss-date-year-99999.txt", "is not an RFC 1123 or ISO 8601 date" },
        { "rss-empty-title.txt", "'title' is empty" },
        { "rss-injection-lead-image.txt", null },
        { "rss-injection.txt", null },
        { "rss-javascript-title-link.txt", "no reader recognizes" },
        { "rss-title-only-escapes.txt", null },
        { "rss-url-drive-letter.txt", null },
        { "rss-url-nul.txt", null },
        { "utf16be-bom.md", null },
        { "utf16be-no-bom.md", "binary file" },
        { "utf16le-bom-odd-length.md", "bad encoding" },
        { "utf16le-bom.md", null },
        { "utf16le-no-bom.md", "binary file" },
        { "utf8-bom-normalized.md", null },
        { "yaml-alias-in-known-field.md", "anchors and aliases" },
        { "yaml-billion-laughs.md", "anchors and aliases" },
        { "yaml-custom-tags.md", "unresolved tag" },
        { "yaml-duplicate-keys.md", "duplicate key" },
        { "yaml-escaped-nul-in-title.md", "'title' holds the character U+0000" },
        { "yaml-lone-surrogate.md", "invalid Unicode surrogates" },
        { "yaml-published-a-list.md", "'published' has the wrong type" },
        { "yaml-tags-not-a-list.md", "'tags' has the wrong type" },
        { "yaml-title-a-mapping.md", "'title' has the wrong type" },
        { "yaml-two-documents.md", null },
        { "yaml-unclosed.md", "no reader recognizes" },
        { "yaml-unknown-key.md", "unknown key 'layout'" },
        { "zero-byte.txt", "empty file" },
    };

    [Fact]
    public void Every_fixture_file_has_an_expectation_and_every_expectation_a_file()
    {
        var files = Directory.GetFiles(HostileKit.Dir).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var named = Cases.Select(c => (string)c[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(named, files);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_hostile_file_is_read_right_or_rejected_with_its_path_and_reason(string name, string? rejection)
    {
        var (content, inbox) = HostileKit.NewWorkspace();
        var file = Path.Combine(inbox, name);
        File.Copy(Path.Combine(HostileKit.Dir, name), file);

        var result = await Task.Run(() => HostileKit.Import(content, inbox)).WaitAsync(TimeSpan.FromSeconds(20));
        var entry = Assert.Single(result.Entries);

        Assert.Equal(file, entry.Path);
        if (rejection is null)
        {
            Assert.True(entry.Status == ImportStatus.Imported, $"{name}: {entry.Status} {entry.Reason}");
            var written = File.ReadAllText(Path.Combine(content, entry.Article!));
            var article = ArticleFile.Parse(written);
            HostileKit.AssertSafe(article, content);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(content, article.Source!.Path)));
        }
        else
        {
            Assert.Equal(ImportStatus.Rejected, entry.Status);
            Assert.Contains(rejection, entry.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", entry.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", entry.Reason, StringComparison.Ordinal);
            if (entry.Format is "sitegen" or "hexo")
            {
                Assert.True(entry.Line > 0, $"{name}: no line for '{entry.Reason}'");
            }

            Assert.False(Directory.Exists(Path.Combine(content, "articles")), $"{name}: an article was written");
        }

        HostileKit.AssertCheckClean(content);
    }
}
