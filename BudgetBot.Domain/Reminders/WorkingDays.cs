namespace BudgetBot.Domain.Reminders;

/// <summary>Weekends and public holidays (data from config/holidays.json, editable): a reminder due on one moves to the working day before.</summary>
public sealed class WorkingDays(IEnumerable<DateOnly> holidays, IEnumerable<int>? fiscalYears = null)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];
    private readonly HashSet<int> _years = [.. fiscalYears ?? []];

    /// <summary>Whether the holiday data covers a fiscal year (BE); without it only weekends are known.</summary>
    public bool Covers(int fiscalYear) => _years.Contains(fiscalYear);

    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>The day itself when it is a working day, else the next one (a Monday holiday's summary goes on Tuesday).</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    public DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
