using CsCheck;
using SiteGen.Link;
using SiteGen.Normalize;
using SiteGen.Publishing;
using SiteGen.Tests.Cli;
using Xunit.Abstractions;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// "No path escape" on the build side: <c>--out</c> can never be something the build would destroy,
/// and no id, tag, outlet or event makes the build write outside its output folder.
/// </summary>
public class BuildPathTests(ITestOutputHelper output)
{
    /// <summary>A workspace laid out like the repository: content/, themes/, docs/ with a file, a link to content.</summary>
    private static string Workspace()
    {
        var content = SiteFixture.CopyContent();
        var root = Path.GetDirectoryName(content)!;
        var theme = Path.Combine(TestPaths.RepoRoot, "themes", "default");
        foreach (var file in Directory.EnumerateFiles(theme, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(root, "themes", "default", Path.GetRelativePath(theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        Directory.CreateDirectory(Path.Combine(root, "docs"));
        File.WriteAllText(Path.Combine(root, "docs", "notes.md"), "the archivist's notes");
        Directory.CreateSymbolicLink(Path.Combine(root, "content-link"), content);
        return root;
    }

    public static readonly TheoryData<string, string> RefusedOutputs = new()
    {
        { "/", "file system root" },
        { "{root}/content", "is the content folder" },
        { "{root}", "holds the content folder" },
        { "{root}/content/..", "holds the content folder" },
        { "{root}/content/public", "inside the content folder" },
        { "{root}/content/articles", "inside the content folder" },
        { "{root}/content-link", "is the content folder" },
        { "{root}/content-link/public", "inside the content folder" },
        { "{root}/themes", "no site built by sitegen" },
        { "{root}/themes/default/public", "theme folder" },
        { "{root}/docs", "no site built by sitegen" },
        { "{root}/docs/notes.md", "is a file" },
    };

    [Theory]
    [MemberData(nameof(RefusedOutputs))]
    public void Out_that_the_build_would_destroy_is_refused_with_a_clear_error(string outTemplate, string reason)
    {
        var root = Workspace();
        var content = Path.Combine(root, "content");
        var outDir = outTemplate.Replace("{root}", root, StringComparison.Ordinal);
        var before = SiteFixture.Snapshot(root);

        var (code, stdout, stderr) = CliRunner.Run("build", "--content", content, "--out", outDir);

        // The theme folder is only known once site.yml is read: the library refuses it (exit 1).
        Assert.True(code == (reason == "theme folder" ? 1 : 2), $"exit {code}: {stderr}");
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("build failed", StringComparison.Ordinal) && !System.Text.RegularExpressions.Regex.IsMatch(l, @"^\w+ \d+/\d+ \(\d+%\)$")).ToArray(); // progress lines aside
        Assert.True(lines.Length == 1, stderr);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(reason, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.Equal(before.Keys, SiteFixture.Snapshot(root).Keys);
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllBytes(Path.Combine(root, kv.Key))));
        Assert.Empty(Directory.GetDirectories(root, ".*", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_library_refuses_the_same_outputs()
    {
        var root = Workspace();
        var content = Path.Combine(root, "content");
        foreach (var outDir in new[] { "/", content, root, Path.Combine(content, "x"), Path.Combine(root, "docs"), Path.Combine(root, "themes") })
        {
            var result = SiteBuilder.Build(new BuildOptions(content, outDir));
            Assert.False(result.Succeeded, outDir);
            Assert.Contains(result.Errors, e => e.Contains("refusing", StringComparison.Ordinal));
        }

        // An empty folder, a new one, and a previous build are fine.
        Directory.CreateDirectory(Path.Combine(root, "empty"));
        Assert.True(SiteBuilder.Build(new BuildOptions(content, Path.Combine(root, "empty"))).Succeeded);
        Assert.True(SiteBuilder.Build(new BuildOptions(content, Path.Combine(root, "new", "public"))).Succeeded);
        Assert.True(SiteBuilder.Build(new BuildOptions(content, Path.Combine(root, "empty"))).Succeeded);
    }

    [Fact]
    public void Hostile_ids_tags_outlets_and_events_write_only_inside_the_output_folder()
    {
        var (content, _) = HostileKit.NewWorkspace();
        HostileKit.Import(content, HostileKit.Dir);
        HostileSiteTests.WriteHostileContent(content);
        var dir = Path.Combine(content, "articles", "evil", "2022");
        File.WriteAllText(Path.Combine(dir, "case-a.md"), "---\nid: evil-case-a\noutlet: evil\ntitle: a\nlang: de\npublished: 2022-03-01\ntags: [Ärger, CON.txt, Con, \"com1 \"]\n---\n\nx\n");
        // Both articles carry the device-name tags, so each has a page (a tag of one article has none).
        File.WriteAllText(Path.Combine(dir, "case-b.md"), "---\nid: evil-case-b\noutlet: evil\ntitle: b\nlang: de\npublished: 2022-03-02\ntags: [ärger, ÄRGER, CON.txt, \"com1 \"]\n---\n\nx\n");
        var root = Path.GetDirectoryName(content)!;
        var outDir = Path.Combine(root, "site", "public");
        var before = Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories).Where(p => !p.StartsWith(Path.Combine(root, "site"), StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

        var result = SiteFixture.Build(outDir, content, "https://example.org/");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

        // Nothing written anywhere but the output folder (its parent holds only it).
        Assert.Equal(before, Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories).Where(p => !p.StartsWith(Path.Combine(root, "site"), StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal([outDir], Directory.GetFileSystemEntries(Path.Combine(root, "site")));

        // Every tag folder is one safe segment; names that differ only in case are one folder.
        var tagFolders = Directory.GetDirectories(Path.Combine(outDir, "zh", "tags")).Select(Path.GetFileName).OfType<string>().ToArray();
        Assert.All(tagFolders, AssertSafeSegment);
        Assert.Equal(tagFolders.Length, tagFolders.Select(t => t.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Count());
        Assert.Single(tagFolders, t => t.Equals("ärger", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("con-0", tagFolders);
        Assert.Contains("con-0.txt", tagFolders);
        Assert.Contains("com1-0", tagFolders);
        Assert.DoesNotContain("con", tagFolders);

        // Collisions are reported, once per folder, the same way every time.
        var collisions = result.Warnings.Where(w => w.Contains("share the folder", StringComparison.Ordinal)).ToArray();
        Assert.Contains(collisions, w => w.Contains("'../../../etc/passwd'", StringComparison.Ordinal) && w.Contains("'/etc/passwd'", StringComparison.Ordinal) && w.Contains("tags/etc-passwd/", StringComparison.Ordinal));
        Assert.DoesNotContain(collisions, w => w.Contains("rger", StringComparison.Ordinal)); // case only: not a collision worth a warning
        var again = SiteFixture.Build(Path.Combine(root, "site2", "public"), content, "https://example.org/");
        Assert.Equal(result.Warnings, again.Warnings);
        Assert.Equal(SiteFixture.Snapshot(outDir).Keys, SiteFixture.Snapshot(Path.Combine(root, "site2", "public")).Keys);
        output.WriteLine($"{tagFolders.Length} tag folders; collisions:\n" + string.Join("\n", collisions));
    }

    [Fact]
    public void Any_tag_gives_one_safe_folder_name_or_none()
    {
        var chars = Gen.Char["习近平普京 ./\\:*?\"<>|%#&+'`[]{}^~\u0000\u0007\u200b\u202e\u2024\uff0f\uff0e\ud800\udc00Aaä́ÄCONULcom1"];
        Gen.OneOf(Gen.String[chars, 0, 20], Gen.String, Gen.Const("con"), Gen.Const("CON.txt"), Gen.Const(".."), Gen.Const(" . "))
            .Sample(tag =>
            {
                var slug = Slugs.Tag(tag);
                if (slug.Length > 0)
                {
                    AssertSafeSegment(slug);
                    Assert.Equal(slug, Slugs.Tag(slug));
                }
            }, iter: 20_000);
    }

    private static void AssertSafeSegment(string name)
    {
        Assert.InRange(name.Length, 1, Slugs.MaxTagLength + 3);
        Assert.NotEqual(".", name);
        Assert.NotEqual("..", name);
        Assert.False(name.StartsWith('.') || name.EndsWith('.') || name.StartsWith(' ') || name.EndsWith(' '), name);
        Assert.False(name.Any(c => char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format || "/\\:*?\"<>|%#".Contains(c, StringComparison.Ordinal)), name);
        Assert.False(ArticleIds.IsReservedName(name), name);
        var root = Path.Combine(Path.GetTempPath(), "site", "zh", "tags");
        Assert.Equal(root, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(root, name))));
    }
}
