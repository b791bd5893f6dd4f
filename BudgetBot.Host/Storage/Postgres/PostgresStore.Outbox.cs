using BudgetBot.Domain.Ports;
using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// The outbox, read by platform and state in queue order. A chat's items are claimed and completed only by the sender
/// that holds the chat (<see cref="PostgresHostLocks"/>), so claims and results need no further arbitration here.
/// </summary>
internal sealed partial class PostgresStore
{
    /// <summary>One statement: a key in the outbox or among the archived ones is never queued again.</summary>
    protected override bool InsertItem(ItemRow i)
    {
        Notify(StoreChanges.Outbox);
        return Execute(
            $"""
            INSERT INTO outbox ({PostgresRows.ItemColumns}) SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10
            WHERE NOT EXISTS (SELECT 1 FROM outbox_sent WHERE key = $1) ON CONFLICT (key) DO NOTHING
            """,
            i.Key, i.Platform, i.Chat, i.Status.ToString(), i.Due, i.Parts, i.Tries, i.Error, i.Sending, i.Json) == 1;
    }

    protected override bool IsArchived(string key) => (bool)Scalar("SELECT EXISTS (SELECT 1 FROM outbox_sent WHERE key = $1)", key)!;

    protected override IReadOnlyList<ItemRow> GetItems(IReadOnlyList<string> keys) =>
        Query($"SELECT {PostgresRows.ItemColumns} FROM outbox WHERE key = ANY($1)", PostgresRows.ReadItem, (object)keys.ToArray());

    /// <summary>One statement for the round.</summary>
    protected override void PutItems(IReadOnlyList<ItemRow> items) => Execute(
        """
        UPDATE outbox o SET status = u.status, parts = u.parts, tries = u.tries, due = u.due, error = u.error, sending = u.sending
        FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::timestamptz[], $6::text[], $7::bool[]) AS u(key, status, parts, tries, due, error, sending)
        WHERE o.key = u.key
        """,
        items.Select(i => i.Key).ToArray(), items.Select(i => i.Status.ToString()).ToArray(), items.Select(i => i.Parts).ToArray(),
        items.Select(i => i.Tries).ToArray(), items.Select(i => i.Due.UtcDateTime).ToArray(), items.Select(i => i.Error).ToArray(), items.Select(i => i.Sending).ToArray());

    /// <summary>A statement of its own for each filter, so each is planned on its index (<c>outbox_queue</c>, <c>outbox_by_status</c>).</summary>
    protected override IReadOnlyList<ItemRow> FindItems(string? platform, OutboxStatus? status, bool newestFirst, int max)
    {
        object?[] args = [max, .. platform is null ? [] : new object?[] { platform }, .. status is null ? [] : new object?[] { status.ToString() }];
        var where = (platform, status) switch
        {
            (null, null) => "",
            (null, _) => "WHERE status = $2",
            (_, null) => "WHERE platform = $2",
            _ => "WHERE platform = $2 AND status = $3",
        };
        return Query($"SELECT {PostgresRows.ItemColumns} FROM outbox {where} ORDER BY seq {(newestFirst ? "DESC" : "")} LIMIT $1", PostgresRows.ReadItem, args);
    }

    public override IReadOnlyList<QueuedItem> Queue(string platform, int max) =>
        Query("SELECT key, chat, due FROM outbox WHERE platform = $1 AND status = 'Pending' ORDER BY seq LIMIT $2", r => new QueuedItem(r.GetString(0), r.GetString(1), PostgresRows.At(r, 2)), platform, max);

    protected override void ArchiveItems(IReadOnlyList<(string Key, DateTimeOffset At)> sent) => Execute(
        """
        WITH gone AS (DELETE FROM outbox WHERE key = ANY($1))
        INSERT INTO outbox_sent (key, at) SELECT * FROM unnest($1::text[], $2::timestamptz[]) ON CONFLICT (key) DO NOTHING
        """,
        sent.Select(s => s.Key).ToArray(), sent.Select(s => s.At.UtcDateTime).ToArray());

    protected override IReadOnlyList<(string Key, DateTimeOffset At)> ArchivedKeys() => Query("SELECT key, at FROM outbox_sent", r => (r.GetString(0), PostgresRows.At(r, 1)));
}
