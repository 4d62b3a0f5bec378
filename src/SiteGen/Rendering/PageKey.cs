namespace SiteGen.Rendering;

/// <summary>
/// A page's key (<see cref="PageJob.Key"/>) made of parts, for pages whose variables are made from several
/// objects (a list page: its title, its number, its items' views). Two keys are the same when their parts
/// are pairwise the same object, or equal strings, numbers or <see cref="LinkView"/>s (records of strings and
/// numbers); anything else is compared by reference, so a part that is not immutable can never make two keys
/// look the same.
/// </summary>
public sealed class PageKey(object?[] parts)
{
    private readonly object?[] _parts = parts;

    /// <summary>Whether two page keys stand for the same variables: the same object, or two <see cref="PageKey"/>s with the same parts.</summary>
    public static bool Same(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return a is not null;
        }

        if (a is not PageKey x || b is not PageKey y || x._parts.Length != y._parts.Length)
        {
            return false;
        }

        for (var i = 0; i < x._parts.Length; i++)
        {
            if (!SamePart(x._parts[i], y._parts[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SamePart(object? a, object? b) => ReferenceEquals(a, b) || a switch
    {
        string s => b is string t && string.Equals(s, t, StringComparison.Ordinal),
        int n => b is int m && n == m,
        LinkView link => b is LinkView other && link.Equals(other),
        _ => false,
    };
}
