namespace DossierTracker.Api.Http;

/// <summary>
/// The paging every dossier list shares (contract: Clarifications → Lists): 1-based <c>page</c>, <c>pageSize</c> from 1
/// to 500 (default 50); outside them a 400.
/// </summary>
public sealed record ListPaging(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxPage = 1_000_000;

    public static ListPaging Parse(QueryParameters query, string? page, string? pageSize) => new(
        query.Integer("page", page, 1, 1, MaxPage),
        query.Integer("pageSize", pageSize, DefaultPageSize, 1, MaxPageSize));

    /// <summary>How many items come before this page.</summary>
    public long Offset => (long)(Page - 1) * PageSize;

    public IEnumerable<T> Of<T>(IEnumerable<T> sorted) => sorted.Skip((int)Math.Min(Offset, int.MaxValue)).Take(PageSize);
}
