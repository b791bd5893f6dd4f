using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Budget;

/// <summary>Records spending and reversals after checking them; <see cref="LedgerRules"/> makes each one atomic and idempotent.</summary>
public sealed class Ledger(IBudgetStore store)
{
    public LedgerResult Spend(string projectId, decimal amount, DateOnly date, string note, string by, string sourceKey, DateTimeOffset at, EntryFacts? facts = null) =>
        Checked(projectId, amount, date) is var (project, refusal) && project is null
            ? LedgerResult.Refused(refusal!.Value)
            : From(LedgerRules.Append(store, new LedgerEntry(0, project!.OfficeId, project.Id, amount, date, note, by, sourceKey, at) { Category = facts?.Category, Document = facts?.Document }));

    /// <summary>
    /// A payment that names a commitment's reference: the spend and what it pays of the commitment (at most what is
    /// open; any more is an ordinary spend) are recorded together, once.
    /// </summary>
    public LedgerResult SpendAgainst(string projectId, string reference, decimal amount, DateOnly date, string note, string by, string sourceKey, DateTimeOffset at, EntryFacts? facts = null) => store.Run(() =>
    {
        if (store.Project(projectId) is not { } project || store.EntryBySource(project.OfficeId, sourceKey) is not null)
        {
            return Spend(projectId, amount, date, note, by, sourceKey, at, facts);
        }

        if (Commitments.Of(store.BudgetEvents(project.OfficeId, project.FiscalYear)).OpenOne(project.Id, reference) is not { } open)
        {
            return LedgerResult.Refused(LedgerRefusal.UnknownCommitment);
        }

        var result = Spend(projectId, amount, date, note, by, sourceKey, at, facts);
        if (result.IsOk && !result.Duplicate)
        {
            store.AddBudgetEvent(new BudgetEvent(project.OfficeId, project.FiscalYear, BudgetEventKind.CommitmentPaid, Math.Min(amount, open.Open), date, by, sourceKey, at)
            {
                To = project.Id,
                Reference = open.Reference,
            });
        }

        return result;
    });

    /// <summary>
    /// Money returned to a project (an advance partly returned, a refund): an entry of its own that lowers what was paid,
    /// never by more than the project has paid, and not a reversal of any earlier entry.
    /// </summary>
    public LedgerResult Refund(string projectId, decimal amount, DateOnly date, string note, string by, string sourceKey, DateTimeOffset at, EntryFacts? facts = null)
    {
        var (project, refusal) = Checked(projectId, amount, date);
        if (project is null)
        {
            return LedgerResult.Refused(refusal!.Value);
        }

        return store.Run(() =>
        {
            if (store.EntryBySource(project.OfficeId, sourceKey) is null && store.Balance(project.Id).Actual.Total < amount)
            {
                return LedgerResult.Refused(LedgerRefusal.MoreThanPaid);
            }

            return From(LedgerRules.Append(store, new LedgerEntry(0, project.OfficeId, project.Id, -amount, date, note, by, sourceKey, at) { Category = facts?.Category, Document = facts?.Document }));
        });
    }

    /// <summary>Cancels an entry with an opposite entry on the same date, so the quarter it hit is restored.</summary>
    public LedgerResult Reverse(long entryId, string note, string by, string sourceKey, DateTimeOffset at)
    {
        var original = store.Entry(entryId);
        if (original is null)
        {
            return LedgerResult.Refused(LedgerRefusal.UnknownEntry);
        }

        if (original.Reverses is not null)
        {
            return LedgerResult.Refused(LedgerRefusal.IsReversal);
        }

        var draft = new LedgerEntry(0, original.OfficeId, original.ProjectId, -original.Amount, original.Date, note, by, sourceKey, at, original.Id);
        return From(LedgerRules.Append(store, draft));
    }

    /// <summary>The checks every new entry of money passes: a positive amount in satang, a known project, a date in its year.</summary>
    private (Project? Project, LedgerRefusal? Refusal) Checked(string projectId, decimal amount, DateOnly date)
    {
        if (amount <= 0)
        {
            return (null, LedgerRefusal.NotPositive);
        }

        if (decimal.Round(amount, 2) != amount)
        {
            return (null, LedgerRefusal.TooManyDecimals);
        }

        if (amount > ThaiAmount.Maximum)
        {
            return (null, LedgerRefusal.TooLarge);
        }

        var project = store.Project(projectId);
        return project is null ? (null, LedgerRefusal.UnknownProject)
            : !FiscalCalendar.Contains(project.FiscalYear, date) ? (null, LedgerRefusal.OutsideFiscalYear)
            : (project, null);
    }

    private static LedgerResult From(AppendOutcome outcome) => outcome.Status switch
    {
        AppendStatus.Applied => new LedgerResult(outcome.Entry, outcome.Balance, null, Duplicate: false),
        AppendStatus.Duplicate => new LedgerResult(outcome.Entry, outcome.Balance, null, Duplicate: true),
        AppendStatus.AlreadyReversed => LedgerResult.Refused(LedgerRefusal.AlreadyReversed),
        AppendStatus.UnknownEntry => LedgerResult.Refused(LedgerRefusal.UnknownEntry),
        _ => LedgerResult.Refused(LedgerRefusal.UnknownProject),
    };
}

/// <summary>What an entry says for auditors besides its note: its expense category and the document it rests on.</summary>
public sealed record EntryFacts(string? Category, string? Document);

public enum LedgerRefusal
{
    NotPositive,
    TooManyDecimals,
    TooLarge,
    UnknownProject,
    OutsideFiscalYear,
    UnknownEntry,
    IsReversal,
    AlreadyReversed,

    /// <summary>A refund larger than what the project has paid.</summary>
    MoreThanPaid,

    /// <summary>A payment names a reference no open commitment of the project has.</summary>
    UnknownCommitment,
}

/// <summary>The entry written (or found, when the message was seen before) and the project's figures after it.</summary>
public sealed record LedgerResult(LedgerEntry? Entry, ProjectBalance? Balance, LedgerRefusal? Refusal, bool Duplicate)
{
    public bool IsOk => Refusal is null;

    public static LedgerResult Refused(LedgerRefusal why) => new(null, null, why, Duplicate: false);
}
