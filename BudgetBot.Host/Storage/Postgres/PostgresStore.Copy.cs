using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using Npgsql;
using NpgsqlTypes;

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

    /// <summary>Binary COPY: a ledger of a million entries moves in seconds, not one round trip per entry.</summary>
    private void CopyLedger(IReadOnlyList<LedgerEntry> entries)
    {
        using var copy = _unit.Value!.Connection.BeginBinaryImport($"COPY ledger ({PostgresRows.EntryColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var e in entries)
        {
            copy.StartRow();
            copy.Write(e.Id, NpgsqlDbType.Bigint);
            copy.Write(e.OfficeId, NpgsqlDbType.Text);
            copy.Write(e.ProjectId, NpgsqlDbType.Text);
            copy.Write(e.Amount, NpgsqlDbType.Numeric);
            copy.Write(e.Date, NpgsqlDbType.Date);
            copy.Write(e.Note, NpgsqlDbType.Text);
            copy.Write(e.By, NpgsqlDbType.Text);
            copy.Write(e.SourceKey, NpgsqlDbType.Text);
            copy.Write(e.RecordedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            if (e.Reverses is { } reversed)
            {
                copy.Write(reversed, NpgsqlDbType.Bigint);
            }
            else
            {
                copy.WriteNull();
            }

            foreach (var text in new[] { e.Category, e.Document })
            {
                if (text is null)
                {
                    copy.WriteNull();
                }
                else
                {
                    copy.Write(text, NpgsqlDbType.Text);
                }
            }
        }

        copy.Complete();
    }
}
