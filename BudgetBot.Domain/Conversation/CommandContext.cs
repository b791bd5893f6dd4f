using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Conversation;

/// <summary>Everything a command needs: who asks, in which office and year, and the stores.</summary>
public sealed class CommandContext(IncomingMessage message, Person? person, string args, bool inferred, IBudgetStore budget, IChatStore chat, EngineSettings settings)
{
    private readonly Dictionary<(string, int), IReadOnlyList<BudgetEvent>> _events = [];
    private readonly Dictionary<(string, int), Commitments> _commitments = [];

    public IncomingMessage Message { get; } = message;

    public Person? Person { get; } = person;

    public string Args { get; } = args;

    public bool Inferred { get; } = inferred;

    public IBudgetStore Budget { get; } = budget;

    public IChatStore Chat { get; } = chat;

    public EngineSettings Settings { get; } = settings;

    public Say Say { get; } = new(person?.Language ?? Language.Thai);

    public DateOnly Today => FiscalCalendar.LocalDate(Message.At, Settings.TimeZone);

    /// <summary>The office of the person (the first one they have a role in).</summary>
    public string? OfficeId => Person is { Roles.Count: > 0 } p ? p.Roles[0].OfficeId : null;

    /// <summary>The office's current fiscal year: the one today falls in, or the latest it has.</summary>
    public int FiscalYear
    {
        get
        {
            if (OfficeId is null)
            {
                return FiscalCalendar.FiscalYearBE(Today);
            }

            var years = Budget.FiscalYears(OfficeId);
            var current = FiscalCalendar.FiscalYearBE(Today);
            return years.Contains(current) || years.Count == 0 ? current : years[^1];
        }
    }

    /// <summary>The date answers are framed by (<see cref="FiscalYearBudget.AnswerDate"/>): today, or the year's as-of date.</summary>
    public DateOnly AsOf => OfficeId is not null && Budget.FiscalYear(OfficeId, FiscalYear) is { } year ? year.AnswerDate(Today) : Today;

    /// <summary>"ข้อมูล ณ 31 มี.ค. 2566" when answers are framed by a date other than today; null when they are today's.</summary>
    public string? AsOfLine => AsOf == Today ? null : Say[$"ข้อมูล ณ {ThaiDate.Short(AsOf)}", $"Figures as of {Say.Date(AsOf)}"];

    public Reply Text(string thai, string english) => new(Say[thai, english]);

    public IReadOnlyList<Project> Projects() => OfficeId is null ? [] : Budget.Projects(OfficeId, FiscalYear);

    /// <summary>A project's figures with its open commitments.</summary>
    public Figures FiguresOf(Project project)
    {
        var commitments = CommitmentsOf(project.OfficeId, project.FiscalYear);
        var (carried, paid) = commitments.CarryOverFor(project.Id);
        return Figures.Of(project, Budget.Balance(project.Id)) with { Committed = commitments.OpenFor(project.Id), CarriedOver = carried, CarryOverPaid = paid };
    }

    /// <summary>An office year's commitments, folded once per message (a command that records one calls <see cref="CommitmentsChanged"/>).</summary>
    public Commitments CommitmentsOf(string officeId, int fiscalYear)
    {
        if (!_commitments.TryGetValue((officeId, fiscalYear), out var folded))
        {
            _commitments[(officeId, fiscalYear)] = folded = Commitments.Of(EventsOf(officeId, fiscalYear));
        }

        return folded;
    }

    /// <summary>An office year's budget events, read once per message (until a command records one).</summary>
    public IReadOnlyList<BudgetEvent> EventsOf(string officeId, int fiscalYear)
    {
        if (!_events.TryGetValue((officeId, fiscalYear), out var events))
        {
            _events[(officeId, fiscalYear)] = events = Budget.BudgetEvents(officeId, fiscalYear);
        }

        return events;
    }

