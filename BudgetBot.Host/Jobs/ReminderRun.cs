using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;
using BudgetBot.Domain.Reminders;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Jobs;

/// <summary>Asks the planner what is due now for every office and puts it in the outbox; the outbox's keys make a second run a no-op.</summary>
internal sealed class ReminderRun(
    IBudgetStore store, IChatStore chat, IUnitOfWork unit, Messaging.MessageSignals signals, CalendarData calendar, IOptions<BudgetBotOptions> options, TimeProvider clock, ILogger<ReminderRun> logger)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> _warned = new();

    /// <summary>What is due at <paramref name="at"/>, for every office and the fiscal years it touches.</summary>
    public IReadOnlyList<Notice> Due(DateTimeOffset at)
    {
        TimeZones.TryFind(options.Value.TimeZone, out var zone);
        var today = FiscalCalendar.LocalDate(at, zone);
        var settings = options.Value.Reminders.ToSettings();
        var notices = new List<Notice>();
        foreach (var office in store.Offices())
        {
            var years = store.FiscalYears(office.Id);
            // This year for reminders and summaries; last year too, for the report due after its last quarter.
            foreach (var year in new[] { FiscalCalendar.FiscalYearBE(today), FiscalCalendar.FiscalYearBE(today) - 1 }.Where(years.Contains))
            {
                if (!calendar.WorkingDays.Covers(year) && _warned.TryAdd(year, true))
                {
                    Log.NoHolidayData(logger, year);
                }

                var projects = store.Projects(office.Id, year).Select(p => (p, Figures.Of(p, store.Balance(p.Id)))).ToList();
                var input = new PlannerInput(office, year, projects, store.Divisions(office.Id), chat.People(office.Id), chat.Subscriptions(office.Id),
                    calendar.Targets, calendar.WorkingDays, settings, zone);
                notices.AddRange(ReminderPlanner.Plan(input, at));
            }
        }

        return notices;
    }

    /// <summary>The Hangfire job: enqueue what is due now.</summary>
    public int Run() => RunAt(clock.GetUtcNow());

    /// <summary>Enqueues what is due at a moment (the job passes now).</summary>
    public int RunAt(DateTimeOffset now)
    {
        // Buttons are made only for a message not queued before; the enqueue itself still decides, so a race adds one.
        var due = Due(now).Where(n => n.Kind != NoticeKind.NoRecipient).ToList();
        // One commit for the whole run: the messages and their buttons are queued together or not at all.
        var added = unit.Run(() => due.Where(n => !chat.HasOutbox(n.Key))
            .Count(n => chat.Enqueue(new OutboxItem(n.Key, n.Kind.ToString(), n.OfficeId, n.PersonId, n.ChatKey, WithButtons(n, now), now))));
        Log.RemindersQueued(logger, added);
        Metrics.ServiceMetrics.RemindersQueued(added);
        if (added > 0)
        {
            signals.WakeSenders();
        }

        return added;
    }

    /// <summary>Buttons carry only a key; what they run is kept here, for the recipient alone, until the quarter is long over.</summary>
    private Reply WithButtons(Notice notice, DateTimeOffset now)
    {
        if (notice.QuickCommands.Count == 0 || notice.PersonId is null)
        {
            return notice.Reply;
        }

        var buttons = notice.QuickCommands.Select(q =>
        {
            var action = new RunCommand(Guid.NewGuid().ToString("N")[..12], notice.OfficeId, notice.PersonId, now.AddDays(30), q.Command);
            chat.SavePending(action);
            return (IReadOnlyList<Button>)[new Button(q.Label, action.Payload)];
        }).ToList();
        return notice.Reply with { Buttons = buttons };
    }
}
