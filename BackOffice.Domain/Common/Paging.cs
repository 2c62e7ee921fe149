namespace BackOffice.Domain.Common;

/// <summary>A page of a server-side list: zero-based page, size, and an optional sort column.</summary>
public sealed record PageRequest(int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false)
{
    public const int MaxPageSize = 500;

    public int Skip => Math.Max(0, Page) * Size;
    public int Size => Math.Clamp(PageSize, 1, MaxPageSize);
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);
