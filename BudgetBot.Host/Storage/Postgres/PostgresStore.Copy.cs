using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>The ledger and the audit trail as <c>migrate</c> copies them (<see cref="StoreRules"/> copies the rest); the ledger goes by COPY.</summary>
internal sealed partial class PostgresStore
{
    protected override IEnumerable<AuditRecord> AllAudit() =>
        Query("SELECT json FROM audit ORDER BY id", r => JsonPayload.Read<AuditRecord>(r.GetString(0)));

    protected override void RestoreEntries(IReadOnlyList<LedgerEntry> entries)
    {
        CopyLedger(entries);
        Execute("SELECT setval('ledger_ids', greatest((SELECT coalesce(max(id), 0) FROM ledger), 1))");
    }

    /// <summary>Binary COPY: a ledger of a million entries moves in seconds, not one round trip per entry; a null goes as a null.</summary>
    private void CopyLedger(IReadOnlyList<LedgerEntry> entries)
    {
        using var copy = _db.UnitConnection!.BeginBinaryImport($"COPY ledger ({PostgresRows.EntryColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var e in entries)
        {
            copy.WriteRow(e.Id, e.OfficeId, e.ProjectId, e.Amount, e.Date, e.Note, e.By, e.SourceKey, e.RecordedAt.ToUniversalTime(), e.Reverses, e.Category, e.Document);
        }

        copy.Complete();
    }
}
