using DossierTracker.Api.Http;
using DossierTracker.Calendar;

namespace DossierTracker.Api.Audit;

/// <summary>
/// What a reader of the trail asks for: local dates <c>from</c>–<c>to</c> (inclusive, Asia/Ho_Chi_Minh), an action,
/// an actor (id or name), a subject, a unit (entries of that unit's scope), one page. Every field is optional.
/// </summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? Action, string? Actor, string? Subject, string? Unit, ListPaging Paging)
{
    public static AuditFilter Parse(QueryParameters query, string? from, string? to, string? action, string? actor, string? subject,
        string? unit, string? page, string? pageSize)
    {
        var fromDate = query.Date("from", from);
        var toDate = query.Date("to", to);
        if (fromDate is { } f && toDate is { } t) query.Check(f <= t, "to", "to must not be before from.");
        var known = string.IsNullOrEmpty(action) ? null : action;
        if (known is not null)
            query.Check(AuditActions.All.Contains(known, StringComparer.Ordinal), "action", $"action must be one of: {string.Join(", ", AuditActions.All)}.");
        return new AuditFilter(fromDate, toDate, known, query.Code("actor", actor), query.Code("subject", subject), query.Code("unit", unit),
            ListPaging.Parse(query, page, pageSize));
    }

    /// <summary>The first instant of <see cref="From"/>, local midnight.</summary>
    public DateTimeOffset? Start => From is { } date ? VietnamTime.At(date, TimeOnly.MinValue) : null;

    /// <summary>The first instant after <see cref="To"/>: the next local midnight.</summary>
    public DateTimeOffset? End => To is { } date ? VietnamTime.At(date.AddDays(1), TimeOnly.MinValue) : null;
}

/// <summary>
/// Which entries a reader may see: those of the units it covers (<see cref="UnitCodes"/>), the province-wide ones
/// (procedures, calendar years) when it covers a whole province, and its own actions wherever they fall.
/// </summary>
public sealed record AuditReader(IReadOnlyList<string> UnitCodes, bool SeesProvinceWide, AuditActor Self);
