using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>The columns of the ledger, the inbox and the outbox, and rows read back into records in the order each statement selects them.</summary>
internal static class PostgresRows
{
    public const string EntryColumns = "id, office_id, project_id, amount, date, note, by_person, source_key, recorded_at, reverses, category, document";

    public const string EventColumns = "key, platform, chat, payload, at, done, dead, tries, error";

    public const string ItemColumns = "key, platform, chat, status, due, parts, tries, error, sending, json";

    public static LedgerEntry ReadEntry(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetDecimal(3), r.GetFieldValue<DateOnly>(4), r.GetString(5), r.GetString(6), r.GetString(7),
        At(r, 8), r.IsDBNull(9) ? null : r.GetInt64(9)) { Category = Text(r, 10), Document = Text(r, 11) };

    public static ProjectBalance ReadBalance(NpgsqlDataReader r, int i) => new(
        r.GetString(i), new QuarterAmounts(r.GetDecimal(i + 1), r.GetDecimal(i + 2), r.GetDecimal(i + 3), r.GetDecimal(i + 4)), r.GetInt32(i + 5), r.GetInt64(i + 6));

    public static EventRow ReadEvent(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), At(r, 4), r.GetBoolean(5), r.GetBoolean(6), r.GetInt32(7), Text(r, 8));

    public static ItemRow ReadItem(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), Enum.Parse<OutboxStatus>(r.GetString(3)), At(r, 4), r.GetInt32(5), r.GetInt32(6), Text(r, 7), r.GetBoolean(8), r.GetString(9));

    public static StoredRow ReadRow(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1)) { Group = Text(r, 2), At = r.IsDBNull(3) ? null : At(r, 3), Used = r.GetBoolean(4) };

    public static DateTimeOffset At(NpgsqlDataReader r, int i) => r.GetFieldValue<DateTimeOffset>(i);

    public static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
