using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Ports;

/// <summary>
/// The ledger and each project's running figures as a store keeps them: rows to find and add, and no rules. What an
/// append means (a message's entry once per office, a project of the entry's own office, a reversal once, figures
/// moved by every entry) is <see cref="LedgerRules"/>', written once above every store.
/// </summary>
public interface ILedgerRows : IUnitOfWork
{
    /// <summary>The entry an office recorded from this message, if any.</summary>
    LedgerEntry? EntryBySource(string officeId, string sourceKey);

    LedgerEntry? Entry(long entryId);

    /// <summary>True when some entry reverses this one.</summary>
    bool IsReversed(long entryId);

    /// <summary>A project's running figures and the office that keeps them; null for a project the store has no figures for.</summary>
    (string OfficeId, ProjectBalance Figures)? StoredFigures(string projectId);

    /// <summary>Adds an entry under the ledger's next id, and returns it with that id.</summary>
    LedgerEntry Insert(LedgerEntry draft);

    /// <summary>
    /// Keeps the project's figures moved by the entry: <paramref name="before"/> (as <see cref="StoredFigures"/> gave
    /// them in this unit of work) with <see cref="ProjectBalance.Apply"/> of the entry. A store shared by several hosts
    /// may add the entry's change to the row as it commits instead.
    /// </summary>
    void MoveFigures(string officeId, ProjectBalance before, LedgerEntry entry);
}
