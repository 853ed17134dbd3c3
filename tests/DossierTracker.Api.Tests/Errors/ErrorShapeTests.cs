using System.Net;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Errors;

/// <summary>Every error the framework or our code answers is RFC 9457 problem details, without internals.</summary>
public sealed class ErrorShapeTests(TrackerApp app) : ApiScenario(app)
{
    [Fact]
    public async Task unknown_route_is_404_problem()
    {
        var problem = await ProblemOf(await GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
        ShouldHaveType(problem, "not-found");
    }

    [Fact]
    public async Task wrong_method_is_405_problem()
    {
        var problem = await ProblemOf(await SendAsync(HttpMethod.Delete, "/api/events", null, IngestKey), HttpStatusCode.MethodNotAllowed);
        ShouldHaveType(problem, "method-not-allowed");
    }

    [Theory]
    [InlineData("{\"eventId\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task malformed_json_is_400_problem(string body)
    {
        var problem = await ProblemOf(await SendRawAsync(HttpMethod.Post, "/api/events", body, IngestKey), HttpStatusCode.BadRequest);
        ShouldHaveType(problem, "malformed-json");
    }

    [Fact]
    public async Task json_that_is_not_an_object_is_400_problem()
    {
        var problem = await ProblemOf(await SendRawAsync(HttpMethod.Post, "/api/events", "[1,2,3]", IngestKey), HttpStatusCode.BadRequest);
        ShouldHaveType(problem, "validation");
    }

    [Fact]
    public async Task wrong_content_type_is_415_problem()
    {
        var problem = await ProblemOf(await SendRawAsync(HttpMethod.Post, "/api/events", "{}", IngestKey, "text/plain"), HttpStatusCode.UnsupportedMediaType);
        ShouldHaveType(problem, "unsupported-media-type");
    }

    [Fact]
    public async Task body_over_one_mebibyte_is_413_problem()
    {
        var huge = "{\"eventId\":\"" + new string('x', 1024 * 1024) + "\"}";
        var problem = await ProblemOf(await SendRawAsync(HttpMethod.Post, "/api/events", huge, IngestKey), HttpStatusCode.RequestEntityTooLarge);
        ShouldHaveType(problem, "payload-too-large");
    }

    [Fact]
    public async Task reference_data_body_of_the_wrong_shape_is_400_naming_the_path_without_type_names()
    {
        var problem = await ProblemOf(await SendRawAsync(HttpMethod.Put, "/api/units", "[{\"code\": 5}]", AdminKey), HttpStatusCode.BadRequest);

        problem.ToJsonString().ShouldContain("$[0].code");
        problem.ToJsonString().ShouldNotContain("System.");
    }

    [Fact]
    public async Task health_live_and_ready_answer_200_with_the_database_up()
    {
        (await GetAnonymousAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAnonymousAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task openapi_document_is_served()
    {
        var response = await GetAnonymousAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("/api/events");
    }
}
