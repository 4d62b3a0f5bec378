using System.Collections.Concurrent;

namespace SiteGen.Content;

/// <summary>
/// What small content files (events, outlets) parsed to, kept between the builds of one process
/// (<c>sitegen serve</c>): the same path and the same text give the same parsed object, so a rebuild
/// after an article edit does not parse 500 event files again. Failures are not kept (they throw again,
/// with their message). Holds the files of the last two builds at most. The parsed objects are shared
/// between builds and must not be changed.
/// </summary>
public sealed class ParsedFileMemo<T>
    where T : class
{
    private ConcurrentDictionary<(string Path, string Text), T> _current = new();
    private ConcurrentDictionary<(string Path, string Text), T> _previous = new();

    /// <summary>Starts a build: what the build before last parsed and this one does not read again is forgotten.</summary>
    public void NextBuild()
    {
        _previous = _current;
        _current = new();
    }

    public T Parse(string text, string path, Func<string, string, T> parse)
    {
        var key = (path, text);
        if (!_current.TryGetValue(key, out var parsed))
        {
            parsed = _previous.TryGetValue(key, out var kept) ? kept : parse(text, path);
            _current[key] = parsed;
        }

        return parsed;
    }
}
