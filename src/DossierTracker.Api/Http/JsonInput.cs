using System.Text.Json;

namespace DossierTracker.Api.Http;

/// <summary>Binds a JSON body to a type with our wire format; a value of the wrong shape becomes a 400 naming the JSON path.</summary>
public static class JsonInput
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null) return (default, problem);
        using (document)
        {
            try
            {
                var value = document!.RootElement.Deserialize<T>(ApiJson.Options);
                return value is null
                    ? (default, Problems.Validation(new Dictionary<string, string[]> { ["$"] = ["The body must not be null."] }))
                    : (value, null);
            }
            catch (JsonException e)
            {
                var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
                return (default, Problems.Validation(new Dictionary<string, string[]> { [path] = [$"The value at {path} has the wrong type or format."] }));
            }
        }
    }
}
