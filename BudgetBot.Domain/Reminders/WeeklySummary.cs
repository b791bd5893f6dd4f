using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Reminders;

/// <summary>
/// Each week (Monday 08:30 by default), or each month for groups that chose monthly, subscribed groups get totals,
/// disbursement against plan and target, the laggards and a chart. A summary missed while the host was down goes out
/// once later in the same week or month.
/// </summary>
internal static class WeeklySummary
{
    public static IEnumerable<Notice> Plan(PlannerInput input, Moment now)
    {
        if (FiscalCalendar.FiscalYearBE(now.Date) != input.FiscalYear)
        {
            yield break;
        }

        var weekStart = now.Date.AddDays(-(((int)now.Date.DayOfWeek - (int)input.Settings.WeeklyDay + 7) % 7));
        var monthStart = new DateOnly(now.Date.Year, now.Date.Month, 1);
        var q = now.Quarter;
        foreach (var group in input.Subscriptions.Where(s => s.Kind is SubscriptionKind.Weekly or SubscriptionKind.Monthly))
        {
            var start = input.WorkingDays.OnOrAfter(group.Kind == SubscriptionKind.Weekly ? weekStart : monthStart);
            if (!now.Reached(start, input.Settings.WeeklyTime))
            {
                continue;
            }

            var scoped = input.Projects.Where(x => group.DivisionId is null || x.Project.DivisionId == group.DivisionId).ToList();
            var name = group.DivisionId is null ? input.Office.Name : input.Divisions.FirstOrDefault(d => d.Id == group.DivisionId)?.Name ?? "";
            var headline = OfficeHeadline.Of(scoped, input.FiscalYear, q, input.Targets);
            var say = new Say(Language.Thai);
            var laggards = headline.BehindLines(say);
            var text = string.Join('\n', [
                (group.Kind == SubscriptionKind.Weekly ? "สรุปประจำสัปดาห์ " : "สรุปประจำเดือน ") + $"{say.Date(start)} — {name}",
                .. headline.Lines(say)]);
                        var period = group.Kind == SubscriptionKind.Weekly ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"weekly:{input.Office.Id}:{start:yyyy-MM-dd}") : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"monthly:{input.Office.Id}:{start:yyyy-MM}");
            yield return new Notice($"{period}:{group.ChatKey}", NoticeKind.WeeklySummary, input.Office.Id, null, group.ChatKey,
                new Reply(text) { Attachments = [group.DivisionId is null ? Attachment.Chart(input.Office.Id, input.FiscalYear, ChartScope.Office) : Attachment.Chart(input.Office.Id, input.FiscalYear, ChartScope.Division, group.DivisionId)] })
            {
                Reasons = laggards,
            };
        }
    }
}
