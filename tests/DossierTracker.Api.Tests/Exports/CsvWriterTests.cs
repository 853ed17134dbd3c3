using System.Text;
using DossierTracker.Api.Exports;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;

namespace DossierTracker.Api.Tests.Exports;

public sealed class CsvWriterTests
{
    [Fact]
    public void output_starts_with_the_utf8_byte_order_mark() =>
        CsvWriter.Write(["a"], [])[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });

    [Fact]
    public void every_record_ends_with_crlf() =>
        Text(CsvWriter.Write(["a", "b"], [["1", "2"], ["3", "4"]])).ShouldBe("a,b\r\n1,2\r\n3,4\r\n");

    [Theory]
    [InlineData("Hà Nội, Việt Nam", "\"Hà Nội, Việt Nam\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("plain text", "plain text")]
    public void fields_with_a_comma_quote_or_line_break_are_quoted_with_quotes_doubled(string value, string expected) =>
        Field(value).ShouldBe(expected);

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+84 912", "'+84 912")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    public void text_that_starts_like_a_formula_is_defused_with_a_leading_quote(string value, string expected) =>
        Field(value).ShouldBe(expected);

    [Fact]
    public void negative_numbers_are_written_as_numbers_not_defused() =>
        (Field(-5), Field(-0.25)).ShouldBe(("-5", "-0.25"));

    [Fact]
    public void vietnamese_text_survives_the_round_trip()
    {
        const string name = "Sở Tài nguyên và Môi trường tỉnh Hòa Bình — Đà Bắc";

        Text(CsvWriter.Write([name], [])).ShouldBe(name + "\r\n");
    }

    [Theory]
    [InlineData(0.123456, "0.1235")]
    [InlineData(1234567.5, "1234567.5")]
    [InlineData(0.99, "0.99")]
    [InlineData(20.0, "20")]
    public void doubles_have_at_most_four_decimals_and_no_thousands_separator(double value, string expected) =>
        Field(value).ShouldBe(expected);

    [Fact]
    public void integers_and_longs_are_invariant() =>
        (Field(1234567), Field(9_000_000_000L)).ShouldBe(("1234567", "9000000000"));

    [Fact]
    public void booleans_are_lower_case() =>
        (Field(true), Field(false)).ShouldBe(("true", "false"));

    [Fact]
    public void instants_are_shown_at_plus_seven() =>
        Field(new DateTimeOffset(2022, 8, 1, 2, 15, 0, TimeSpan.Zero)).ShouldBe("2022-08-01T09:15:00+07:00");

    [Fact]
    public void dates_are_iso() =>
        Field(new DateOnly(2022, 8, 31)).ShouldBe("2022-08-31");

    [Fact]
    public void enums_use_the_contract_wire_names() =>
        (Field(ProcessingTimeUnit.WorkingDays), Field(CompletionResult.OnTime)).ShouldBe(("working-days", "on-time"));

    [Fact]
    public void null_is_an_empty_field() =>
        Text(CsvWriter.Write(["a", "b", "c"], [["x", null, "y"]])).ShouldEndWith("x,,y\r\n");

    [Fact]
    public void an_unsupported_type_is_refused_rather_than_printed_with_to_string() =>
        Should.Throw<ArgumentException>(() => CsvWriter.Write(["a"], [[new object()]]));

    private static string Field(object value)
    {
        var text = Text(CsvWriter.Write(["h"], [[value]]));
        return text["h\r\n".Length..^2];
    }

    private static string Text(byte[] bytes) => new UTF8Encoding(false).GetString(bytes.AsSpan(3));
}
