using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Http;

/// <summary>Builds RFC 9457 problem details from the catalogue.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static ProblemDetails Details(string code, string? detail = null, IDictionary<string, string[]>? errors = null)
    {
        var entry = ProblemCatalogue.Get(code);
        var problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors);
        problem.Type = ProblemCatalogue.TypeUri(code);
        problem.Title = entry.Title;
        problem.Status = entry.Status;
        problem.Detail = detail ?? entry.Title;
        return problem;
    }

    public static IResult Result(string code, string? detail = null, IDictionary<string, string[]>? errors = null) =>
        Result(Details(code, detail, errors));

    public static IResult Result(ProblemDetails problem) =>
        Results.Json((object)problem, ApiJson.Options, ContentType, problem.Status);

    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        Result(ProblemCatalogue.Validation, detail ?? "One or more fields are not valid; see errors.", errors);
}
