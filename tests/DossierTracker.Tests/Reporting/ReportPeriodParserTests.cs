using DossierTracker.Reporting;

namespace DossierTracker.Tests.Reporting;

/// <summary>The query parameters period / from / to / cutoff: what they accept, and the message for what they refuse.</summary>
public sealed class ReportPeriodParserTests
{
    private static ReportPeriod Parsed(string? period, string? from = null, string? to = null, string? cutoff = null)
    {
        ReportPeriodParser.TryParse(period, from, to, cutoff, out var result, out var errors).ShouldBeTrue(string.Join("; ", errors));
        return result!;
    }

    private static IReadOnlyList<PeriodError> Refused(string? period, string? from = null, string? to = null, string? cutoff = null)
    {
        ReportPeriodParser.TryParse(period, from, to, cutoff, out var result, out var errors).ShouldBeFalse();
        result.ShouldBeNull();
        errors.ShouldNotBeEmpty();
        return errors;
    }

    [Theory]
    [InlineData("2025-01", ReportPeriodKind.Month, "2025-01-01", "2025-01-31")]
    [InlineData("2024-02", ReportPeriodKind.Month, "2024-02-01", "2024-02-29")]
    [InlineData("2025-Q3", ReportPeriodKind.Quarter, "2025-07-01", "2025-09-30")]
    [InlineData("2025-H2", ReportPeriodKind.HalfYear, "2025-07-01", "2025-12-31")]
    [InlineData("2024", ReportPeriodKind.Year, "2024-01-01", "2024-12-31")]
    public void every_named_form_parses_with_the_calendar_cutoff_by_default(string text, ReportPeriodKind kind, string from, string to)
    {
        var period = Parsed(text);

        (period.Kind, period.Cutoff, $"{period.From:yyyy-MM-dd}", $"{period.To:yyyy-MM-dd}", period.ToString())
            .ShouldBe((kind, PeriodCutoff.Calendar, from, to, text));
    }

    [Fact]
    public void the_official_cutoff_moves_a_named_period() =>
        $"{Parsed("2025-01", cutoff: "official").From:yyyy-MM-dd}".ShouldBe("2024-12-15");

    [Fact]
    public void calendar_may_be_asked_explicitly() =>
        Parsed("2025-Q1", cutoff: "calendar").Cutoff.ShouldBe(PeriodCutoff.Calendar);

    [Fact]
    public void from_and_to_give_a_span_that_echoes_an_official_cutoff_and_ignores_it()
    {
        var span = Parsed(null, "2025-01-01", "2025-01-31", "official");

        (span.Kind, span.Cutoff, $"{span.From:yyyy-MM-dd}", $"{span.To:yyyy-MM-dd}").ShouldBe((ReportPeriodKind.Span, PeriodCutoff.Official, "2025-01-01", "2025-01-31"));
    }

    [Fact]
    public void a_span_of_a_whole_leap_year_is_366_days_and_allowed() =>
        Parsed(null, "2024-01-01", "2024-12-31").Days.ShouldBe(366);

    [Fact]
    public void a_span_may_include_29_february_of_a_leap_year() =>
        Parsed(null, "2024-02-29", "2024-03-01").Days.ShouldBe(2);

    [Fact]
    public void a_span_longer_than_366_days_is_refused_on_to() =>
        Refused(null, "2023-01-01", "2024-01-02").ShouldBe([new PeriodError("to", "A span covers at most 366 days; 2023-01-01 to 2024-01-02 covers 367.")]);

    [Fact]
    public void from_after_to_is_refused_on_from() =>
        Refused(null, "2024-03-02", "2024-03-01").ShouldBe([new PeriodError("from", "from (2024-03-02) must not be after to (2024-03-01).")]);

    [Fact]
    public void a_period_and_a_span_together_are_refused() =>
        Refused("2025-01", "2025-01-01", "2025-01-31").Single().Field.ShouldBe("period");

    [Fact]
    public void nothing_at_all_is_refused_with_the_forms_to_use() =>
        Refused(null).Single().Message.ShouldContain("YYYY-Qn");

    [Theory]
    [InlineData("2025-01-01", null, "to")]
    [InlineData(null, "2025-01-31", "from")]
    public void from_and_to_go_together(string? from, string? to, string missing) =>
        Refused(null, from, to).Single().ShouldBe(new PeriodError(missing, $"{missing} is required with {(missing == "to" ? "from" : "to")}."));

    [Theory]
    [InlineData("2025-Q0")]
    [InlineData("2025-Q5")]
    [InlineData("2025-H0")]
    [InlineData("2025-H3")]
    [InlineData("2025-q1")]
    [InlineData("2025-13")]
    [InlineData("2025-1")]
    [InlineData("25")]
    [InlineData("1989")]
    [InlineData("2101-01")]
    [InlineData("2025-01-01")]
    [InlineData("２０２５")]
    [InlineData("2025-S1")]
    public void a_period_not_in_a_named_form_is_refused_with_the_forms(string text) =>
        Refused(text).Single().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("period"),
            e => e.Message.ShouldContain("YYYY-MM, YYYY-Qn (n = 1–4), YYYY-Hn (n = 1–2) or YYYY"),
            e => e.Message.ShouldContain(text));

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-1-01")]
    [InlineData("01/02/2024")]
    [InlineData("1989-12-31")]
    [InlineData("2024-02-01T00:00")]
    public void a_date_not_in_the_form_yyyy_mm_dd_is_refused(string from) =>
        Refused(null, from, "2024-03-01").Single().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("from"),
            e => e.Message.ShouldStartWith("from must be a date YYYY-MM-DD"));

    [Fact]
    public void both_dates_are_checked_at_once() =>
        Refused(null, "yesterday", "today").Select(e => e.Field).ShouldBe(["from", "to"]);

    [Fact]
    public void an_unknown_cutoff_is_refused() =>
        Refused("2025-01", cutoff: "fiscal").ShouldBe([new PeriodError("cutoff", "cutoff must be calendar or official.")]);
}
