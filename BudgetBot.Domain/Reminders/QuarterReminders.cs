using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation;

namespace BudgetBot.Domain.Reminders;

/// <summary>Before a quarter ends: each owner gets their projects behind the plan to the quarter's end; admins get the unowned; groups get who has not reported.</summary>
internal static class QuarterReminders
{
    public static IEnumerable<Notice> Plan(PlannerInput input, Moment now)
    {
        if (FiscalCalendar.FiscalYearBE(now.Date) != input.FiscalYear)
        {
            yield break;
        }

        var q = now.Quarter;
        var end = FiscalCalendar.QuarterEnd(input.FiscalYear, q);
        var due = input.Settings.DaysBeforeQuarterEnd
            .Select(days => (Days: days, Day: input.WorkingDays.OnOrBefore(end.AddDays(-days))))
            .Where(x => now.Reached(x.Day, input.Settings.ReminderTime))
            .OrderBy(x => x.Day)
            .LastOrDefault();
        if (due.Day == default)
        {
            yield break;
        }

        var behind = Behind(input, q);
        if (behind.Count == 0)
        {
            yield break;
        }

        var period = $"{input.Office.Id}:{input.FiscalYear}Q{q}:d{due.Days}";
        // Projects nobody owns go to the admins, and to the head of each one's division: the people who can name an owner.
        var unowned = behind.Where(b => !b.Project.Owners.Any(o => input.People.Any(p => p.Id == o))).ToList();
        var admins = ReminderPlanner.Admins(input).ToList();
        var toName = unowned.Count == 0 ? [] : input.People
            .Select(p => (Person: p, Projects: admins.Contains(p) ? unowned : unowned.Where(u => Access.HeadsDivision(p, u.Project.DivisionId)).ToList()))
            .Where(x => x.Projects.Count > 0)
            .ToDictionary(x => x.Person.Id, x => x.Projects);
        foreach (var owner in input.People.Where(p => behind.Any(b => b.Project.Owners.Contains(p.Id))))
        {
            // Someone who owns projects and also names owners gets one message with both: one push, not two.
            var mine = behind.Where(b => b.Project.Owners.Contains(owner.Id)).ToList();
            var notice = Private(NoticeKind.QuarterReminder, $"quarter:{period}:{owner.Id}", input, owner, mine, q, end, toName.GetValueOrDefault(owner.Id));
            toName.Remove(owner.Id);
            // An owner's reminder carries the quarters of their project furthest behind: the one to act on first.
            var first = mine.OrderByDescending(b => BehindPlan.Gap(b.Figures, q)).First().Project;
            yield return notice with { Reply = notice.Reply with { Attachments = [Attachment.Chart(input.Office.Id, input.FiscalYear, ChartScope.Project, first.Id)] } };
        }

        foreach (var person in input.People.Where(p => toName.ContainsKey(p.Id)))
        {
            yield return Private(NoticeKind.UnownedReminder, $"unowned:{period}:{person.Id}", input, person, toName[person.Id], q, end);
        }

        if (unowned.Count > 0 && admins.Count == 0)
        {
            // No one to send it to: the dry run still shows what is behind, and says who to invite.
            yield return Private(NoticeKind.NoRecipient, $"norecipient:{period}", input, null, unowned, q, end);
        }

        foreach (var group in input.Subscriptions.Where(s => s.Kind != Ports.SubscriptionKind.Off))
        {
            var scoped = behind.Where(b => group.DivisionId is null || b.Project.DivisionId == group.DivisionId).ToList();
            if (scoped.Count > 0)
            {
                // At most one reminder a day in a group, whichever reminder it is.
                yield return Group(input, group.ChatKey, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"group:{input.Office.Id}:{now.Date:yyyy-MM-dd}:{group.ChatKey}"), scoped, q, end, group.DivisionId);
            }
        }
    }

    /// <summary>Behind plan as <see cref="BehindPlan"/> says, listed by project number so an owner finds theirs.</summary>
    public static List<(Project Project, Figures Figures)> Behind(PlannerInput input, int q) =>
        BehindPlan.Of(input.Projects, q)
            .Select(x => (x.Project, x.Figures))
            .OrderBy(x => x.Project.Number)
            .ToList();

    private static Notice Private(
        NoticeKind kind, string key, PlannerInput input, Person? to, List<(Project Project, Figures Figures)> projects, int q, DateOnly end,
        List<(Project Project, Figures Figures)>? alsoUnowned = null)
    {
        var say = ReminderPlanner.SayFor(to);
        var head = say[
            $"เตือนรายงานผล ไตรมาส {q}/{input.FiscalYear} สิ้นสุด {say.Date(end)}: โครงการที่ผลยังต่ำกว่าแผนถึงไตรมาสนี้",
            $"Reminder: Q{q}/{input.FiscalYear} ends {say.Date(end)}. These projects are below their plan to this quarter:"];
        var lines = projects.Select(x => Line(say, x.Project, x.Figures, q)).ToList();
        var others = (alsoUnowned ?? []).Select(x => Line(say, x.Project, x.Figures, q)).ToList();
        var tail = say["รายงานด้วยคำสั่ง เช่น จ่าย 7 2,400 ค่าอาหารว่าง", "Report with e.g. /spend 7 2400 snacks"];
        List<string> text = others.Count == 0
            ? [head, .. lines, tail]
            : [head, .. lines, say["ยังไม่มีผู้รับผิดชอบ (เชิญผู้รับผิดชอบด้วย /invite owner):", "Nobody owns these yet (invite an owner with /invite owner):"], .. others, tail];
        projects = [.. projects, .. alsoUnowned ?? []];
        return new Notice(key, kind, input.Office.Id, to?.Id, null, new Reply(string.Join('\n', text)))
        {
            Reasons = [.. lines, .. others],
            QuickCommands = projects.Take(5).Select(x => (say[$"รายงานโครงการ {x.Project.Number}", $"Report project {x.Project.Number}"], $"/spend {x.Project.Number}")).ToList(),
        };
    }

    private static Notice Group(PlannerInput input, string chatKey, string key, List<(Project Project, Figures Figures)> projects, int q, DateOnly end, string? divisionId)
    {
        var say = new Say(Language.Thai);
        var names = projects.SelectMany(x => x.Project.Owners.DefaultIfEmpty(""))
            .Select(o => o.Length == 0 ? "(ยังไม่มีผู้รับผิดชอบ)" : input.People.FirstOrDefault(p => p.Id == o)?.DisplayName ?? o)
            .Distinct()
            .ToList();
        var lines = projects.Select(x => Line(say, x.Project, x.Figures, q)).ToList();
        var text = string.Join('\n', [
            $"ไตรมาส {q}/{input.FiscalYear} สิ้นสุด {say.Date(end)} ผลการเบิกจ่ายต่ำกว่าแผน {projects.Count} โครงการ",
            "ผู้รับผิดชอบ: " + string.Join(", ", names),
            .. lines.Take(10),
            lines.Count > 10 ? $"และอีก {lines.Count - 10} โครงการ" : ""]);
        var mentions = projects.SelectMany(x => x.Project.Owners).Where(o => input.People.Any(p => p.Id == o)).Distinct().ToList();
        // The chart of who is furthest behind fits a group reminder: the same projects, ranked.
        return new Notice(key, NoticeKind.GroupReminder, input.Office.Id, null, chatKey, new Reply(text.TrimEnd())
        {
            Mentions = mentions,
            Attachments = [Attachment.Chart(input.Office.Id, input.FiscalYear, ChartScope.Behind, divisionId)],
        })
        { Reasons = lines };
    }

    private static string Line(Say say, Project p, Figures f, int q) => say[
        $"{p.Number}. {p.Name} — ถึงไตรมาส {q}: แผน {Say.Baht(f.PlanToDate(q))} ผล {Say.Baht(f.ActualToDate(q))} บาท",
        $"{p.Number}. {p.Name} — to Q{q}: plan {Say.Baht(f.PlanToDate(q))}, actual {Say.Baht(f.ActualToDate(q))} baht"];
}
