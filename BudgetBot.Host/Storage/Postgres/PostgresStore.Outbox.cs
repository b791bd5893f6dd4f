using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// The outbox: routed when queued (platform and chat), read by platform and state in queue order. A chat's items are
/// claimed and completed only by the sender that holds the chat (<see cref="HoldChats"/>), so claims and results need
/// no further arbitration here.
/// </summary>
internal sealed partial class PostgresStore
{
    private const string ItemColumns = "json, status, parts, tries, due, error, sending";

    /// <summary>One statement: a key in the outbox or among the archived ones is never queued again.</summary>
    protected override bool AddItem(OutboxItem routed)
    {
        Notify(StoreChanges.Outbox);
        return Execute(
            """
            INSERT INTO outbox (key, platform, chat, status, due, json)
            SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM outbox_sent WHERE key = $1)
            ON CONFLICT (key) DO NOTHING
            """,
            routed.Key, routed.Platform, routed.ChatId, routed.Status.ToString(), routed.DueAt, JsonPayload.Write(routed)) == 1;
    }

    public bool HasOutbox(string key) =>
        (bool)Scalar("SELECT EXISTS (SELECT 1 FROM outbox WHERE key = $1) OR EXISTS (SELECT 1 FROM outbox_sent WHERE key = $1)", key)!;

    public IReadOnlyList<OutboxItem> Pending(string platform, int max) =>
        Query($"SELECT {ItemColumns} FROM outbox WHERE platform = $1 AND status = 'Pending' ORDER BY seq LIMIT $2", ReadItem, platform, max);

    public IReadOnlyList<QueuedItem> Queue(string platform, int max) =>
        Query("SELECT key, chat, due FROM outbox WHERE platform = $1 AND status = 'Pending' ORDER BY seq LIMIT $2",
            r => new QueuedItem(r.GetString(0), r.GetString(1), At(r, 2)), platform, max);

    public IReadOnlyList<OutboxItem> Items(IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var found = Query($"SELECT key, {ItemColumns} FROM outbox WHERE key = ANY($1)", r => (r.GetString(0), ReadItem(r, 1)), (object)keys.ToArray())
            .ToDictionary(x => x.Item1, x => x.Item2);
        return keys.Where(found.ContainsKey).Select(k => found[k]).ToList();
    }

    public IReadOnlyList<OutboxItem> Outbox(OutboxStatus status, int max) =>
        Query($"SELECT {ItemColumns} FROM outbox WHERE status = $1 ORDER BY seq LIMIT $2", ReadItem, status.ToString(), max);

    public IReadOnlyList<OutboxItem> Failed(int max) =>
        Query($"SELECT {ItemColumns} FROM outbox WHERE status = 'Failed' ORDER BY seq DESC LIMIT $1", ReadItem, max);

    public void Claim(IReadOnlyList<string> keys)
    {
        if (keys.Count > 0)
        {
            Execute("UPDATE outbox SET sending = true WHERE key = ANY($1)", (object)keys.ToArray());
        }
    }

    public void Progress(string key, int partsSent) => Execute("UPDATE outbox SET parts = $2 WHERE key = $1", key, partsSent);

    public void Complete(IReadOnlyList<OutboxUpdate> updates)
    {
        if (updates.Count == 0)
        {
            return;
        }

        Execute(
            """
            UPDATE outbox o SET status = u.status, parts = u.parts, tries = u.tries, due = u.due, error = u.error, sending = false
            FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::timestamptz[], $6::text[]) AS u(key, status, parts, tries, due, error)
            WHERE o.key = u.key
            """,
            updates.Select(u => u.Key).ToArray(),
            updates.Select(u => u.Status.ToString()).ToArray(),
            updates.Select(u => u.PartsSent).ToArray(),
            updates.Select(u => u.Attempts).ToArray(),
            updates.Select(u => u.DueAt.UtcDateTime).ToArray(),
            updates.Select(u => u.Error).ToArray());
    }

    /// <summary>Moves items sent before <paramref name="before"/> to <c>outbox_sent</c>, which keeps their keys only.</summary>
    public int ArchiveSent(DateTimeOffset before, int max) => Execute(
        """
        WITH old AS (
            DELETE FROM outbox WHERE key IN (SELECT key FROM outbox WHERE status = 'Sent' AND due < $1 LIMIT $2) RETURNING key, due)
        INSERT INTO outbox_sent (key, at) SELECT key, due FROM old ON CONFLICT (key) DO NOTHING
        """,
        before, max);

    private static OutboxItem ReadItem(NpgsqlDataReader r) => ReadItem(r, 0);

    private static OutboxItem ReadItem(NpgsqlDataReader r, int i) => JsonPayload.Read<OutboxItem>(r.GetString(i)) with
    {
        Status = Enum.Parse<OutboxStatus>(r.GetString(i + 1)),
        PartsSent = r.GetInt32(i + 2),
        Attempts = r.GetInt32(i + 3),
        DueAt = At(r, i + 4),
        Error = Text(r, i + 5),
        InFlight = r.GetBoolean(i + 6),
    };
}
