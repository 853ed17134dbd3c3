using System.Text.Json;
using DossierTracker.Ingestion;

namespace DossierTracker.Tests.Ingestion;

public sealed class JsonUnicodeTests
{
    private static string? Find(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonUnicode.FindInvalid(document.RootElement);
    }

    [Theory]
    [InlineData("""{"a":"plain","b":["x",1,{"c":"ồ 😀"}]}"""), InlineData("""{"a":"\ud83d\ude00"}"""), InlineData("""{"a":"\\ud800"}"""),
     InlineData("""{"a":"\u0041\"\\"}"""), InlineData("""{"\ud83d\ude00":"x"}""")]
    public void text_and_escaped_pairs_pass(string json) => Assert.Null(Find(json));

    [Theory]
    [InlineData("""{"a":"\ud800"}""", "$.a"), InlineData("""{"a":"\udc00"}""", "$.a"), InlineData("""{"a":"x\ud800y"}""", "$.a"),
     InlineData("""{"a":"\ud800\u0041"}""", "$.a"), InlineData("""{"a":"\udc00\ud800"}""", "$.a"), InlineData("""{"a":["ok","\ud800"]}""", "$.a[1]"),
     InlineData("""{"a":{"\udfff":1}}""", "$.a"), InlineData("""["\ud800"]""", "$[0]")]
    public void escaped_lone_surrogates_are_found_with_their_path(string json, string path) => Assert.Equal(path, Find(json));

    [Fact]
    public void the_items_of_a_named_array_are_left_to_their_own_judgement()
    {
        using var document = JsonDocument.Parse("""{"events":[{"a":"\ud800"}],"other":"\udc00"}""");

        Assert.Equal("$.other", JsonUnicode.FindInvalidOutsideItems(document.RootElement, "events"));
    }
}
