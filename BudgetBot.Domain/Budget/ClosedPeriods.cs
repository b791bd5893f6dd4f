namespace BudgetBot.Domain.Budget;

/// <summary>
/// The periods of a year that were closed and submitted. Periods run from the year's start, so what is closed is
/// everything up to the latest closed period's last day; an entry dated inside it and recorded after its close is late.
/// </summary>
public sealed record ClosedPeriods(DateOnly? Through, DateTimeOffset? ClosedAt, string? Round)
{
    public static ClosedPeriods Of(IEnumerable<BudgetEvent> events) =>
        events.Where(e => e.Kind == BudgetEventKind.PeriodClosed).MaxBy(e => e.Date) is { } latest
            ? new ClosedPeriods(latest.Date, latest.RecordedAt, latest.Note)
            : new ClosedPeriods(null, null, null);

    /// <summary>True when a date falls in a period already closed: only an admin may record it then.</summary>
    public bool Contains(DateOnly date) => Through is { } end && date <= end;

    /// <summary>An entry recorded after the close of the period it is dated in: an adjustment for the next report.</summary>
    public static bool IsLate(LedgerEntry entry, IEnumerable<BudgetEvent> events) =>
        events.Any(e => e.Kind == BudgetEventKind.PeriodClosed && entry.Date <= e.Date && entry.RecordedAt > e.RecordedAt);
}

/// <summary>A project's row of a submitted report.</summary>
public sealed record SubmittedProject(Project Project, Figures Figures);

/// <summary>The report of a period as it was when the period was closed: produced again, it is the same report.</summary>
public sealed record SubmittedReport(string OfficeId, int FiscalYear, int LastQuarter, string Round, DateTimeOffset ClosedAt, DateOnly AsOf, FiscalYearBudget Year)
{
    public IReadOnlyList<Division> Divisions { get; init; } = [];

    public IReadOnlyList<SubmittedProject> Projects { get; init; } = [];

    /// <summary>The lines under the table as they were at the close.</summary>
    public Reconciliation.ReportExtras Extras { get; init; } = Reconciliation.ReportExtras.None;
}
