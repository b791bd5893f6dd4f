using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>The inbox: raw events in arrival order, indexed by whether they are done, so reading the queue never scans history.</summary>
internal sealed partial class LiteDbBudgetStore
{
    private long? _lastSeq;

    private ILiteCollection<BsonDocument> InboxDocs => _db.GetCollection("inbox");

    protected override IReadOnlyList<bool> InsertEvents(IReadOnlyList<EventRow> events) => Run(() =>
    {
        var stored = new bool[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            if (InboxDocs.FindById(events[i].Key) is null)
            {
                InboxDocs.Insert(EventDoc(events[i], NextSeq()));
                stored[i] = true;
            }
        }

        return stored;
    });

    /// <summary>How many events wait to be handled (an index count, for <c>/healthz</c>).</summary>
    public int Queued() => InboxDocs.Count(QueueIndexes.Waiting);

    protected override IReadOnlyList<EventRow> FindEvents(EventsIn which, int max) => (which switch
    {
        EventsIn.Waiting => InboxDocs.Query().Where(QueueIndexes.Waiting).OrderBy(QueueIndexes.Inbox),
        EventsIn.Dead => InboxDocs.Query().Where(Where.Is("dead", true)).OrderByDescending("seq"),
        _ => InboxDocs.Query().OrderBy("seq"),
    }).Limit(max).ToEnumerable().Select(Event).ToList();

    protected override EventRow? GetEvent(string key) => InboxDocs.FindById(key) is { } d ? Event(d) : null;

    protected override void PutEvent(EventRow e) => InTransaction(() =>
    {
        if (InboxDocs.FindById(e.Key) is { } d)
        {
            InboxDocs.Update(EventDoc(e, d["seq"].AsInt64));
        }
    });

    public void Processed(string key) => InTransaction(() =>
    {
        if (InboxDocs.FindById(key) is { } d)
        {
            d["done"] = true;
            d["payload"] = ""; // what it did is in the ledger, the audit trail and the handled record; the raw event is no longer needed
            InboxDocs.Update(d);
        }
    });

    public int ForgetProcessedEvents(DateTimeOffset before, int max) =>
        Forget(InboxDocs, InboxDocs.Query().Where(QueueIndexes.Done).OrderBy(QueueIndexes.Inbox).ToEnumerable().Where(d => !d["dead"].IsBoolean && Utc(d["at"]) < before), max);

    /// <summary>Only one host writes the file, so the chat an event queues behind is not kept.</summary>
    private static BsonDocument EventDoc(EventRow e, long seq)
    {
        var d = new BsonDocument
        {
            ["_id"] = e.Key, ["seq"] = seq, ["platform"] = e.Platform, ["payload"] = e.Payload, ["at"] = e.At.UtcDateTime, ["done"] = e.Done, ["tries"] = e.Tries,
            ["error"] = e.Error is null ? BsonValue.Null : new BsonValue(e.Error),
        };
        if (e.Dead)
        {
            // Only dead events have the field, as in files written before: the dead-letter query finds them by it.
            d["dead"] = true;
        }

        return d;
    }

    private static EventRow Event(BsonDocument d) => new(
        d["_id"].AsString, d["platform"].AsString, null, d["payload"].AsString, Utc(d["at"]), d["done"].AsBoolean, d["dead"].IsBoolean && d["dead"].AsBoolean,
        d["tries"].IsInt32 ? d["tries"].AsInt32 : 0, d["error"].IsString ? d["error"].AsString : null);

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
