using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>The inbox: raw events in arrival order, indexed by whether they are done, so reading the queue never scans history.</summary>
internal sealed partial class LiteDbBudgetStore
{
    private long? _lastSeq;

    private ILiteCollection<BsonDocument> InboxDocs => _db.Engine.GetCollection("inbox");

    protected override IReadOnlyList<bool> InsertEvents(IReadOnlyList<EventRow> events) => Run(() =>
    {
        var stored = new bool[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            if (InboxDocs.FindById(events[i].Key) is null)
            {
                InboxDocs.Insert(Bson.Event(events[i], NextSeq()));
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
    }).Limit(max).ToEnumerable().Select(Bson.Event).ToList();

    protected override EventRow? GetEvent(string key) => InboxDocs.FindById(key) is { } d ? Bson.Event(d) : null;

    protected override void PutEvent(EventRow e) => InTransaction(() =>
    {
        if (InboxDocs.FindById(e.Key) is { } d)
        {
            InboxDocs.Update(Bson.Event(e, d["seq"].AsInt64));
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
        Forget(InboxDocs, InboxDocs.Query().Where(QueueIndexes.Done).OrderBy(QueueIndexes.Inbox).ToEnumerable().Where(d => !d["dead"].IsBoolean && Bson.Utc(d["at"]) < before), max);

    /// <summary>Insertion order for the inbox and the outbox, whose keys are strings.</summary>
    private long NextSeq()
    {
        _lastSeq ??= Math.Max(SeqMax(InboxDocs), SeqMax(OutboxDocs));
        _lastSeq++;
        return _lastSeq.Value;
    }

    private static long SeqMax(ILiteCollection<BsonDocument> c) => c.Count() == 0 ? 0 : c.Max("seq").AsInt64;
}
