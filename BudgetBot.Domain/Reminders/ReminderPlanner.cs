using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation;

namespace BudgetBot.Domain.Reminders;

/// <summary>
/// Decides what is due at a moment: quarter-end reminders, the report-due notice and weekly summaries (threshold
/// alerts are raised by the spend that crosses the level). Pure: Hangfire only decides when to ask; the outbox's unique keys make asking twice harmless, and a
/// reminder that fell due while the host was down is still due (once) until its quarter ends.
/// </summary>
public static class ReminderPlanner
{
    public static IReadOnlyList<Notice> Plan(PlannerInput input, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, input.Zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        // Scheduled notices go out on working mornings only: one missed while the host was down waits for the next
        // working day, never a weekend or a holiday.
        if (input.Settings.IsQuiet(time) || !input.WorkingDays.IsWorkingDay(date))
        {
            return [];
        }

        var moment = new Moment(date, time);
        return QuarterReminders.Plan(input, moment)
            .Concat(ReportDue.Plan(input, moment))
            .Concat(WeeklySummary.Plan(input, moment))
            .ToList();
    }

    /// <summary>A project the bot may chase: not finished, cancelled or postponed.</summary>
    public static bool Chaseable(Project p) => BehindPlan.Running(p);

    internal static IEnumerable<Person> Admins(PlannerInput input) =>
        input.People.Where(p => Access.IsAdmin(p, input.Office.Id));

    internal static Say SayFor(Person? person) => new(person?.Language ?? Language.Thai);
}

/// <summary>A local date and time of day.</summary>
internal readonly record struct Moment(DateOnly Date, TimeOnly Time)
{
    public bool Reached(DateOnly day, TimeOnly at) => day < Date || (day == Date && Time >= at);

    public int Quarter => FiscalCalendar.Quarter(Date);
}