    public void CommitmentsChanged()
    {
        _events.Clear();
        _commitments.Clear();
    }

    /// <summary>
    /// Whether an entry of money dated <paramref name="date"/> on the project may be recorded: inside a closed period only
    /// an admin may (the entry is then late); null when it may, the refusal otherwise. <paramref name="late"/> says
    /// whether it is late.
    /// </summary>
    public IReadOnlyList<Reply>? ClosedPeriodGuard(string action, Project project, DateOnly date, out bool late)
    {
        var closed = ClosedPeriods.Of(EventsOf(project.OfficeId, project.FiscalYear));
        late = closed.Contains(date);
        if (!late || Access.IsAdmin(Person, project.OfficeId))
        {
            return null;
        }

        return Refuse(action, $"project {project.Number}: dated {date:yyyy-MM-dd} in a closed period",
            $"ส่งรายงานรอบนี้แล้ว (ปิดรอบถึง {ThaiDate.Short(closed.Through!.Value)}) รายการลงวันที่ {ThaiDate.Short(date)} ต้องให้ผู้ดูแลระบบบันทึก หรือใส่วันที่หลัง {ThaiDate.Short(closed.Through!.Value)}",
            $"That period was submitted (closed through {Say.Date(closed.Through!.Value)}): an entry dated {Say.Date(date)} needs an admin, or use a date after {Say.Date(closed.Through!.Value)}.");
    }

    /// <summary>The line a late entry's reply carries.</summary>
    public string LateLine => Say["⚠ บันทึกย้อนหลังในรอบที่ส่งรายงานแล้ว จะแสดงเป็นรายการปรับปรุงในรายงานรอบถัดไป", "⚠ Recorded late, in a period already submitted: the next report lists it as an adjustment."];

    /// <summary>
    /// A button's id: the time in milliseconds, then 32 random bits. Ids in time order are added at the end of the
    /// buttons' index; random ones landed anywhere in it, and each spend's reply wrote about four index pages for its
    /// undo button (measured in the log).
    /// </summary>
    public string NewId()
    {
        // Version 7: 12 hex digits of Unix milliseconds, the version digit (always 7, left out), then random bits.
        var v7 = Guid.CreateVersion7().ToString("N");
        return string.Concat(v7.AsSpan(0, 12), v7.AsSpan(13, 8));
    }

    /// <summary>Says no with the reason, and writes the refusal to the audit trail.</summary>
    /// <summary>
    /// A refusal to change a project the person may not change. A role that only reads (executive, auditor) is told
    /// that limit by name; someone who records elsewhere is told it is not their project.
    /// </summary>
    public IReadOnlyList<Reply> RefuseChange(string action, Domain.Budget.Project project, string notYoursThai, string notYoursEnglish)
    {
        if (!Access.Has(Person, project.OfficeId, Domain.Budget.Role.Admin, Domain.Budget.Role.DivisionHead, Domain.Budget.Role.Owner)
            && Person?.Roles.FirstOrDefault(r => r.OfficeId == project.OfficeId) is { } only)
        {
            var role = RoleText.Name(Say, only.Role);
            return Refuse(action, $"project {project.Number}: read-only role", $"{role}ดูข้อมูลได้อย่างเดียว บันทึกหรือแก้ไขไม่ได้", $"As {(role.StartsWith('a') || role.StartsWith('e') ? "an" : "a")} {role} you can read but not record or change anything.");
        }

        return Refuse(action, $"project {project.Number}: not allowed", notYoursThai, notYoursEnglish);
    }

    public IReadOnlyList<Reply> Refuse(string action, string detail, string thai, string english)
    {
        Audit(action, detail, refused: true);
        return [Text(thai, english)];
    }

    public void Audit(string action, string detail, bool refused) =>
        Chat.Audit(new AuditRecord(OfficeId ?? "", Person?.Id ?? Message.Identity, action, detail, Message.SourceKey, Message.At, refused));
}
