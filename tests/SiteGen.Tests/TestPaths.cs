namespace SiteGen.Tests;

/// <summary>Locates the repository and the shared seeds/corpus beside it, from the test's output folder.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>
    /// The seeds and the corpus, checked out beside the repository. A test that reads them is marked
    /// <c>[Trait("Needs", "shared")]</c>, so a checkout without them (a fork) runs the others with
    /// <c>--filter "Needs!=shared"</c>, as the workflows do.
    /// </summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Seeds => Path.Combine(Shared, "seeds");

    public static string Corpus => Path.Combine(Shared, "corpus");

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "SiteGen.Tests", "Fixtures");

    /// <summary>
    /// The archive the tests read: a committed copy of the shipped content/ in tests/fixtures/archive/
    /// (refreshed with scripts/refresh-test-archive.sh), so that a fork with its own content/ passes.
    /// </summary>
    public static string Content => Path.Combine(RepoRoot, "tests", "fixtures", "archive");

    /// <summary>The repository's own content/ (whatever archive this clone publishes); only for tests whose point it is.</summary>
    public static string RepoContent => Path.Combine(RepoRoot, "content");

    public static string Seed(string prefix) =>
        Directory.GetFiles(Seeds, prefix + "_*.txt").Single();

    /// <summary>A new empty folder under the system temp folder, for a test's own content or output.</summary>
    public static string NewTempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitegen-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A new import workspace: an empty content folder and an empty inbox beside it.</summary>
    public static (string Content, string Inbox) NewImportWorkspace()
    {
        var root = NewTempDir();
        var content = Path.Combine(root, "content");
        var inbox = Path.Combine(root, "inbox");
        Directory.CreateDirectory(inbox);
        Directory.CreateDirectory(content);
        return (content, inbox);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SiteGen.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SiteGen.sln not found above the test folder");
    }
}
