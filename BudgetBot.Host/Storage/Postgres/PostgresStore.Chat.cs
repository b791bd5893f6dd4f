using BudgetBot.Domain.Ports;
using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>Rows in a table of their own per kind (the schema's first version), and the audit trail.</summary>
internal sealed partial class PostgresStore
{
    /// <summary>Each kind's table and columns; a kind without a group, a time or a used flag has none in its table.</summary>
    private static readonly Dictionary<RowKind, RowTable> Tables = new()
    {
        [RowKind.People] = new("people", "id", "json"),
        [RowKind.Identities] = new("identities", "identity", "person_id"),
        [RowKind.Invites] = new("invites", "key", "json", Group: "office_id", At: "expires_at", Used: true),
        [RowKind.Buttons] = new("pending", "id", "json", At: "expires_at", Used: true),
        [RowKind.Subscriptions] = new("subscriptions", "chat_key", "json", Group: "office_id"),
        [RowKind.ReportLinks] = new("report_links", "token_hash", "json", Group: "office_id", At: "expires_at"),
        [RowKind.Handled] = new("handled", "source_key", "replies", At: "at"),
        [RowKind.State] = new("inbox_state", "key", "value"),
        [RowKind.Chats] = new("chats", "address", "json", At: "since"),
        [RowKind.Feed] = new("local_feed", "key", "json", Group: "feed", At: "at", Ordered: true),
        [RowKind.BudgetEvents] = new("budget_events", "key", "json", Group: "year_key", At: "recorded_at", Ordered: true),
        [RowKind.Submitted] = new("submitted_reports", "key", "json", Group: "office_id", At: "closed_at"),
        [RowKind.Receipts] = new("receipts", "key", "json", Group: "year_key", At: "at", Ordered: true),
        [RowKind.ReceiptFiles] = new("receipt_files", "key", "data", Group: "state", At: "at"),
    };

    protected override StoredRow? GetRow(RowKind kind, string key) => One(Tables[kind].Select + $" WHERE {Tables[kind].Key} = $1", PostgresRows.ReadRow, key);

    protected override void PutRow(RowKind kind, StoredRow row)
    {
        var t = Tables[kind];
        Execute(t.Upsert, [row.Key, row.Value, .. t.Group is null ? [] : new object?[] { row.Group }, .. t.At is null ? [] : new object?[] { row.At }, .. t.Used ? new object?[] { row.Used } : []]);
    }

    protected override bool TakeRow(RowKind kind, string key) =>
        Execute($"UPDATE {Tables[kind].Name} SET used = true WHERE {Tables[kind].Key} = $1 AND NOT used", key) == 1;

    protected override IReadOnlyList<StoredRow> FindRows(RowKind kind, string? group, int max)
    {
        var t = Tables[kind];
        var order = $" ORDER BY {(t.Ordered ? "seq DESC" : t.Key)} LIMIT $1";
        return group is null || t.Group is null
            ? Query(t.Select + order, PostgresRows.ReadRow, max)
            : Query(t.Select + $" WHERE {t.Group} = $2" + order, PostgresRows.ReadRow, max, group);
    }

    protected override int ForgetRows(RowKind kind, DateTimeOffset before, int max)
    {
        var t = Tables[kind];
        return Execute($"DELETE FROM {t.Name} WHERE {t.Key} IN (SELECT {t.Key} FROM {t.Name} WHERE {t.At} < $1 LIMIT $2)", before, max);
    }

    public override void Audit(AuditRecord record) =>
        Execute("INSERT INTO audit (office_id, json) VALUES ($1, $2)", record.OfficeId, JsonPayload.Write(record));

    protected override IEnumerable<AuditRecord> AllAudit() =>
        Query("SELECT json FROM audit ORDER BY id", r => JsonPayload.Read<AuditRecord>(r.GetString(0)));

    public IReadOnlyList<AuditRecord> AuditTrail(string officeId, int max) =>
        Query("SELECT json FROM audit WHERE office_id = $1 ORDER BY id DESC LIMIT $2", r => JsonPayload.Read<AuditRecord>(r.GetString(0)), officeId, max);

    /// <summary>A kind's table; its statements are made once, here, from the columns it has.</summary>
    private sealed record RowTable(string Name, string Key, string Value, string? Group = null, string? At = null, bool Used = false, bool Ordered = false)
    {
        public string Select { get; } = $"SELECT {Key}, {Value}, {Group ?? "NULL::text"}, {At ?? "NULL::timestamptz"}, {(Used ? "used" : "false")} FROM {Name}";

        /// <summary>Key, value, then the group, time and used flag where the table has them, in that order.</summary>
        public string Upsert { get; } = UpsertOf(Name, [Key, Value, .. Group is null ? [] : new[] { Group }, .. At is null ? [] : new[] { At }, .. Used ? new[] { "used" } : []]);

        private static string UpsertOf(string table, string[] columns) =>
            $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))}) " +
            $"ON CONFLICT ({columns[0]}) DO UPDATE SET {string.Join(", ", columns.Skip(1).Select(c => $"{c} = excluded.{c}"))}";
    }
}
