using DossierTracker.Reporting;
using DossierTracker.Tests.Calendar;

namespace DossierTracker.Tests.Reporting;

/// <summary>The days and instants of every kind of report period, under both cut-offs, and the periods to compare with.</summary>
public sealed class ReportPeriodTests
{
    private static (string From, string To) Dates(ReportPeriod period) => ($"{period.From:yyyy-MM-dd}", $"{period.To:yyyy-MM-dd}");

    private static ReportPeriod Span(string from, string to) => ReportPeriod.Span(Local.Date(from), Local.Date(to));

    // Calendar cut-off.

    [Theory]
    [InlineData(2024, 2, "2024-02-01", "2024-02-29", 29)]
    [InlineData(2023, 2, "2023-02-01", "2023-02-28", 28)]
    [InlineData(2024, 12, "2024-12-01", "2024-12-31", 31)]
    public void a_calendar_month_runs_from_its_first_to_its_last_day(int year, int month, string from, string to, int days)
    {
        var period = ReportPeriod.Month(year, month);

        (Dates(period), period.Days).ShouldBe(((from, to), days));
    }

    [Theory]
    [InlineData(1, "2025-01-01", "2025-03-31")]
    [InlineData(2, "2025-04-01", "2025-06-30")]
    [InlineData(3, "2025-07-01", "2025-09-30")]
    [InlineData(4, "2025-10-01", "2025-12-31")]
    public void calendar_quarters_are_three_whole_months(int quarter, string from, string to) =>
        Dates(ReportPeriod.Quarter(2025, quarter)).ShouldBe((from, to));

    [Theory]
    [InlineData(1, "2025-01-01", "2025-06-30")]
    [InlineData(2, "2025-07-01", "2025-12-31")]
    public void calendar_halves_are_six_whole_months(int half, string from, string to) =>
        Dates(ReportPeriod.HalfYear(2025, half)).ShouldBe((from, to));

    [Fact]
    public void a_calendar_leap_year_has_366_days() =>
        (Dates(ReportPeriod.WholeYear(2024)), ReportPeriod.WholeYear(2024).Days).ShouldBe((("2024-01-01", "2024-12-31"), 366));

    [Fact]
    public void a_calendar_month_has_the_instants_of_the_report_month()
    {
        var month = ReportMonth.Parse("2024-02");

        (ReportPeriod.Month(2024, 2).Start, ReportPeriod.Month(2024, 2).End).ShouldBe((month.Start, month.End));
    }

    // Official cut-off (Decree 09/2019/NĐ-CP, article 12).

    [Theory]
    [InlineData(2025, 1, "2024-12-15", "2025-01-14")]
    [InlineData(2024, 3, "2024-02-15", "2024-03-14")]
    [InlineData(2025, 12, "2025-11-15", "2025-12-14")]
    public void an_official_month_runs_from_the_15th_of_the_month_before_to_the_14th(int year, int month, string from, string to) =>
        Dates(ReportPeriod.Month(year, month, PeriodCutoff.Official)).ShouldBe((from, to));

    [Fact]
    public void an_official_month_across_a_leap_february_has_29_days() =>
        ReportPeriod.Month(2024, 3, PeriodCutoff.Official).Days.ShouldBe(29);

    [Theory]
    [InlineData(1, "2024-12-15", "2025-03-14")]
    [InlineData(2, "2025-03-15", "2025-06-14")]
    [InlineData(3, "2025-06-15", "2025-09-14")]
    [InlineData(4, "2025-09-15", "2025-12-14")]
    public void an_official_quarter_runs_from_the_15th_before_it_to_the_14th_of_its_last_month(int quarter, string from, string to) =>
        Dates(ReportPeriod.Quarter(2025, quarter, PeriodCutoff.Official)).ShouldBe((from, to));

    [Theory]
    [InlineData(1, "2024-12-15", "2025-06-14")]
    [InlineData(2, "2025-06-15", "2025-12-14")]
    public void official_halves_meet_on_15_june(int half, string from, string to) =>
        Dates(ReportPeriod.HalfYear(2025, half, PeriodCutoff.Official)).ShouldBe((from, to));

    [Fact]
    public void an_official_year_runs_from_15_december_of_the_year_before_to_14_december() =>
        Dates(ReportPeriod.WholeYear(2025, PeriodCutoff.Official)).ShouldBe(("2024-12-15", "2025-12-14"));

    [Fact]
    public void an_official_period_starts_and_ends_at_local_midnight()
    {
        var january = ReportPeriod.Month(2025, 1, PeriodCutoff.Official);

        (january.Start, january.End).ShouldBe((Local.Instant("2024-12-14T17:00:00Z"), Local.Instant("2025-01-15T00:00:00+07:00")));
    }

    // Spans.

    [Fact]
    public void a_span_ends_at_00_00_the_day_after_its_last_date()
    {
        var span = Span("2024-02-28", "2024-03-01");

        (span.Start, span.End, span.Days).ShouldBe((Local.Time("2024-02-28 00:00"), Local.Time("2024-03-02 00:00"), 3));
    }

