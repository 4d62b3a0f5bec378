namespace SiteGen.Import;

/// <summary>Expands the files and folders given to <c>import</c> into a sorted list of files.</summary>
internal static class InputFiles
{
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> inputs)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add(input);
            }
            else if (Directory.Exists(input))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint };
                foreach (var file in Directory.EnumerateFiles(input, "*", options))
                {
                    if (!Path.GetFileName(file).StartsWith('.'))
                    {
                        files.Add(file);
                    }
                }
            }
            else
            {
                throw new FileNotFoundException($"no such file or folder: {input}", input);
            }
        }

        return files.ToList();
    }
}
