using BudgetBot.Domain.Ports;
using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// The inbox shared by every host. Any host stores what its webhooks receive; drainers on every host take work by chat:
/// a drainer holds each chat it takes (a transaction-scoped advisory lock) and its rows (<c>FOR UPDATE SKIP LOCKED</c>)
/// until its unit of work commits, so a chat's events are handled by one host at a time, in the order they arrived.
/// </summary>
internal sealed partial class PostgresStore
{
    /// <summary>How far down the queue a drainer looks for chats it can take.</summary>
    private const int ChatScan = 256;

    /// <summary>One statement for the batch; the keys it returns are the ones stored now (the others were there before).</summary>
    protected override IReadOnlyList<bool> InsertEvents(IReadOnlyList<EventRow> events)
    {
        Notify(StoreChanges.Inbox);
        var stored = Query(
            """
            INSERT INTO inbox (key, platform, chat, payload, at, done, dead, tries, error)
            SELECT key, platform, chat, payload, at, done, dead, tries, error
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::bool[], $7::bool[], $8::int[], $9::text[]) WITH ORDINALITY
                AS e(key, platform, chat, payload, at, done, dead, tries, error, n)
            ORDER BY n
            ON CONFLICT (key) DO NOTHING
            RETURNING key
            """,
            r => r.GetString(0),
            events.Select(e => e.Key).ToArray(), events.Select(e => e.Platform).ToArray(), events.Select(ChatOf).ToArray(), events.Select(e => e.Payload).ToArray(),
            events.Select(e => e.At.UtcDateTime).ToArray(), events.Select(e => e.Done).ToArray(), events.Select(e => e.Dead).ToArray(), events.Select(e => e.Tries).ToArray(),
            events.Select(e => e.Error).ToArray()).ToHashSet();
        // A key given twice in one batch is stored once, for its first occurrence.
        var seen = new HashSet<string>();
        return events.Select(e => stored.Contains(e.Key) && seen.Add(e.Key)).ToList();
    }

    public int Queued() => Convert.ToInt32(Scalar("SELECT count(*) FROM inbox WHERE NOT done"), System.Globalization.CultureInfo.InvariantCulture);

    protected override IReadOnlyList<EventRow> FindEvents(EventsIn which, int max) => which switch
    {
        EventsIn.Waiting => Query($"SELECT {PostgresRows.EventColumns} FROM inbox WHERE NOT done ORDER BY seq LIMIT $1", PostgresRows.ReadEvent, max),
        EventsIn.Dead => Query($"SELECT {PostgresRows.EventColumns} FROM inbox WHERE dead ORDER BY seq DESC LIMIT $1", PostgresRows.ReadEvent, max),
        _ => Query($"SELECT {PostgresRows.EventColumns} FROM inbox ORDER BY seq LIMIT $1", PostgresRows.ReadEvent, max),
    };

    protected override EventRow? GetEvent(string key) => One($"SELECT {PostgresRows.EventColumns} FROM inbox WHERE key = $1", PostgresRows.ReadEvent, key);

    public override IReadOnlyList<InboundEvent> Take(int max) => Run(() =>
    {
        // The chats waiting, oldest first, with how many events each has; chats are held one by one, only as many as
        // the batch needs, so the rest stay free for other hosts.
        var waiting = Query(
            $"SELECT chat, count(*) FROM (SELECT chat, seq FROM inbox WHERE NOT done ORDER BY seq LIMIT {ChatScan}) w GROUP BY chat ORDER BY min(seq)",
            r => (Chat: r.GetString(0), Events: r.GetInt64(1)));
        var held = new List<string>();
        long covered = 0;
        foreach (var (chat, events) in waiting)
        {
            if (covered >= max)
            {
                break;
            }

            if (HoldInboxChat(chat))
            {
                held.Add(chat);
                covered += events;
            }
        }

        // Read again now the chats are held: an event another host finished meanwhile is done, and is not taken twice.
        return held.Count == 0
            ? []
            : (IReadOnlyList<InboundEvent>)Query($"SELECT {PostgresRows.EventColumns} FROM inbox WHERE NOT done AND chat = ANY($1) ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED", PostgresRows.ReadEvent, held.ToArray(), max)
                .Select(e => e.ToEvent()).ToList();
    });

    public override InboundEvent? TakeOne(string key) => Run(() =>
        Scalar("SELECT chat FROM inbox WHERE key = $1 AND NOT done", key) is string chat && HoldInboxChat(chat)
            ? One($"SELECT {PostgresRows.EventColumns} FROM inbox WHERE key = $1 AND NOT done FOR UPDATE SKIP LOCKED", PostgresRows.ReadEvent, key)?.ToEvent()
            : null);

    public void Processed(string key) =>
        // What it did is in the ledger, the audit trail and the handled record; the raw event is no longer needed.
        Execute("UPDATE inbox SET done = true, payload = '' WHERE key = $1", key);

    protected override void PutEvent(EventRow e)
    {
        if (!e.Dead && !e.Done)
        {
            Notify(StoreChanges.Inbox);
        }

        Execute("UPDATE inbox SET tries = $2, error = $3, done = $4, dead = $5 WHERE key = $1", e.Key, e.Tries, e.Error, e.Done, e.Dead);
    }

    public int ForgetProcessedEvents(DateTimeOffset before, int max) =>
        Execute("DELETE FROM inbox WHERE key IN (SELECT key FROM inbox WHERE done AND NOT dead AND at < $1 LIMIT $2)", before, max);

    /// <summary>Until the unit of work ends, no other host's drainer takes the chat's events.</summary>
    private bool HoldInboxChat(string chat) => (bool)Scalar($"SELECT pg_try_advisory_xact_lock({PostgresLocks.InboxChat}, hashtext($1))", chat)!;

    /// <summary>Events with no chat (an unfollow, say) queue behind their platform's other chatless events.</summary>
    private static string ChatOf(EventRow e) => e.Chat ?? e.Platform;
}