    [Fact]
    public void a_span_of_one_day_is_allowed() =>
        Span("2024-02-29", "2024-02-29").Days.ShouldBe(1);

    [Fact]
    public void a_span_of_more_than_366_days_is_refused() =>
        Should.Throw<ArgumentException>(() => Span("2024-01-01", "2025-01-01")).Message.ShouldContain("366");

    [Fact]
    public void a_span_from_after_to_is_refused() =>
        Should.Throw<ArgumentException>(() => Span("2024-03-02", "2024-03-01")).Message.ShouldContain("after");

    // The period before.

    [Theory]
    [InlineData("month", PeriodCutoff.Calendar, "2024-12-01", "2024-12-31")]
    [InlineData("month", PeriodCutoff.Official, "2024-11-15", "2024-12-14")]
    [InlineData("quarter", PeriodCutoff.Calendar, "2024-10-01", "2024-12-31")]
    [InlineData("quarter", PeriodCutoff.Official, "2024-09-15", "2024-12-14")]
    [InlineData("half", PeriodCutoff.Calendar, "2024-07-01", "2024-12-31")]
    [InlineData("half", PeriodCutoff.Official, "2024-06-15", "2024-12-14")]
    [InlineData("year", PeriodCutoff.Calendar, "2024-01-01", "2024-12-31")]
    [InlineData("year", PeriodCutoff.Official, "2023-12-15", "2024-12-14")]
    public void the_period_before_the_first_of_2025_is_the_last_of_2024_under_the_same_cutoff(string kind, PeriodCutoff cutoff, string from, string to)
    {
        var previous = First2025(kind, cutoff).Previous();

        (Dates(previous), previous.Kind, previous.Cutoff).ShouldBe(((from, to), First2025(kind, cutoff).Kind, cutoff));
    }

    [Theory]
    [InlineData("month")]
    [InlineData("quarter")]
    [InlineData("half")]
    [InlineData("year")]
    public void official_periods_follow_each_other_without_gap_or_overlap(string kind)
    {
        var period = First2025(kind, PeriodCutoff.Official);

        period.Previous().End.ShouldBe(period.Start);
    }

    [Fact]
    public void the_month_before_march_of_a_leap_year_is_its_29_day_february() =>
        Dates(ReportPeriod.Month(2024, 3).Previous()).ShouldBe(("2024-02-01", "2024-02-29"));

    [Fact]
    public void the_span_before_is_as_many_days_ending_the_day_before()
    {
        var previous = Span("2024-03-01", "2024-03-31").Previous();

        (Dates(previous), previous.Days).ShouldBe((("2024-01-30", "2024-02-29"), 31));
    }

    [Fact]
    public void a_span_keeps_the_cutoff_it_was_asked_with_but_not_its_days()
    {
        var span = ReportPeriod.Span(Local.Date("2025-01-01"), Local.Date("2025-01-31"), PeriodCutoff.Official);

        (Dates(span), span.Cutoff, span.Previous().Cutoff).ShouldBe((("2025-01-01", "2025-01-31"), PeriodCutoff.Official, PeriodCutoff.Official));
    }

    // The same period a year earlier.

    [Fact]
    public void last_year_of_a_leap_february_is_a_28_day_february() =>
        Dates(ReportPeriod.Month(2024, 2).LastYear()).ShouldBe(("2023-02-01", "2023-02-28"));

    [Fact]
    public void last_year_of_an_official_quarter_is_official_too() =>
        Dates(ReportPeriod.Quarter(2025, 1, PeriodCutoff.Official).LastYear()).ShouldBe(("2023-12-15", "2024-03-14"));

    [Theory]
    [InlineData("half", "2024-01-01", "2024-06-30")]
    [InlineData("year", "2024-01-01", "2024-12-31")]
    public void last_year_of_a_named_period_is_the_same_one_a_year_earlier(string kind, string from, string to) =>
        Dates(First2025(kind, PeriodCutoff.Calendar).LastYear()).ShouldBe((from, to));

    [Fact]
    public void last_year_of_a_span_across_29_february_takes_the_same_dates() =>
        Dates(Span("2024-02-20", "2024-03-10").LastYear()).ShouldBe(("2023-02-20", "2023-03-10"));

    [Fact]
    public void last_year_of_a_span_ending_on_29_february_ends_on_28_february() =>
        Dates(Span("2024-02-01", "2024-02-29").LastYear()).ShouldBe(("2023-02-01", "2023-02-28"));

    [Theory]
    [InlineData("2025-01", "month")]
    [InlineData("2025-Q1", "quarter")]
    [InlineData("2025-H1", "half")]
    [InlineData("2025", "year")]
    public void a_named_period_prints_as_it_is_asked(string text, string kind) =>
        First2025(kind, PeriodCutoff.Official).ToString().ShouldBe(text);

    private static ReportPeriod First2025(string kind, PeriodCutoff cutoff) => kind switch
    {
        "month" => ReportPeriod.Month(2025, 1, cutoff),
        "quarter" => ReportPeriod.Quarter(2025, 1, cutoff),
        "half" => ReportPeriod.HalfYear(2025, 1, cutoff),
        _ => ReportPeriod.WholeYear(2025, cutoff),
    };
}
