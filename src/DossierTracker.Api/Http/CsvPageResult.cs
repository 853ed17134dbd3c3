using System.Globalization;

namespace DossierTracker.Api.Http;

/// <summary>One page of a list as a CSV download, with the number of items on all pages in <c>X-Total-Count</c> (contract: Lists).</summary>
public sealed class CsvPageResult(byte[] content, long total, string fileName) : IResult
{
    public const string TotalCountHeader = "X-Total-Count";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers[TotalCountHeader] = total.ToString(CultureInfo.InvariantCulture);
        return Results.File(content, "text/csv; charset=utf-8", fileName).ExecuteAsync(httpContext);
    }
}
