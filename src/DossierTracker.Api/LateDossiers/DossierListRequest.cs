using DossierTracker.Api.Http;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Procedures;

namespace DossierTracker.Api.LateDossiers;

public enum LateState { Open, Completed, All }

public enum ListSort { Overdue, DueAt, ReceivedAt }

/// <summary><c>csv</c> is for programs (ISO times, codes, hours as numbers); <c>csv-people</c> for people (<see cref="PeopleCsv"/>).</summary>
public enum ListFormat { Json, Csv, CsvPeople }

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
    /// <summary>The <c>field</c> filter: a field's code, or <see cref="NoField"/> for procedures without one.</summary>
    public string? Field { get; init; }

    /// <summary>The <c>dossierCode</c> search: dossiers whose code contains it, case aside.</summary>
    public string? DossierCode { get; init; }

    /// <summary>The procedures the <c>procedure</c> and <c>field</c> filters leave; null when neither is given.</summary>
    public string[]? ProcedureCodes { get; init; }

    /// <summary>The <c>field</c> value of procedures without a field, as in the report's drill-down.</summary>
    public const string NoField = "none";

    public const int DefaultPageSize = ListPaging.DefaultPageSize;
    public const int MaxPageSize = ListPaging.MaxPageSize;

    public static DossierListRequest Parse(QueryParameters query, string? unit, string? from, string? to, string? procedure,
        string? channel, string? page, string? pageSize, string? format, string? field = null, string? dossierCode = null)
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
            query.Enum("format", format, ListFormat.Json))
        {
            Field = query.Code("field", field),
            DossierCode = query.Code("dossierCode", dossierCode?.Trim()),
        };
        query.Check(request.From is null || request.To is null || request.From <= request.To, "to", "to must not be before from.");
        return request;
    }

    public ListPaging Paging => new(Page, PageSize);

    /// <summary>The request with <see cref="ProcedureCodes"/> set from the catalogue (a field's procedures are the catalogue's now).</summary>
    public DossierListRequest WithProcedures(IReadOnlyDictionary<string, Procedure> catalogue)
    {
        if (Field is null) return this with { ProcedureCodes = Procedure is null ? null : [Procedure] };
        var ofField = catalogue.Values
            .Where(p => Field == NoField ? p.Field is null : p.Field?.Code == Field)
            .Select(p => p.Code)
            .Where(code => Procedure is null || code == Procedure);
        return this with { ProcedureCodes = [.. ofField] };
    }

    /// <summary>The local-date range [from, to] as instants [start, end).</summary>
    public (DateTimeOffset? Start, DateTimeOffset? End) Instants() =>
        (From is { } f ? VietnamTime.At(f, TimeOnly.MinValue) : null, To is { } t ? VietnamTime.At(t.AddDays(1), TimeOnly.MinValue) : null);
}
