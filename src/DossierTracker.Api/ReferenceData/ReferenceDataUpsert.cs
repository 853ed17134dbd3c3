namespace DossierTracker.Api.ReferenceData;

/// <summary>
/// The outcome of upserting reference data: what is stored now, or the validation errors (field → messages) that
/// stopped anything from being stored. The HTTP endpoints turn a rejection into a problem (400 validation unless
/// <see cref="ProblemCode"/> names another), the command line into a message and a non-zero exit code.
/// </summary>
public sealed record ReferenceDataUpsert<T>(T? Stored, IDictionary<string, string[]>? Errors, string? Detail = null, string? ProblemCode = null)
    where T : class
{
    public bool IsRejected => Errors is not null;

    public static ReferenceDataUpsert<T> Accepted(T stored) => new(stored, null);

    public static ReferenceDataUpsert<T> Rejected(IDictionary<string, string[]> errors, string? detail = null, string? problemCode = null) =>
        new(null, errors, detail, problemCode);
}
