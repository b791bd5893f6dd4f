using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation;

namespace BudgetBot.Domain.Reminders;

/// <summary>After a quarter ends, admins are told the quarterly report is due within 15 days, with its state and the export.</summary>
internal static class ReportDue
{
    public static IEnumerable<Notice> Plan(PlannerInput input, Moment now)
    {
        for (var q = 1; q <= 4; q++)
        {
            var end = FiscalCalendar.QuarterEnd(input.FiscalYear, q);
            // The notice goes on the first working day after the quarter, and the deadline is a working day too.
            var deadline = input.WorkingDays.OnOrAfter(end.AddDays(input.Settings.ReportDueDays));
            if (now.Date <= end || now.Date > deadline || !now.Reached(input.WorkingDays.OnOrAfter(end.AddDays(1)), input.Settings.ReminderTime))
            {
                continue;
            }

            var f = Figures.Sum(input.Projects.Select(x => x.Figures));
            var unplanned = input.Projects.Count(x => x.Project.Plan.Total != x.Project.Allocation);
            foreach (var admin in ReminderPlanner.Admins(input))
            {
                var say = ReminderPlanner.SayFor(admin);
                var status = unplanned == 0
                    ? say["แผนรายไตรมาสรวมเท่ากับงบจัดสรรทุกโครงการ", "Every project's quarter plans add up to its allocation."]
                    : say[$"แผนรายไตรมาสรวมไม่เท่ากับงบจัดสรร {unplanned} โครงการ", $"{unplanned} projects' quarter plans do not add up to their allocation."];
                var text = string.Join('\n',
                    say[$"ถึงกำหนดส่งรายงานไตรมาส {q}/{input.FiscalYear} ภายใน {say.Date(deadline)}", $"The Q{q}/{input.FiscalYear} report is due by {say.Date(deadline)}."],
                    ProjectText.ToDate(say, f, q),
                    status);
                yield return new Notice($"report-due:{input.Office.Id}:{input.FiscalYear}Q{q}:{admin.Id}", NoticeKind.ReportDue, input.Office.Id, admin.Id, null,
                    new Reply(text) { Attachments = [Attachment.Report(input.Office.Id, input.FiscalYear, $"q{q}")] })
                {
                    Reasons = [string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Q{q} ended {end:yyyy-MM-dd}, due {deadline:yyyy-MM-dd}")],
                };
            }
        }
    }
}
