namespace BudgetBot.Domain.Reminders;

/// <summary>When the bot chases and summarises; defaults follow the reminders issue (7 and 1 days before quarter end at 09:00).</summary>
public sealed record ReminderSettings
{
    public IReadOnlyList<int> DaysBeforeQuarterEnd { get; init; } = [7, 1];

    public TimeOnly ReminderTime { get; init; } = new(9, 0);

    /// <summary>Nothing is sent from <see cref="QuietStart"/> to <see cref="QuietEnd"/> (local time).</summary>
    public TimeOnly QuietStart { get; init; } = new(20, 0);

    public TimeOnly QuietEnd { get; init; } = new(8, 0);

    public DayOfWeek WeeklyDay { get; init; } = DayOfWeek.Monday;

    public TimeOnly WeeklyTime { get; init; } = new(8, 30);

    /// <summary>The quarterly report is due this many days after the quarter ends (ระเบียบว่าด้วยการบริหารงบประมาณ 2562).</summary>
    public int ReportDueDays { get; init; } = 15;

    public bool IsQuiet(TimeOnly time) => QuietStart > QuietEnd
        ? time >= QuietStart || time < QuietEnd
        : time >= QuietStart && time < QuietEnd;
}
