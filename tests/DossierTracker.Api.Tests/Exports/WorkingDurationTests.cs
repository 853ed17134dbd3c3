using DossierTracker.Api.Exports;

namespace DossierTracker.Api.Tests.Exports;

/// <summary>Working time as people count it: days of 8 working hours, then hours; minutes only under an hour.</summary>
public sealed class WorkingDurationTests
{
    [Theory]
    [InlineData(19, "2 ngày 3 giờ")]
    [InlineData(68.45, "8 ngày 4 giờ")]
    [InlineData(8, "1 ngày")]
    [InlineData(16.5, "2 ngày 1 giờ")]
    [InlineData(7.6, "1 ngày")]
    [InlineData(3, "3 giờ")]
    [InlineData(0.25, "15 phút")]
    [InlineData(0, "0 phút")]
    public void working_hours_read_as_days_and_hours_in_vietnamese(double hours, string expected) =>
        WorkingDuration.Of(hours).ToText(DurationWords.Vietnamese).ShouldBe(expected);

    [Theory]
    [InlineData(19, "2 days 3 hours")]
    [InlineData(9, "1 day 1 hour")]
    [InlineData(0.5, "30 minutes")]
    public void working_hours_read_as_days_and_hours_in_english(double hours, string expected) =>
        WorkingDuration.Of(hours).ToText(DurationWords.English).ShouldBe(expected);
}
