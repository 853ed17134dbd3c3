using Microsoft.AspNetCore.WebUtilities;

namespace DossierTracker.Api.Dashboard.Lists;

/// <summary>Which page of a list is shown, and the links to its neighbours with every other parameter kept.</summary>
public sealed record Pager(int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;

    public static string Href(HttpRequest request, int page)
    {
        var query = request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
        if (page > 1) query.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString((request.PathBase + request.Path).ToString(), query);
    }
}
