using DossierTracker.Dossiers;

namespace DossierTracker.Tests.Dossiers;

public sealed class DossierCodesTests
{
    [Theory]
    [InlineData("000.00.12.H22-220801-0001"), InlineData("G22.39-240105-0007"), InlineData("a_b"), InlineData("7")]
    public void official_codes_are_in_the_alphabet(string code) => Assert.True(DossierCodes.IsValid(code));

    [Theory]
    [InlineData(""), InlineData("D-0001\u200b"), InlineData("D-\u200d0001"), InlineData("\u202eD-0001"), InlineData("\ufeffD-0001"),
     InlineData("D\u00a00001"), InlineData(".."), InlineData("x/../../y"), InlineData("a\\b"), InlineData("$calendar"), InlineData("-x"),
     InlineData("Hồ-sơ"), InlineData("a b"), InlineData("a%2Fb")]
    public void invisible_path_and_other_characters_are_refused(string code) => Assert.False(DossierCodes.IsValid(code));

    [Fact]
    public void a_code_is_at_most_100_characters() =>
        Assert.Equal((true, false), (DossierCodes.IsValid(new string('a', 100)), DossierCodes.IsValid(new string('a', 101))));
}
