using BudgetBot.Domain.Budget;
using Npgsql;
using NpgsqlTypes;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>Everything in the database as a <see cref="StoreDump"/>, and a dump written into an empty database in one transaction.</summary>
internal sealed partial class PostgresStore
{
    public StoreDump Dump() => Run(() =>
    {
        var dump = new StoreDump();
        dump.Offices.AddRange(Query("SELECT office_id, name FROM offices ORDER BY office_id", r => new Office(r.GetString(0), r.GetString(1))));
        dump.Years.AddRange(Query("SELECT office_id, id, fiscal_year, source, json FROM years", r => new DumpedYear(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4))));
        dump.Divisions.AddRange(Query("SELECT id, office_id, name, ord FROM divisions", r => new Division(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3))));
        dump.Projects.AddRange(Query("SELECT json FROM projects", r => JsonPayload.Read<Project>(r.GetString(0))));
        dump.Ledger.AddRange(Query($"SELECT {EntryColumns} FROM ledger ORDER BY id", ReadEntry));
        dump.Balances.AddRange(Query("SELECT office_id, project_id, q1, q2, q3, q4, entries, last_entry FROM balances", r => (r.GetString(0), new ProjectBalance(
            r.GetString(1), new QuarterAmounts(r.GetDecimal(2), r.GetDecimal(3), r.GetDecimal(4), r.GetDecimal(5)), r.GetInt32(6), r.GetInt64(7)))));
        dump.Audit.AddRange(Query("SELECT office_id, json FROM audit ORDER BY id", r => (r.GetString(0), r.GetString(1))));
        dump.Inbox.AddRange(Query("SELECT key, platform, chat, payload, at, done, dead, tries, error FROM inbox ORDER BY seq", r => new DumpedEvent(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), At(r, 4), r.GetBoolean(5), r.GetBoolean(6), r.GetInt32(7), Text(r, 8))));
        dump.Outbox.AddRange(Query("SELECT key, platform, chat, status, due, parts, tries, error, sending, json FROM outbox ORDER BY seq", r => new DumpedItem(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), At(r, 4), r.GetInt32(5), r.GetInt32(6), Text(r, 7), r.GetBoolean(8), r.GetString(9))));
        dump.SentKeys.AddRange(Query("SELECT key, at FROM outbox_sent", r => (r.GetString(0), At(r, 1))));
        dump.Rows.AddRange(AllRows());
        return dump;
    });

    /// <summary>Writes a dump into this database, which must hold no office and no ledger entry yet; the ledger goes by COPY.</summary>
    public void Load(StoreDump dump) => InTransaction(() =>
    {
        if ((bool)Scalar("SELECT EXISTS (SELECT 1 FROM offices) OR EXISTS (SELECT 1 FROM ledger)")!)
        {
            throw new InvalidOperationException("the target store already holds data");
        }

        foreach (var o in dump.Offices)
        {
            Execute("INSERT INTO offices (office_id, name) VALUES ($1, $2)", o.Id, o.Name);
        }

        foreach (var y in dump.Years)
        {
            Execute("INSERT INTO years (office_id, id, fiscal_year, source, json) VALUES ($1, $2, $3, $4, $5)", y.OfficeId, y.Id, y.FiscalYear, y.Source, y.Json);
        }

        foreach (var d in dump.Divisions)
        {
            Execute("INSERT INTO divisions (office_id, id, name, ord) VALUES ($1, $2, $3, $4)", d.OfficeId, d.Id, d.Name, d.Order);
        }

        dump.Projects.ForEach(InsertProject);
        foreach (var office in dump.Offices)
        {
            CatalogChanged(office.Id);
        }

        CopyLedger(dump.Ledger);
        Execute("SELECT setval('ledger_ids', greatest((SELECT coalesce(max(id), 0) FROM ledger), 1))");
        foreach (var (office, b) in dump.Balances)
        {
            PutFigures(office, b);
        }

        dump.Audit.ForEach(a => Execute("INSERT INTO audit (office_id, json) VALUES ($1, $2)", a.OfficeId, a.Json));
        dump.Inbox.ForEach(e => Execute("INSERT INTO inbox (key, platform, chat, payload, at, done, dead, tries, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            e.Key, e.Platform, e.Chat ?? e.Platform, e.Payload, e.At, e.Done, e.Dead, e.Tries, e.Error));
        dump.Outbox.ForEach(o => Execute("INSERT INTO outbox (key, platform, chat, status, due, parts, tries, error, sending, json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            o.Key, o.Platform, o.Chat, o.Status, o.Due, o.Parts, o.Tries, o.Error, o.Sending, o.Json));
        dump.SentKeys.ForEach(s => Execute("INSERT INTO outbox_sent (key, at) VALUES ($1, $2)", s.Key, s.At));
        PutRows(dump.Rows);
    });

    /// <summary>Binary COPY: a ledger of a million entries moves in seconds, not one round trip per entry.</summary>
    private void CopyLedger(List<LedgerEntry> entries)
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
        }

        copy.Complete();
    }
}
