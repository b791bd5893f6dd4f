using BudgetBot.Domain.Budget;

namespace BudgetBot.Host.Storage;

/// <summary>
/// Everything a store holds, in a form both stores read and write: what <c>migrate</c> moves. Nested records travel as
/// the JSON both stores keep them in; ledger ids and message keys are kept as they are, so reversals, buttons, the audit
/// trail and "already sent" still point at the same things after a move.
/// </summary>
internal sealed class StoreDump
{
    public List<Office> Offices { get; } = [];

    public List<DumpedYear> Years { get; } = [];

    public List<Division> Divisions { get; } = [];

    public List<Project> Projects { get; } = [];

    public List<LedgerEntry> Ledger { get; } = [];

    public List<(string OfficeId, ProjectBalance Balance)> Balances { get; } = [];

    /// <summary>Oldest first.</summary>
    public List<(string OfficeId, string Json)> Audit { get; } = [];

    /// <summary>In arrival order.</summary>
    public List<EventRow> Inbox { get; } = [];

    /// <summary>In queue order.</summary>
    public List<ItemRow> Outbox { get; } = [];

    public List<(string Key, DateTimeOffset At)> SentKeys { get; } = [];

    /// <summary>People, identities, invites, buttons, subscriptions, report links, handled messages, state and the feed.</summary>
    public List<(RowKind Kind, StoredRow Row)> Rows { get; } = [];

    /// <summary>Every office's used total, the ledger's entry count and sum: what a move is checked by.</summary>
    public static string Totals(IServiceStore store)
    {
        var (entries, sum) = store.LedgerTotals();
        var offices = store.Offices().Select(o => FormattableString.Invariant(
            $"{o.Id}: {store.FiscalYears(o.Id).Sum(y => store.Projects(o.Id, y).Sum(p => store.Balance(p.Id).Actual.Total)):N2}"));
        return FormattableString.Invariant($"{entries:N0} entries, sum {sum:N2}; ") + string.Join("; ", offices);
    }
}

internal sealed record DumpedYear(string OfficeId, string Id, int FiscalYear, string Source, string Json);
