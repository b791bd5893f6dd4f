using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Reminders;

/// <summary>
/// When a spend takes a project past a level (the office's warning and hold thresholds, 80% and 100% by default),
/// admins and the project's division head are told, once per level: the key makes a repeat a no-op.
/// </summary>
public static class ThresholdAlerts
{
    /// <remarks><paramref name="people"/> is only asked for when a level was crossed, so an ordinary spend reads no one.</remarks>
    public static IEnumerable<Notice> Crossed(Project project, Figures before, Figures after, Func<IEnumerable<Person>> people, IEnumerable<decimal> levels)
    {
        foreach (var level in levels.Where(l => before.PercentUsed <= l && after.PercentUsed > l))
        {
            foreach (var person in people().Where(p => Access.IsAdmin(p, project.OfficeId) || Access.HeadsDivision(p, project.DivisionId)))
            {
                var say = new Say(person.Language);
                var text = string.Join('\n',
                    say[$"⚠ {ProjectText.Title(say, project)} ใช้งบเกิน {Say.Baht(level)}%", $"⚠ {ProjectText.Title(say, project)} has used over {Say.Baht(level)}% of its allocation"],
                    ProjectText.Used(say, after));
                yield return new Notice(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"threshold:{project.Id}:{level}:{person.Id}"), NoticeKind.ThresholdAlert, project.OfficeId, person.Id, null, new Reply(text))
                {
                    Reasons = [$"{project.Number}. {project.Name} — {Say.Percent(after.PercentUsed)}"],
                };
            }
        }
    }

    public static void Enqueue(IChatStore chat, IEnumerable<Notice> notices, DateTimeOffset at)
    {
        foreach (var n in notices)
        {
            chat.Enqueue(new OutboxItem(n.Key, n.Kind.ToString(), n.OfficeId, n.PersonId, n.ChatKey, n.Reply, at));
        }
    }
}
