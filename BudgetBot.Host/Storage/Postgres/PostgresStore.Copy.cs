using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using Npgsql;
using NpgsqlTypes;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>The ledger and the message queues as <c>migrate</c> copies them (<see cref="StoreRules"/> copies the rest); the ledger goes by COPY.</summary>
internal sealed partial class PostgresStore
{
    protected override IEnumerable<AuditRecord> AllAudit() =>
        Query("SELECT json FROM audit ORDER BY id", r => JsonPayload.Read<AuditRecord>(r.GetString(0)));

    protected override (IEnumerable<DumpedEvent> Inbox, IEnumerable<DumpedItem> Outbox, IEnumerable<(string Key, DateTimeOffset At)> Sent) AllQueued() => (
        Query("SELECT key, platform, chat, payload, at, done, dead, tries, error FROM inbox ORDER BY seq", r => new DumpedEvent(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), At(r, 4), r.GetBoolean(5), r.GetBoolean(6), r.GetInt32(7), Text(r, 8))),
        Query("SELECT key, platform, chat, status, due, parts, tries, error, sending, json FROM outbox ORDER BY seq", r => new DumpedItem(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), At(r, 4), r.GetInt32(5), r.GetInt32(6), Text(r, 7), r.GetBoolean(8), r.GetString(9))),
        Query("SELECT key, at FROM outbox_sent", r => (r.GetString(0), At(r, 1))));

    protected override void RestoreEntries(IReadOnlyList<LedgerEntry> entries)
    {
        CopyLedger(entries);
        Execute("SELECT setval('ledger_ids', greatest((SELECT coalesce(max(id), 0) FROM ledger), 1))");
    }

    protected override void RestoreQueued(StoreDump dump)
    {
        dump.Inbox.ForEach(e => Execute("INSERT INTO inbox (key, platform, chat, payload, at, done, dead, tries, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            e.Key, e.Platform, e.Chat ?? e.Platform, e.Payload, e.At, e.Done, e.Dead, e.Tries, e.Error));
        dump.Outbox.ForEach(o => Execute("INSERT INTO outbox (key, platform, chat, status, due, parts, tries, error, sending, json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            o.Key, o.Platform, o.Chat, o.Status, o.Due, o.Parts, o.Tries, o.Error, o.Sending, o.Json));
        dump.SentKeys.ForEach(s => Execute("INSERT INTO outbox_sent (key, at) VALUES ($1, $2)", s.Key, s.At));
    }

    /// <summary>Binary COPY: a ledger of a million entries moves in seconds, not one round trip per entry.</summary>
    private void CopyLedger(IReadOnlyList<LedgerEntry> entries)
    {
        using var copy = _unit.Value!.Connection.BeginBinaryImport($"COPY ledger ({EntryColumns}) FROM STDIN (FORMAT BINARY)");
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
