using System.Collections.Concurrent;
using SiteGen.Link;
using SiteGen.Rendering;
using SiteGen.Search;

namespace SiteGen.Publishing.Incremental;

/// <summary>The search files of a build (docs/search.md), made from the linked site model: a step of <see cref="DerivePhase"/>.</summary>
internal static class SearchOutputs
{
    /// <summary>Whether an output is a search file (under <c>search/</c>).</summary>
    public static bool IsSearchFile(string path) => path.StartsWith("search/", StringComparison.Ordinal);

    /// <summary>
    /// The static search index under <c>search/</c> (docs/search.md): every article with its events' names.
    /// Remade only when an article, its events or their names changed; otherwise the last files are kept.
    /// </summary>
    /// <param name="fingerprints">Null in a one-off build: nothing will be compared with this index, so its
    /// documents are neither kept nor fingerprinted, and are added in batches as they are made.</param>
    /// <param name="stream">Where a one-off build writes its files as they are made (else they are kept in memory).</param>
    public static void SearchIndex(SiteModel model, string[] uiLanguages, string[] inputs, Fingerprinter? fingerprints, StagingFolder? stream, string[] salt, IReadOnlyDictionary<string, OutputRecord> previous, Dictionary<string, OutputRecord> outputs, ConcurrentBag<string> made) =>
        SearchIndexStarted(model, uiLanguages, inputs, fingerprints, stream, salt, previous, outputs, made).GetAwaiter().GetResult();

    /// <summary>
    /// <see cref="SearchIndex"/>, which in a one-off build (no <paramref name="fingerprints"/>) returns
    /// once the documents are indexed, with a task that writes the index's files and adds their records
    /// to <paramref name="outputs"/>: wait for it before reading them.
    /// </summary>
    public static Task SearchIndexStarted(SiteModel model, string[] uiLanguages, string[] inputs, Fingerprinter? fingerprints, StagingFolder? stream, string[] salt, IReadOnlyDictionary<string, OutputRecord> previous, Dictionary<string, OutputRecord> outputs, ConcurrentBag<string> made)
    {
        var eventsOf = new Dictionary<string, List<SearchFacetValue>>(StringComparer.Ordinal);
        foreach (var e in model.Events)
        {
            var names = SitePages.Languages.ToDictionary(lang => lang, lang => SitePages.EventTitle(e, lang).Title, StringComparer.Ordinal);
            foreach (var article in model.ByEvent[e.Id])
            {
                if (!eventsOf.TryGetValue(article.Id, out var list))
                {
                    eventsOf[article.Id] = list = [];
                }

                list.Add(new SearchFacetValue(e.Id, names));
            }
        }

        var options = new SearchIndexOptions();
        var articles = model.Articles;
        var files = new List<(string Path, byte[] Bytes)>();
        var streamed = new List<OutputFile>();
        void Keep(string relative, byte[] bytes)
        {
            var path = "search/" + relative;
            if (stream is null)
            {
                files.Add((path, bytes));
                return;
            }

            var file = stream.Keep(path, bytes, Digest.Of(bytes));
            lock (streamed)
            {
                streamed.Add(file);
            }
        }

        Digest fingerprint = default;
        if (fingerprints is null)
        {
            // Add in article order (the bytes depend only on it), tokenizing a batch at a time in parallel.
            var writer = new SearchIndexWriter(options);
            try
            {
                writer.AddAll(articles.Count, i => SearchIndexCache.Shared.Prepare(SearchDocument.FromArticle(articles[i], model.OutletById.GetValueOrDefault(articles[i].Outlet), eventsOf.GetValueOrDefault(articles[i].Id), uiLanguages), options));
            }
            catch
            {
                writer.Dispose(); // the task below owns it only once the documents are in
                throw;
            }

            return Task.Run(() =>
            {
                using (writer)
                {
                    writer.WriteTo(Keep);
                }

                Finish();
            });
        }
        else
        {
            // Tokenize in parallel; an article's terms are kept with its Article object (SearchIndexCache), so
            // after an edit only new objects are tokenized. The fingerprint hashes what each document was made
            // from (its text, outlet and event names), cheaper than fingerprinting the articles themselves.
            var prepared = new PreparedSearchDocument[articles.Count];
            Parallel.For(0, articles.Count, i => prepared[i] = SearchIndexCache.Shared.Prepare(articles[i], model.OutletById.GetValueOrDefault(articles[i].Outlet), eventsOf.GetValueOrDefault(articles[i].Id), uiLanguages, options));
            fingerprint = fingerprints.Of(SearchIndexWriter.Fingerprint(prepared, options), [.. salt, "search"]).Digest;
            var last = previous.Where(kv => kv.Key.StartsWith("search/", StringComparison.Ordinal)).ToArray();
            if (last.Length > 0 && last.All(kv => kv.Value.Fingerprint == fingerprint))
            {
                foreach (var (path, record) in last)
                {
                    outputs[path] = record;
                }

                return Task.CompletedTask;
            }

            // Add in article order (the bytes depend only on it) and keep the files in memory.
            using var writer = new SearchIndexWriter(options);
            foreach (var document in prepared)
            {
                writer.Add(document);
            }

            writer.WriteTo((relative, bytes) => files.Add(("search/" + relative, bytes)));
        }

        Finish();
        return Task.CompletedTask;

        void Finish()
        {
            files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var records = new OutputRecord[files.Count];
            Parallel.For(0, files.Count, i => records[i] = new OutputRecord(new OutputFile(files[i].Path, files[i].Bytes, Digest.Of(files[i].Bytes)), fingerprint, true, [], [], inputs));
            foreach (var record in records.Concat(streamed.Select(file => new OutputRecord(file, fingerprint, true, [], [], inputs))))
            {
                outputs[record.File.Path] = record;
                made.Add(record.File.Path);
            }
        }
    }
}
