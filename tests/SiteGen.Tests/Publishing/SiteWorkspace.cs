namespace SiteGen.Tests.Publishing;

/// <summary>A copy of the fixture site and its themes in a temporary folder, to edit between builds.</summary>
internal sealed class SiteWorkspace
{
    public SiteWorkspace()
    {
        Content = SiteFixture.CopyContent();
        Themes = Path.Combine(Path.GetDirectoryName(Content)!, "themes");
        foreach (var file in Directory.EnumerateFiles(SiteFixture.ThemesDir, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(Themes, Path.GetRelativePath(SiteFixture.ThemesDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    public string Content { get; }

    public string Themes { get; }

    public SiteGen.Publishing.BuildOptions Options => new(Content, Path.Combine(Path.GetDirectoryName(Content)!, "public")) { ThemesDir = Themes };

    /// <summary>A path in the content folder.</summary>
    public string PathOf(string relative) => Path.Combine(Content, relative);

    public void Edit(string relative, Func<string, string> change) => File.WriteAllText(PathOf(relative), change(File.ReadAllText(PathOf(relative))));
}
