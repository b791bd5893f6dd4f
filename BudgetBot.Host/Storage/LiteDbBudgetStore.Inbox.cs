using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>The inbox: raw events in arrival order, indexed by whether they are done, so reading the queue never scans history.</summary>
internal sealed partial class LiteDbBudgetStore : IInbox
{
    private long? _lastSeq;

    private ILiteCollection<BsonDocument> InboxDocs => _db.GetCollection("inbox");

    public override IReadOnlyList<bool> ReceiveAll(IReadOnlyList<InboundEvent> events) => Run(() =>
    {
        var stored = new bool[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (InboxDocs.FindById(e.Key) is not null)
            {
                continue;
            }

            InboxDocs.Insert(new BsonDocument
            {
                ["_id"] = e.Key, ["seq"] = NextSeq(), ["platform"] = e.Platform, ["payload"] = e.Payload, ["at"] = e.At.UtcDateTime,
                ["done"] = false, ["tries"] = 0,
            });
            stored[i] = true;
        }

        return (IReadOnlyList<bool>)stored;
    });

    /// <summary>How many events wait to be handled (an index count, for <c>/healthz</c>).</summary>
    public int Queued() => InboxDocs.Count(QueueIndexes.Waiting);

    public IReadOnlyList<InboundEvent> Unprocessed(int max) =>
        InboxDocs.Query().Where(QueueIndexes.Waiting).OrderBy(QueueIndexes.Inbox).Limit(max).ToEnumerable().Select(Event).ToList();

    /// <summary>One host owns the file: everything waiting is this host's to take.</summary>
    public IReadOnlyList<InboundEvent> Take(int max) => Unprocessed(max);

    public InboundEvent? TakeOne(string key) => InboxDocs.FindById(key) is { } d && !d["done"].AsBoolean ? Event(d) : null;

    public void Processed(string key) => InTransaction(() =>
    {
        if (InboxDocs.FindById(key) is { } d)
        {
            d["done"] = true;
            d["payload"] = ""; // what it did is in the ledger, the audit trail and the handled record; the raw event is no longer needed
            InboxDocs.Update(d);
        }
    });

    protected override (int Tries, bool Dead)? EventState(string key) =>
        InboxDocs.FindById(key) is { } d ? (d["tries"].IsInt32 ? d["tries"].AsInt32 : 0, d["dead"].IsBoolean && d["dead"].AsBoolean) : null;

    protected override void SetEventState(string key, int tries, string? error, bool done, bool dead) => InTransaction(() =>
    {
        if (InboxDocs.FindById(key) is { } d)
        {
            d["tries"] = tries;
            d["error"] = error is null ? BsonValue.Null : new BsonValue(error);
            d["done"] = done;
            if (dead)
            {
                d["dead"] = true;
            }
            else
            {
                d.Remove("dead");
            }

            InboxDocs.Update(d);
        }
    });

    public override IReadOnlyList<InboundEvent> DeadLetters(int max) =>
        InboxDocs.Query().Where(Where.Is("dead", true)).OrderByDescending("seq").Limit(max).ToEnumerable().Select(Event).ToList();

    private static InboundEvent Event(BsonDocument d) =>
        new(d["_id"].AsString, d["platform"].AsString, d["payload"].AsString, Utc(d["at"]))
        {
            Attempts = d["tries"].IsInt32 ? d["tries"].AsInt32 : 0,
            Error = d["error"].IsString ? d["error"].AsString : null,
        };

    private static DateTimeOffset Utc(BsonValue v) => new(DateTime.SpecifyKind(v.AsDateTime.ToUniversalTime(), DateTimeKind.Utc));

    /// <summary>Insertion order for the inbox and the outbox, whose keys are strings.</summary>
    private long NextSeq()
    {
        _lastSeq ??= Math.Max(SeqMax(InboxDocs), SeqMax(OutboxDocs));
        _lastSeq++;
        return _lastSeq.Value;
    }

    private static long SeqMax(ILiteCollection<BsonDocument> c) => c.Count() == 0 ? 0 : c.Max("seq").AsInt64;
}

/// <summary>An inbox event set aside after failing, with the last error.</summary>
internal sealed record DeadLetter(string Key, string Platform, DateTimeOffset At, int Tries, string Error);
