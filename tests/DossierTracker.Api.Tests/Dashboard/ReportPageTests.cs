using DossierTracker.Api.Dashboard.ReportPage;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Organisation;
using DossierTracker.Reporting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace DossierTracker.Api.Tests.Dashboard;

/// <summary>The report page's own logic, without a browser: the period picker, the query model, the rows shown, the changes.</summary>
public sealed class ReportPageTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public void the_picker_reads_an_official_quarter_as_the_15th_of_the_month_before_to_the_14th_of_its_last_month()
    {
        var query = Read("kind=quarter&year=2025&quarter=1&month=7&cutoff=official", out var errors);

        errors.ShouldBeEmpty();
        (query!.Period.From, query.Period.To).ShouldBe((new DateOnly(2024, 12, 15), new DateOnly(2025, 3, 14)));
        Address(query).ShouldBe("period=2025-Q1&cutoff=official");
    }

    [Fact]
    public void custom_dates_are_typed_dd_mm_yyyy_and_addressed_as_the_api_spells_them()
    {
        var query = Read("kind=custom&from=01/07/2025&to=30/09/2025&cutoff=official&rows=procedure", out var errors);

        errors.ShouldBeEmpty();
        Address(query!).ShouldBe("from=2025-07-01&to=2025-09-30&rows=procedure");
    }

    [Theory]
    [InlineData("kind=custom&from=2025-07-01&to=31/06/2025", "to", ReportQueryProblem.Date)]
    [InlineData("kind=custom&from=07/01/2025&to=06/01/2025", "from", ReportQueryProblem.FromAfterTo)]
    [InlineData("kind=custom&from=01/01/2024&to=01/01/2025", "to", ReportQueryProblem.SpanTooLong)]
    [InlineData("kind=year&year=1989", "year", ReportQueryProblem.Year)]
    [InlineData("kind=quarter&year=2025&quarter=5", "quarter", ReportQueryProblem.Number)]
    [InlineData("period=2025-Q5", "kind", ReportQueryProblem.Period)]
    [InlineData("period=2025&from=2025-01-01&to=2025-01-31", "kind", ReportQueryProblem.Period)]
    [InlineData("period=2025&rows=district", "rows", ReportQueryProblem.Rows)]
    [InlineData("period=2025&compare=yesterday", "compare", ReportQueryProblem.Compare)]
    [InlineData("period=2025&cutoff=lunar", "cutoff", ReportQueryProblem.Cutoff)]
    public void a_parameter_that_names_no_report_is_an_error_on_its_field(string queryString, string field, ReportQueryProblem problem)
    {
        Read(queryString, out var errors).ShouldBeNull();

        errors.ShouldBe([new ReportQueryError(field, problem)]);
    }

    [Fact]
    public void a_custom_span_with_errors_shows_the_dates_as_typed()
    {
        var errors = new List<ReportQueryError>();
        ReportQuery.Read(Query("kind=custom&from=1/7/2025&to=31/13/2025"), Today, errors, out var picker);

        (picker.Kind, picker.From, picker.To).ShouldBe((PeriodPicker.CustomKind, "1/7/2025", "31/13/2025"));
    }

    [Theory]
    [InlineData("period=2025-H2&cutoff=official&rows=field&compare=last-year")]
    [InlineData("period=2024-02&compare=previous")]
    [InlineData("from=2024-02-29&to=2024-03-31")]
    public void an_api_query_string_is_read_as_the_report_it_names(string queryString)
    {
        var query = Read(queryString, out _);

        Address(query!).ShouldBe(queryString);
    }

    [Fact]
    public void without_a_period_the_page_shows_the_current_calendar_month()
    {
        Read("", out _)!.Period.ShouldBe(ReportPeriod.Month(2026, 12));
    }

    [Fact]
    public void the_picker_shows_an_official_month_by_the_month_it_ends_in()
    {
        var picker = PeriodPicker.Showing(ReportPeriod.Month(2025, 1, PeriodCutoff.Official));

        (picker.Kind, picker.Year, picker.Month, picker.Quarter, picker.From, picker.To).ShouldBe(("month", "2025", "1", "1", "15/12/2024", "14/01/2025"));
    }

    [Fact]
    public void a_drilldown_cell_reads_back_from_its_own_parameters()
    {
        var cell = new ReportCell(ReportPeriod.Quarter(2025, 3, PeriodCutoff.Official), ReportColumn.InProgressOverdue, ReportRowKind.Field, null);
        var address = string.Join('&', cell.Parameters().Where(p => p.Value is not null).Select(p => $"{p.Name}={p.Value}"));

        address.ShouldBe("period=2025-Q3&cutoff=official&column=inProgressOverdue&field=none");
        ReportCell.Read(Query(address), Today).ShouldBe(cell);
    }

    [Fact]
    public void a_subtotal_cell_reads_back_as_its_level()
    {
        var cell = ReportCell.Of(ReportPeriod.Month(2025, 1, PeriodCutoff.Calendar), ReportColumn.Received, Row(ReportRowKind.Subtotal, UnitLevel.District, 5));
        var address = string.Join('&', cell.Parameters().Where(p => p.Value is not null).Select(p => $"{p.Name}={p.Value}"));

        address.ShouldBe("period=2025-01&column=received&level=district");
        ReportCell.Read(Query(address), Today).ShouldBe(cell);
    }

    [Fact]
    public void a_leaf_units_report_shows_its_own_row_once()
    {
        var department = Row(ReportRowKind.Unit, UnitLevel.Department, received: 7);
        var rows = ShownRows.Of([department, Row(ReportRowKind.Subtotal, UnitLevel.Department, 7), Row(ReportRowKind.Total, null, 7)]);

        rows.ShouldBe([department]);
    }

    [Fact]
    public void a_districts_report_leaves_out_the_subtotal_of_its_own_level_but_keeps_its_communes_subtotal_and_the_total()
    {
        Form06Row district = Row(ReportRowKind.Unit, UnitLevel.District, 5), communeA = Row(ReportRowKind.Unit, UnitLevel.Commune, 2),
            communeB = Row(ReportRowKind.Unit, UnitLevel.Commune, 3), communes = Row(ReportRowKind.Subtotal, UnitLevel.Commune, 5),
            total = Row(ReportRowKind.Total, null, 10);

        ShownRows.Of([district, Row(ReportRowKind.Subtotal, UnitLevel.District, 5), communeA, communeB, communes, total])
            .ShouldBe([district, communeA, communeB, communes, total]);
    }

    [Fact]
    public void a_count_changes_by_dossiers_and_by_a_share_of_the_earlier_count()
    {
        FigureChange.Of(46, 40).ShouldBe(new FigureChange(6, 0.15));
        FigureChange.Of(3, 0).ShouldBe(new FigureChange(3, null));
        DashboardText.Vietnamese.Difference(FigureChange.Of(34, 40), rate: false).ShouldBe("6 (-15,0%)");
    }

    [Fact]
    public void a_rate_changes_by_percentage_points_and_not_at_all_when_either_rate_is_undefined()
    {
        var change = FigureChange.Of(0.9, 0.875)!;

        change.Sign.ShouldBe(1);
        DashboardText.Vietnamese.Difference(change, rate: true).ShouldBe("2,5 điểm %");
        FigureChange.Of(null, 0.5).ShouldBeNull();
    }

    private static ReportQuery? Read(string queryString, out List<ReportQueryError> errors)
    {
        errors = [];
        return ReportQuery.Read(Query(queryString), Today, errors, out _);
    }

    private static QueryCollection Query(string queryString) => new(QueryHelpers.ParseQuery(queryString));

    private static string Address(ReportQuery query) =>
        string.Join('&', query.Parameters().Where(p => p.Value is not null).Select(p => $"{p.Name}={p.Value}"));

    private static Form06Row Row(ReportRowKind kind, UnitLevel? level, int received) =>
        new(kind, ReportFigures.From(new UnitMonthCounts(received, 0, 0, 0, 0, 0, received, 0, 0, 0)), Level: level,
            UnitCode: kind == ReportRowKind.Unit ? $"U{level}{received}" : null);
}
