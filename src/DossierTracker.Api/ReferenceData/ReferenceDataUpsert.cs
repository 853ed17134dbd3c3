using DossierTracker.Api.Http;

namespace DossierTracker.Api.ReferenceData;

/// <summary>
/// The outcome of upserting reference data: what is stored now, or the errors (field → messages) that stopped anything
/// from being stored, with the problem they amount to (a 400 <c>validation</c> unless said otherwise). The HTTP endpoints
/// turn a rejection into that problem, the command line into a message and a non-zero exit code.
/// </summary>
public sealed record ReferenceDataUpsert<T>(T? Stored, IDictionary<string, string[]>? Errors, string? Detail = null,
    string ProblemCode = ProblemCatalogue.Validation)
    where T : class
{
    public bool IsRejected => Errors is not null;

    public static ReferenceDataUpsert<T> Accepted(T stored) => new(stored, null);

    public static ReferenceDataUpsert<T> Rejected(IDictionary<string, string[]> errors, string? detail = null,
        string problemCode = ProblemCatalogue.Validation) => new(null, errors, detail, problemCode);
}
