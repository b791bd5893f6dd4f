using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Ports;

/// <summary>Where budgets, projects and the ledger live. Every write is one atomic transaction.</summary>
public interface IBudgetStore : ILedgerRows
{
    IReadOnlyList<Office> Offices();

    Office? Office(string officeId);

    FiscalYearBudget? FiscalYear(string officeId, int fiscalYear);

    IReadOnlyList<int> FiscalYears(string officeId);

    IReadOnlyList<Division> Divisions(string officeId);

    Project? Project(string projectId);

    IReadOnlyList<Project> Projects(string officeId, int fiscalYear);

    /// <summary>The running figures of a project; an index read, never a ledger scan.</summary>
    ProjectBalance Balance(string projectId);

    /// <summary>Saves a changed project (plan, status, owners, notes); money never changes this way.</summary>
    void SaveProject(Project project);

    /// <summary>Adds a new project of a year held, with empty running figures.</summary>
    void AddProject(Project project);

    /// <summary>Saves a year's rounds and envelopes as a recorded allocation letter changed them.</summary>
    void SaveYear(FiscalYearBudget year);

    /// <summary>The event an office recorded from this message, if any.</summary>
    BudgetEvent? BudgetEventBySource(string officeId, string sourceKey);

    /// <summary>Keeps an event; <see cref="BudgetRules"/> has checked it is the message's first.</summary>
    void AddBudgetEvent(BudgetEvent budgetEvent);

    /// <summary>An office year's events, in the order they were recorded.</summary>
    IReadOnlyList<BudgetEvent> BudgetEvents(string officeId, int fiscalYear);

    /// <summary>Keeps the report of a period as it was submitted when the period was closed.</summary>
    void SaveSubmitted(SubmittedReport report);

    /// <summary>The submitted report of an office year's period ending with this quarter; null while that period is open.</summary>
    SubmittedReport? Submitted(string officeId, int fiscalYear, int lastQuarter);

    /// <summary>The latest entry a person recorded, a reversal included.</summary>
    LedgerEntry? LastEntryBy(string personId);

    /// <summary>Entries of a project, newest first.</summary>
    IReadOnlyList<LedgerEntry> History(string projectId, int max);

    /// <summary>Every entry of an office's year (or of one project), oldest first: the audit trail.</summary>
    IReadOnlyList<LedgerEntry> Ledger(string officeId, int fiscalYear, string? projectId = null);

    /// <summary>
    /// Writes an imported office year (office, year, divisions, projects, entries) all at once or not at all.
    /// The same snapshot written again changes nothing; a different one for a year already there is refused.
    /// </summary>
    ImportWrite Import(BudgetSnapshot snapshot);

    /// <summary>Recomputes every running figure from the ledger and lists those that differ (maintenance, after a crash).</summary>
    IReadOnlyList<BalanceMismatch> VerifyBalances();
}

public enum AppendStatus
{
    Applied,
    Duplicate,
    AlreadyReversed,
    UnknownProject,
    UnknownEntry,
}

public enum ImportWrite
{
    Written,
    Unchanged,
    YearExists,

    /// <summary>Not stored: the file needs repairs and they were not accepted, and storing it as it is would make up figures.</summary>
    RepairsNotAccepted,
}

public sealed record AppendOutcome(AppendStatus Status, LedgerEntry? Entry, ProjectBalance? Balance);

public sealed record BalanceMismatch(string ProjectId, QuarterAmounts Stored, QuarterAmounts FromLedger);

/// <summary>Everything one import writes; <paramref name="SourceId"/> names the document it came from.</summary>
public sealed record BudgetSnapshot(
    string SourceId,
    Office Office,
    FiscalYearBudget Year,
    IReadOnlyList<Division> Divisions,
    IReadOnlyList<Project> Projects,
    IReadOnlyList<LedgerEntry> Entries);
