using System.Text.Json;
using BudgetBot.Domain.Calendar;
using BudgetBot.Host.Jobs;

namespace BudgetBot.Tests.Calendar;

/// <summary>The shipped holiday list: the days offices closed, with a source for each, for the fiscal years it claims.</summary>
public sealed class HolidayDataTests
{
    private static string File => Path.Combine(AppContext.BaseDirectory, "config", "holidays.json");

    [Theory]
    [InlineData("2023-01-03", false)] // a Tuesday at work: only 2 Jan 2566 made up for the New Year weekend
    [InlineData("2023-01-02", true)]
    [InlineData("2023-05-17", true)]  // วันพืชมงคล: government offices close
    [InlineData("2023-07-31", true)]  // special holiday, cabinet resolution of 25 Jul 2566
    [InlineData("2025-06-02", true)]
    [InlineData("2025-08-11", true)]
    [InlineData("2026-01-02", true)]
    [InlineData("2024-01-02", false)] // moved to 29 Dec 2566
    public void KnownDays(string date, bool holiday)
    {
        var days = CalendarData.Load(File);
        var d = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(!holiday, days.IsWorkingDay(d));
    }

    [Fact]
    public void EveryEntry_HasASource_AndFallsInACoveredFiscalYear_OnAWeekday()
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        var years = doc.RootElement.GetProperty("fiscalYears").EnumerateArray().Select(y => y.GetInt32()).ToList();
        Assert.Equal([2566, 2567, 2568, 2569], years);
        var days = CalendarData.Load(File);
        foreach (var h in doc.RootElement.GetProperty("holidays").EnumerateArray())
        {
            var date = DateOnly.Parse(h.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(string.IsNullOrWhiteSpace(h.GetProperty("source").GetString()), $"{date} has no source");
            Assert.Contains(FiscalCalendar.FiscalYearBE(date), years);
            Assert.True(days.Covers(FiscalCalendar.FiscalYearBE(date)));
            Assert.True(date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{date} ({h.GetProperty("name").GetString()}) is a weekend: list the substitute day instead");
        }

        Assert.False(days.Covers(2570));
    }
}
