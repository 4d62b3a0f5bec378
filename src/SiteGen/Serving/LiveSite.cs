using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using SiteGen.Publishing;
using SiteGen.Publishing.Incremental;

namespace SiteGen.Serving;

/// <summary>A message to open pages, sent over Server-Sent Events: <c>hello</c>, <c>reload</c>, <c>build-error</c> or <c>ok</c>.</summary>
public sealed record LiveEvent(string Name, string Data)
{
    /// <summary>The event as the SSE wire format.</summary>
    public string Wire => $"event: {Name}\ndata: {Data}\n\n";
}

/// <summary>
/// The site kept up to date in memory while content, theme and <c>site.yml</c> change: watches them
/// (debounced; editors' temporary and swap files ignored), rebuilds incrementally, keeps the last good
/// build when a build fails, and tells subscribers (the SSE endpoint) to reload or show the errors.
/// </summary>
public sealed class LiveSite : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly IncrementalSite _site = new();
    private readonly Lock _gate = new();
    private readonly List<Action<LiveEvent>> _subscribers = [];
    private readonly Channel<bool> _kick = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Action<string> _log;
    private long _lastTouch;
    private long _firstTouch;
    private string? _watchedTheme;

    // Content paths changed since the last rebuild began (relative, forward slashes), told to the build
    // so it looks at only those files (BuildOptions.ChangedContent); null while not known: before the
    // watchers run, and after one lost events (overflow). _changesGate guards both.
    private readonly Lock _changesGate = new();
    private readonly Lock _buildGate = new();
    private HashSet<string>? _changes;
    private bool _watching;
    private Task? _loop;
    private Task _search = Task.CompletedTask;

    public LiveSite(BuildOptions options, Action<string>? log = null)
    {
        Options = options with { Progress = null };
        _log = log ?? (_ => { });
    }

    public BuildOptions Options { get; }

    /// <summary>Overrides the base URL of <see cref="Options"/> (set once the server knows its port).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How long the files must be quiet before a rebuild (editors write a file in several steps).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A rebuild starts at the latest this long after the first change, even if changes keep coming.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether a rebuild sends the reload as soon as the pages are in place and brings the search
    /// files up to date right after, in the background (<see cref="BuildOptions.DeferSearch"/>); on by
    /// default. The search files then follow the reload by about the time the search index takes.
    /// </summary>
    public bool DeferSearch { get; init; } = true;

    /// <summary>The last good build, or null when none has succeeded yet.</summary>
    public SiteSnapshot? Site => _site.Last;

    /// <summary>The errors of the last build when it failed (the site stays at the last good build), else null.</summary>
    public IReadOnlyList<BuildError>? Errors { get; private set; }

    /// <summary>The last build's outcome.</summary>
    public BuildOutcome? LastOutcome { get; private set; }

    /// <summary>The dependency graph of the last good build.</summary>
    public DependencyGraph Graph => _site.Graph;

    /// <summary>Folders being watched.</summary>
    public IReadOnlyList<string> Watched => _watchers.Select(w => w.Path).ToArray();

    /// <summary>Subscribes to events; the subscriber first gets <c>hello</c> (and the current errors, if any).</summary>
    public IDisposable Subscribe(Action<LiveEvent> subscriber)
    {
        lock (_gate)
        {
            subscriber(new LiveEvent("hello", JsonSerializer.Serialize(new { version = Site?.Version ?? 0 }, Json)));
            if (Errors is { } errors)
            {
                subscriber(ErrorEvent(errors));
            }

            _subscribers.Add(subscriber);
        }

        return new Unsubscriber(this, subscriber);
    }

    /// <summary>Builds now and tells subscribers what happened. Thread-safe; one build at a time.</summary>
    public BuildOutcome Rebuild(string reason = "")
    {
        var clock = Stopwatch.StartNew();
        var before = Site?.Version ?? 0;
        var hadErrors = Errors is not null;
        BuildOutcome outcome;
        // The changes are taken and built in one go, so two rebuilds (the watch loop, the warm-up) build
        // in the order they took them.
        lock (_buildGate)
        {
            HashSet<string>? changes;
            lock (_changesGate)
            {
                // From here on the watchers note changes for the next build (while watching: the first build
                // after the watchers started looks at everything, as what changed before was not noted).
                changes = _changes;
                _changes = _watching ? new(StringComparer.Ordinal) : null;
            }

            try
            {
                outcome = _site.Build(Options with { BaseUrl = BaseUrl ?? Options.BaseUrl, DeferSearch = DeferSearch, ChangedContent = changes });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                outcome = new BuildOutcome { Result = new BuildResult(0, 0, 0, 0, clock.Elapsed, [], [$"{e.Message}"]) };
            }
        }

        LiveEvent? message = null;
        lock (_gate)
        {
            LastOutcome = outcome;
            if (!outcome.Result.Succeeded)
            {
                Errors = outcome.ErrorDetails;
                message = ErrorEvent(Errors);
                _log($"build failed{(reason.Length > 0 ? $" after {reason}" : "")}; {(Site is null ? "nothing to serve yet" : "still serving the last good site")}:");
                foreach (var error in Errors)
                {
                    _log($"  error: {error}");
                }
            }
            else
            {
                Errors = null;
                var version = Site!.Version;
                if (version != before)
                {
                    message = new LiveEvent("reload", JsonSerializer.Serialize(new { version, changed = outcome.Changed.Take(50).ToArray(), removed = outcome.Removed.Take(50).ToArray(), ms = (int)clock.ElapsedMilliseconds }, Json));
                    if (before > 0)
                    {
                        _log($"rebuilt in {clock.ElapsedMilliseconds} ms{(reason.Length > 0 ? $" ({reason})" : "")}: {outcome.Made.Count} made, {outcome.Changed.Count} changed, {outcome.Removed.Count} removed [{string.Join(", ", outcome.Timings.Select(t => $"{t.Key} {t.Value:F0}"))}]");
                    }
                }
                else if (hadErrors)
                {
                    message = new LiveEvent("ok", JsonSerializer.Serialize(new { version }, Json));
                    _log("recovered: the site is as before the error");
                }
            }

            // Queued before the reload goes out, so whoever hears it can wait for the search files
            // (WhenSearchCurrent), but started only after it has gone out (below).
            var reloadSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (outcome.Result.Succeeded && DeferSearch)
            {
                UpdateSearchInBackground(reloadSent.Task);
            }

            try
            {
                if (message is not null)
                {
                    foreach (var subscriber in _subscribers.ToArray())
                    {
                        subscriber(message);
                    }
                }
            }
            finally
            {
                reloadSent.SetResult();
            }
        }

        WatchTheme();
        return outcome;
    }

    /// <summary>Completes when the search files of the last good build are up to date (at once when they are).</summary>
    public Task WhenSearchCurrent()
    {
        lock (_gate)
        {
            return _search;
        }
    }

    /// <summary>Runs the pending search step after the ones already queued (a step that a newer build made stale is dropped). Called holding _gate.</summary>
    private void UpdateSearchInBackground(Task reloadSent) =>
        _search = _search.ContinueWith(async _ =>
        {
            // The reload first: the search step keeps both cores and the thread pool busy for a while, and
            // the connections' event writers run on that pool (the edit → reload time grew by ~10 ms).
            await reloadSent.ConfigureAwait(false);
            await Task.Delay(SearchHeadStart).ConfigureAwait(false);
            try
            {
                var update = _site.UpdateSearch();
                if (update.State == SearchUpdateState.Published)
                {
                    _log($"search index updated: {update.Made.Count} files in {update.Elapsed.TotalMilliseconds:F0} ms (the pages reloaded before it)");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log($"error: the search index was not updated: {e.Message}");
            }
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();

    /// <summary>How long the search step waits after a reload is sent, so the open pages' event writers run first.</summary>
    private static readonly TimeSpan SearchHeadStart = TimeSpan.FromMilliseconds(15);

    /// <summary>
    /// Runs the rebuild path a few times with nothing changed and some pages made again (same bytes, no
    /// event), so the first real edit does not pay for compiling the code (.NET compiles hot methods
    /// again, optimized, after about 30 calls).
    /// </summary>
    public void WarmUp(int rounds = 3)
    {
        for (var round = 0; round < rounds && !_stop.IsCancellationRequested; round++)
        {
            var r = round;
            _site.Forget(path => path.EndsWith(".html", StringComparison.Ordinal) && (uint)string.GetHashCode(path, StringComparison.Ordinal) % 16 == (uint)r);
            Rebuild();
        }
    }

    /// <summary>Starts watching the content folder and the theme; changes rebuild after <see cref="Debounce"/>.</summary>
    public void StartWatching()
    {
        Watch(Options.ContentDir);
        lock (_changesGate)
        {
            _watching = true;
        }

        WatchTheme();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Whether a changed path (relative to a watched folder) can matter to the build: not an editor's temporary, swap or backup file, nor a raw source.</summary>
    public static bool IsIgnored(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 && (parts[0] == "sources" || Content.ContentFiles.IsHiddenOrTemporary(relativePath));
    }

    /// <summary>Notes a change (the watchers call this; tests may too). The rebuild follows when changes stop.</summary>
    public void Touch(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        if (IsIgnored(relative))
        {
            return;
        }

        if (root == Path.GetFullPath(Options.ContentDir))
        {
            lock (_changesGate)
            {
                _changes?.Add(Content.ContentChanges.Normalize(relative));
            }
        }

        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _firstTouch, now, 0);
        Volatile.Write(ref _lastTouch, now);
        _kick.Writer.TryWrite(true);
    }

    public void Dispose()
    {
        _stop.Cancel();
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
            _subscribers.Clear();
        }

        try
        {
            _loop?.Wait(TimeSpan.FromSeconds(5));
            WhenSearchCurrent().Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        try
        {
            while (await _kick.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                _kick.Reader.TryRead(out _);
                while (true)
                {
                    var quietFor = Stopwatch.GetElapsedTime(Volatile.Read(ref _lastTouch));
                    var waited = Stopwatch.GetElapsedTime(Volatile.Read(ref _firstTouch));
                    if (quietFor >= Debounce || waited >= MaxWait)
                    {
                        break;
                    }

                    var wait = Debounce - quietFor;
                    await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _stop.Token).ConfigureAwait(false);
                }

                Interlocked.Exchange(ref _firstTouch, 0);
                try
                {
                    Rebuild("a change in the watched files");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _log($"error: the rebuild failed: {e.Message}");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void WatchTheme()
    {
        var theme = _site.ThemeDir;
        if (theme is null || theme == _watchedTheme || _stop.IsCancellationRequested || _loop is null && _watchers.Count == 0)
        {
            return;
        }

        var content = Path.GetFullPath(Options.ContentDir) + Path.DirectorySeparatorChar;
        lock (_gate)
        {
            if (_watchedTheme is not null)
            {
                var old = _watchers.FirstOrDefault(w => w.Path == _watchedTheme);
                old?.Dispose();
                _watchers.RemoveAll(w => w.Path == _watchedTheme);
            }

            _watchedTheme = theme;
        }

        if (!(theme + Path.DirectorySeparatorChar).StartsWith(content, StringComparison.Ordinal))
        {
            Watch(theme);
        }
    }

    private void Watch(string dir)
    {
        var root = Path.GetFullPath(dir);
        var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, e) => Touch(root, e.FullPath);
        watcher.Created += (_, e) => Touch(root, e.FullPath);
        watcher.Deleted += (_, e) => Touch(root, e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Touch(root, e.OldFullPath);
            Touch(root, e.FullPath);
        };
        watcher.Error += (_, _) =>
        {
            // Overflow: events were lost, so the next build looks at every file.
            lock (_changesGate)
            {
                _changes = null;
            }

            Touch(root, Path.Combine(root, "site.yml"));
        };
        watcher.EnableRaisingEvents = true;
        lock (_gate)
        {
            _watchers.Add(watcher);
        }
    }

    private static LiveEvent ErrorEvent(IReadOnlyList<BuildError> errors) =>
        new("build-error", JsonSerializer.Serialize(new { errors = errors.Select(e => new { file = e.File, line = e.Line, column = e.Column, message = e.Message }).ToArray() }, Json));

    private sealed class Unsubscriber(LiveSite site, Action<LiveEvent> subscriber) : IDisposable
    {
        public void Dispose()
        {
            lock (site._gate)
            {
                site._subscribers.Remove(subscriber);
            }
        }
    }
}
