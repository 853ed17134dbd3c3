using System.Text;
using DossierTracker.Api.Exports;

namespace DossierTracker.Api.Tests.Exports;

public sealed class Form06CsvTests
{
    private static readonly string[] Lines = new UTF8Encoding(false).GetString(Form06Csv.Write(SampleReport.Build(), withHeading: false).AsSpan(3))
        .Split("\r\n");

    [Fact]
    public void header_uses_the_contract_json_field_names() =>
        Lines[0].ShouldBe("kind,unitCode,unitName,level,received,receivedOnline,receivedDirect,carriedOver,"
            + "resolved,resolvedEarly,resolvedOnTime,resolvedLate,inProgress,inProgressOnTime,inProgressOverdue,"
            + "withdrawnOrStopped,onTime766,onTimeRate,indicator766,points766");

    [Fact]
    public void a_unit_row_carries_its_figures_and_rates_as_fractions() =>
        Lines[1].ShouldBe("unit,000.00.01.H22,Sở Tư pháp,department,18,10,5,3,6,2,3,1,9,7,2,3,11,0.8333,0.6111,12.2222");

    [Fact]
    public void a_rate_without_denominator_is_an_empty_field() =>
        Lines[2].ShouldEndWith(",2,1,1,0,1,,0.5,10");

    [Fact]
    public void a_subtotal_row_names_only_its_level() =>
        Lines[3].ShouldStartWith("subtotal,,,department,20,");

    [Fact]
    public void a_unit_name_with_a_comma_is_quoted() =>
        Lines[4].ShouldStartWith("unit,000.11.01.H22,\"Xã Bắc Phong, huyện Cao Phong\",commune,1200,");

    [Fact]
    public void the_total_row_is_last_with_no_unit_and_no_level()
    {
        Lines[^1].ShouldBeEmpty();
        Lines[^2].ShouldStartWith("total,,,,1220,1210,7,3,1206,");
    }
}
