using BudgetBot.Domain.Calendar;

namespace BudgetBot.Tests.Calendar;

public sealed class FiscalCalendarTests
{
    [Theory]
    [InlineData("2022-09-30", 2565, 4)]
    [InlineData("2022-10-01", 2566, 1)]
    [InlineData("2022-12-31", 2566, 1)]
    [InlineData("2023-01-01", 2566, 2)]
    [InlineData("2023-03-31", 2566, 2)]
    [InlineData("2023-04-01", 2566, 3)]
    [InlineData("2023-06-30", 2566, 3)]
    [InlineData("2023-07-01", 2566, 4)]
    [InlineData("2023-09-30", 2566, 4)]
    [InlineData("2023-10-01", 2567, 1)]
    [InlineData("2023-11-15", 2567, 1)]
    [InlineData("2024-02-29", 2567, 2)]
    public void FiscalYearAndQuarter_OfDate_FollowTheOctoberStart(string iso, int fiscalYear, int quarter)
    {
        var date = DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(fiscalYear, FiscalCalendar.FiscalYearBE(date));
        Assert.Equal(quarter, FiscalCalendar.Quarter(date));
    }

    [Theory]
    [InlineData("2022-09-30T16:59:59Z", 2565, 4)]
    [InlineData("2022-09-30T17:00:00Z", 2566, 1)]
    [InlineData("2022-12-31T16:59:59Z", 2566, 1)]
    [InlineData("2022-12-31T17:00:00Z", 2566, 2)]
    public void LocalDate_OfInstant_UsesBangkokMidnight(string instant, int fiscalYear, int quarter)
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Asia/Bangkok", TimeSpan.FromHours(7), "ICT", "ICT");
        var date = FiscalCalendar.LocalDate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), zone);
        Assert.Equal(fiscalYear, FiscalCalendar.FiscalYearBE(date));
        Assert.Equal(quarter, FiscalCalendar.Quarter(date));
    }

    [Theory]
    [InlineData(2566, 1, "2022-10-01", "2022-12-31")]
    [InlineData(2566, 2, "2023-01-01", "2023-03-31")]
    [InlineData(2566, 3, "2023-04-01", "2023-06-30")]
    [InlineData(2566, 4, "2023-07-01", "2023-09-30")]
    public void QuarterBounds_OfFiscalYear_AreCalendarMonths(int fy, int q, string start, string end)
    {
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), FiscalCalendar.QuarterStart(fy, q));
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), FiscalCalendar.QuarterEnd(fy, q));
    }

    [Fact]
    public void QuarterStart_OfQuarterFive_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FiscalCalendar.QuarterStart(2566, 5));
}
