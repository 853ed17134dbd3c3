using DossierTracker.Api.Http;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;

namespace DossierTracker.Api.LateDossiers;

public enum LateState { Open, Completed, All }

public enum ListSort { Overdue, DueAt, ReceivedAt }

public enum ListFormat { Json, Csv }

/// <summary>The filters and paging shared by the late and due-soon lists (contract: Queries, Clarifications → Lists).</summary>
public sealed record DossierListRequest(
    string? Unit,
    DateOnly? From,
    DateOnly? To,
    string? Procedure,
    Channel? Channel,
    int Page,
    int PageSize,
    ListFormat Format)
{
    public const int DefaultPageSize = ListPaging.DefaultPageSize;
    public const int MaxPageSize = ListPaging.MaxPageSize;

    public static DossierListRequest Parse(QueryParameters query, string? unit, string? from, string? to, string? procedure,
        string? channel, string? page, string? pageSize, string? format)
    {
        var paging = ListPaging.Parse(query, page, pageSize);
        var request = new DossierListRequest(
            query.Code("unit", unit),
            query.Date("from", from),
            query.Date("to", to),
            query.Code("procedure", procedure),
            string.IsNullOrEmpty(channel) ? null : query.Enum("channel", channel, global::DossierTracker.Dossiers.Channel.Online),
            paging.Page,
            paging.PageSize,
            query.Enum("format", format, ListFormat.Json));
        query.Check(request.From is null || request.To is null || request.From <= request.To, "to", "to must not be before from.");
        return request;
    }

    public ListPaging Paging => new(Page, PageSize);

    /// <summary>The local-date range [from, to] as instants [start, end).</summary>
    public (DateTimeOffset? Start, DateTimeOffset? End) Instants() =>
        (From is { } f ? VietnamTime.At(f, TimeOnly.MinValue) : null, To is { } t ? VietnamTime.At(t.AddDays(1), TimeOnly.MinValue) : null);
}
