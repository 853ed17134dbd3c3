using System.Globalization;
using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    [InlineData(2030, "2030-02-02")]
    public void tet_falls_on_the_vietnamese_date(int year, string expected) =>
        Assert.Equal(Local.Date(expected), VietnameseLunarCalendar.NewYear(year));

    [Theory]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    [InlineData(2027, "2027-04-16")]
    [InlineData(2028, "2028-04-04")]
    [InlineData(2029, "2029-04-23")]
    [InlineData(2030, "2030-04-12")]
    public void hung_kings_day_is_the_tenth_of_the_third_lunar_month(int year, string expected) =>
        Assert.Equal(Local.Date(expected), VietnameseLunarCalendar.ToSolar(year, 3, 10));

    [Theory]
    [InlineData("1985-01-21", 1985)]
    [InlineData("2007-02-17", 2007)]
    [InlineData("2030-02-02", 2030)]
    public void the_first_day_of_tet_is_lunar_new_years_day(string date, int lunarYear) =>
        Assert.Equal(new LunarDate(lunarYear, 1, 1, false), VietnameseLunarCalendar.FromSolar(Local.Date(date)));

    [Theory]
    [InlineData("2026-02-16", 2025, 12, 29)]
    [InlineData("2025-01-28", 2024, 12, 29)]
    [InlineData("2024-02-09", 2023, 12, 30)]
    public void the_eve_of_tet_is_the_last_day_of_the_twelfth_month(string date, int lunarYear, int month, int day) =>
        Assert.Equal(new LunarDate(lunarYear, month, day, false), VietnameseLunarCalendar.FromSolar(Local.Date(date)));

    [Fact]
    public void vietnamese_tet_differs_from_chinese_new_year_only_in_the_known_years()
    {
        // An independent check: the Chinese calendar is the same computation at UTC+8, so the two may differ only
        // where a new moon falls between 00:00 and 01:00 Beijing time, which happened for Tết in these years.
        var chinese = new ChineseLunisolarCalendar();
        var differing = Enumerable.Range(1970, 2060 - 1970 + 1)
            .Where(year => DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0)) != VietnameseLunarCalendar.NewYear(year))
            .ToArray();

        Assert.Equal([1985, 2007, 2030, 2053], differing);
    }

    [Theory]
    [InlineData(2012, 4)]
    [InlineData(2014, 9)]
    [InlineData(2017, 6)]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2028, 5)]
    [InlineData(2033, 11)]
    public void leap_month_is_the_first_month_without_a_major_solar_term(int lunarYear, int leapMonth) =>
        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonth(lunarYear));

    [Theory]
    [InlineData(2024)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void common_years_have_no_leap_month(int lunarYear) =>
        Assert.Null(VietnameseLunarCalendar.LeapMonth(lunarYear));

    [Fact]
    public void leap_sixth_month_of_2025_begins_on_25_july() =>
        Assert.Equal(Local.Date("2025-07-25"), VietnameseLunarCalendar.ToSolar(2025, 6, 1, leapMonth: true));

    [Fact]
    public void dates_in_a_leap_month_are_marked_leap() =>
        Assert.Equal(new LunarDate(2023, 2, 1, true), VietnameseLunarCalendar.FromSolar(Local.Date("2023-03-22")));

    [Fact]
    public void solar_dates_survive_the_round_trip_through_the_lunar_calendar()
    {
        var first = Local.Date("1990-01-01");
        var dates = Enumerable.Range(0, Local.Date("2040-12-31").DayNumber - first.DayNumber + 1).Select(first.AddDays);

        var mismatches = dates
            .Where(date =>
            {
                var lunar = VietnameseLunarCalendar.FromSolar(date);
                return VietnameseLunarCalendar.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth) != date;
            })
            .ToArray();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void consecutive_days_advance_the_lunar_day_or_start_a_29_or_30_day_month()
    {
        var first = Local.Date("2000-01-01");
        var previous = VietnameseLunarCalendar.FromSolar(first);
        var problems = new List<string>();
        for (var date = first.AddDays(1); date <= Local.Date("2035-12-31"); date = date.AddDays(1))
        {
            var current = VietnameseLunarCalendar.FromSolar(date);
            var continues = current with { Day = current.Day - 1 } == previous;
            var newMonth = current.Day == 1 && previous.Day is 29 or 30;
            if (!continues && !newMonth)
            {
                problems.Add($"{date:yyyy-MM-dd}: {previous} -> {current}");
            }

            previous = current;
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void a_leap_month_that_does_not_exist_is_rejected() =>
        Assert.Throws<ArgumentException>(() => VietnameseLunarCalendar.ToSolar(2026, 3, 1, leapMonth: true));

    [Fact]
    public void a_day_past_the_end_of_the_month_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(2026, 1, 31));

    [Theory]
    [InlineData(1899, 1)]
    [InlineData(2200, 1)]
    [InlineData(2026, 13)]
    [InlineData(2026, 0)]
    public void years_and_months_outside_the_supported_range_are_rejected(int year, int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(year, month, 1));
}
