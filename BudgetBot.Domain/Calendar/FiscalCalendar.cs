namespace BudgetBot.Domain.Calendar;

/// <summary>The Thai government fiscal year: 1 October to 30 September, named after the later Buddhist-Era year.</summary>
public static class FiscalCalendar
{
    public const int BuddhistEraOffset = 543;

    /// <summary>Fiscal year (BE) of a calendar date. October belongs to the next year: a common bug writes <c>Month &lt;= 10</c>.</summary>
    public static int FiscalYearBE(DateOnly date) => (date.Month >= 10 ? date.Year + 1 : date.Year) + BuddhistEraOffset;

    /// <summary>Fiscal quarter 1–4 of a date; Q1 is October to December.</summary>
    public static int Quarter(DateOnly date) => ((date.Month + 2) % 12 / 3) + 1;

    public static DateOnly FiscalYearStart(int fiscalYearBE) => new(fiscalYearBE - BuddhistEraOffset - 1, 10, 1);

    public static DateOnly FiscalYearEnd(int fiscalYearBE) => new(fiscalYearBE - BuddhistEraOffset, 9, 30);

    public static DateOnly QuarterStart(int fiscalYearBE, int quarter)
    {
        CheckQuarter(quarter);
        return FiscalYearStart(fiscalYearBE).AddMonths((quarter - 1) * 3);
    }

    public static DateOnly QuarterEnd(int fiscalYearBE, int quarter) => QuarterStart(fiscalYearBE, quarter).AddMonths(3).AddDays(-1);

    public static bool Contains(int fiscalYearBE, DateOnly date) => FiscalYearBE(date) == fiscalYearBE;

    /// <summary>The calendar date of an instant in the office's time zone (Asia/Bangkok for Thai offices).</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static void CheckQuarter(int quarter)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A fiscal quarter is 1 to 4.");
        }
    }
}
