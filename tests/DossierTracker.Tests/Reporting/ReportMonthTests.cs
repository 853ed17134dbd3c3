using System.Globalization;
using DossierTracker.Reporting;

namespace DossierTracker.Tests.Reporting;

public sealed class ReportMonthTests
{
    [Fact]
    public void august_2022_starts_at_17_utc_on_the_last_of_july() =>
        ReportMonth.Parse("2022-08").Start.ShouldBe(Instant("2022-07-31T17:00:00Z"));

    [Fact]
    public void start_is_shown_at_plus_seven() =>
        ReportMonth.Parse("2022-08").Start.Offset.ShouldBe(TimeSpan.FromHours(7));

    [Fact]
    public void december_ends_at_new_year_local_midnight() =>
        ReportMonth.Parse("2022-12").End.ShouldBe(Instant("2023-01-01T00:00:00+07:00"));

    [Fact]
    public void end_is_the_start_of_the_next_month()
    {
        var month = ReportMonth.Parse("2024-02");

        month.End.ShouldBe(month.Next().Start);
    }

    [Fact]
    public void first_and_last_day_cover_a_leap_february() =>
        (ReportMonth.Parse("2024-02").FirstDay, ReportMonth.Parse("2024-02").LastDay)
            .ShouldBe((new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)));

    [Theory]
    [InlineData("1990-01")]
    [InlineData("2022-08")]
    [InlineData("2100-12")]
    public void parsing_and_printing_round_trip(string text) =>
        ReportMonth.Parse(text).ToString().ShouldBe(text);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2022-8")]
    [InlineData("22-08")]
    [InlineData("2022-00")]
    [InlineData("2022-13")]
    [InlineData("1989-12")]
    [InlineData("2101-01")]
    [InlineData("2022/08")]
    [InlineData("2022-08-01")]
    [InlineData(" 2022-08")]
    [InlineData("+022-08")]
    [InlineData("٢٠٢٢-08")]
    public void try_parse_refuses_anything_but_yyyy_mm_in_range(string? text) =>
        ReportMonth.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void parse_throws_a_format_exception_for_bad_text() =>
        Should.Throw<FormatException>(() => ReportMonth.Parse("2022-13"));

    [Fact]
    public void next_of_december_is_january_of_the_next_year() =>
        ReportMonth.Parse("2022-12").Next().ShouldBe(new ReportMonth(2023, 1));

    [Fact]
    public void previous_of_january_is_december_of_the_year_before() =>
        ReportMonth.Parse("2023-01").Previous().ShouldBe(new ReportMonth(2022, 12));

    [Fact]
    public void months_compare_by_year_then_month()
    {
        var earlier = ReportMonth.Parse("2022-12");
        var later = ReportMonth.Parse("2023-01");

        (earlier < later, earlier <= later, later > earlier, later >= earlier, earlier >= later).ShouldBe((true, true, true, true, false));
    }

    [Fact]
    public void range_includes_both_ends_across_a_year() =>
        ReportMonth.Range(ReportMonth.Parse("2022-11"), ReportMonth.Parse("2023-02")).Select(m => m.ToString())
            .ShouldBe(["2022-11", "2022-12", "2023-01", "2023-02"]);

    [Fact]
    public void range_of_one_month_is_that_month() =>
        ReportMonth.Range(ReportMonth.Parse("2022-08"), ReportMonth.Parse("2022-08")).ShouldBe([ReportMonth.Parse("2022-08")]);

    [Fact]
    public void range_is_empty_when_from_is_after_to() =>
        ReportMonth.Range(ReportMonth.Parse("2022-09"), ReportMonth.Parse("2022-08")).ShouldBeEmpty();

    [Fact]
    public void range_ends_at_the_last_supported_month() =>
        ReportMonth.Range(ReportMonth.Parse("2100-11"), ReportMonth.Parse("2100-12")).Count().ShouldBe(2);

    [Fact]
    public void constructor_refuses_month_13() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ReportMonth(2022, 13));

    private static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
