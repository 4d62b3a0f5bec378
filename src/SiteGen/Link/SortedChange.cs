namespace SiteGen.Link;

/// <summary>Sorted lists updated by a few removed and added items, for <see cref="SiteModelMemory"/>.</summary>
internal static class SortedChange
{
    /// <summary>
    /// <paramref name="sorted"/> without the items <paramref name="removed"/> holds for and with
    /// <paramref name="added"/> (sorted by <paramref name="order"/>, as <paramref name="sorted"/> is) merged in;
    /// <paramref name="sorted"/> itself when neither changes it, so an unchanged list stays the same object.
    /// </summary>
    public static IReadOnlyList<T> Apply<T>(IReadOnlyList<T> sorted, Func<T, bool> removed, IReadOnlyList<T> added, Comparison<T> order)
        where T : class
    {
        var gone = 0;
        foreach (var item in sorted)
        {
            if (removed(item))
            {
                gone++;
            }
        }

        if (gone == 0 && added.Count == 0)
        {
            return sorted;
        }

        var result = new T[sorted.Count - gone + added.Count];
        int i = 0, j = 0, k = 0;
        while (i < sorted.Count || j < added.Count)
        {
            if (i < sorted.Count && gone > 0 && removed(sorted[i]))
            {
                i++;
            }
            else if (j < added.Count && (i == sorted.Count || order(added[j], sorted[i]) < 0))
            {
                result[k++] = added[j++];
            }
            else
            {
                result[k++] = sorted[i++];
            }
        }

        return result;
    }

    /// <summary>
    /// <see cref="Apply{T}(IReadOnlyList{T}, Func{T, bool}, IReadOnlyList{T}, Comparison{T})"/> for an order
    /// that tells any two items apart (as <see cref="SiteModel.NewestFirst"/> does, by id at last): the
    /// removed items are found and the added ones placed by binary search, and the runs between them copied
    /// whole, so a list of the whole archive costs a copy, not a comparison per item.
    /// </summary>
    public static IReadOnlyList<T> Apply<T>(IReadOnlyList<T> sorted, IReadOnlyList<T> removed, IReadOnlyList<T> added, Comparison<T> order)
        where T : class
    {
        // Each place to cut: an index of sorted, and whether the item there goes (else an added item comes before it).
        var cuts = new List<(int At, bool Removes, T? Item)>();
        foreach (var item in removed)
        {
            var at = Search(sorted, item, order);
            if (at < sorted.Count && ReferenceEquals(sorted[at], item))
            {
                cuts.Add((at, true, null));
            }
        }

        foreach (var item in added)
        {
            cuts.Add((Search(sorted, item, order), false, item));
        }

        if (cuts.Count == 0)
        {
            return sorted;
        }

        // At one index the added items come first (in their order), then the removal.
        cuts.Sort((x, y) => x.At != y.At ? x.At.CompareTo(y.At) : x.Removes != y.Removes ? (x.Removes ? 1 : -1) : order(x.Item!, y.Item!));
        var result = new T[sorted.Count + cuts.Count(c => !c.Removes) - cuts.Count(c => c.Removes)];
        int from = 0, to = 0;
        foreach (var (at, removes, item) in cuts)
        {
            Copy(sorted, from, result, to, at - from);
            to += at - from;
            from = at;
            if (removes)
            {
                from++;
            }
            else
            {
                result[to++] = item!;
            }
        }

        Copy(sorted, from, result, to, sorted.Count - from);
        return result;
    }

    // The first index whose item does not come before item.
    private static int Search<T>(IReadOnlyList<T> sorted, T item, Comparison<T> order)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (order(sorted[mid], item) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void Copy<T>(IReadOnlyList<T> source, int from, T[] target, int to, int count)
    {
        switch (source)
        {
            case T[] array:
                Array.Copy(array, from, target, to, count);
                break;
            case List<T> list:
                list.CopyTo(from, target, to, count);
                break;
            default:
                for (var i = 0; i < count; i++)
                {
                    target[to + i] = source[from + i];
                }

                break;
        }
    }

    /// <summary>The items of <paramref name="items"/> that <paramref name="keep"/> holds for, in their order.</summary>
    public static List<T> Where<T>(IReadOnlyList<T> items, Func<T, bool> keep)
    {
        var result = new List<T>();
        foreach (var item in items)
        {
            if (keep(item))
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>True when both lists hold the same objects in the same order.</summary>
    public static bool SameItems<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : class
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
