using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>The ledger and the audit trail as <c>migrate</c> copies them (<see cref="StoreRules"/> copies the rest).</summary>
internal sealed partial class LiteDbBudgetStore
{
    protected override IEnumerable<AuditRecord> AllAudit() =>
        AuditLog.Query().OrderBy("_id").ToEnumerable().Select(d => JsonPayload.Read<AuditRecord>(d["json"].AsString)).ToList();

    protected override void RestoreEntries(IReadOnlyList<LedgerEntry> entries)
    {
        _ledger.InsertBulk(entries.Select(e => Bson.Entry(e, e.Id)));
        _lastId = null;
    }
}
