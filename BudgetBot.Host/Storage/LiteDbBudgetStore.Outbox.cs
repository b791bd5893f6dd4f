using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// The outbox, indexed by queue (platform and state) in insertion order, so a sender reads only its own pending items
/// however many were sent before; sent items move to <c>outbox_sent</c>, which keeps their keys.
/// </summary>
internal sealed partial class LiteDbBudgetStore
{
    private ILiteCollection<BsonDocument> OutboxDocs => _db.Engine.GetCollection("outbox");

    private ILiteCollection<BsonDocument> SentKeys => _db.Engine.GetCollection("outbox_sent");

    protected override bool InsertItem(ItemRow item)
    {
        if (OutboxDocs.FindById(item.Key) is not null || IsArchived(item.Key))
        {
            return false;
        }

        var row = item with { Seq = NextSeq() };
        OutboxDocs.Insert(Bson.Item(row, row.Seq));
        _pending.Wrote(row);
        return true;
    }

    protected override bool IsArchived(string key) => SentKeys.FindById(key) is not null;

    protected override IReadOnlyList<ItemRow> GetItems(IReadOnlyList<string> keys) =>
        keys.Select(k => OutboxDocs.FindById(k)).OfType<BsonDocument>().Select(Bson.Item).ToList();

    protected override void PutItems(IReadOnlyList<ItemRow> items) => InTransaction(() =>
    {
        foreach (var item in items)
        {
            // Read here (GetItems), a row carries its place in the queue: no second read to keep it.
            OutboxDocs.Update(Bson.Item(item, item.Seq));
            _pending.Wrote(item);
        }
    });

    /// <summary>A platform's queue from memory (<see cref="PendingQueue"/>): only this process writes the file.</summary>
    public override IReadOnlyList<QueuedItem> Queue(string platform, int max) => _pending.Read(platform, max, _db.InUnitHere);

    /// <summary>A platform's queue is read through its index (<see cref="QueueIndexes"/>), in the index's order.</summary>
    protected override IReadOnlyList<ItemRow> FindItems(string? platform, OutboxStatus? status, bool newestFirst, int max)
    {
        var query = OutboxDocs.Query();
        var order = "seq";
        if (platform is not null && status is { } queue)
        {
            query = query.Where(QueueIndexes.In(QueueIndexes.Key(platform, queue)));
            order = QueueIndexes.Outbox;
        }
        else if (status is { } s)
        {
            query = query.Where(Where.Is("status", s.ToString()));
        }
        else if (platform is not null)
        {
            query = query.Where(Where.Is("platform", platform));
        }

        return (newestFirst ? query.OrderByDescending(order) : query.OrderBy(order)).Limit(max).ToEnumerable().Select(Bson.Item).ToList();
    }

    protected override void ArchiveItems(IReadOnlyList<(string Key, DateTimeOffset At)> sent) => InTransaction(() =>
    {
        foreach (var (key, at) in sent)
        {
            SentKeys.Upsert(new BsonDocument { ["_id"] = key, ["at"] = at.UtcDateTime });
            OutboxDocs.Delete(key);
            _pending.Removed(key);
        }
    });

    protected override IReadOnlyList<(string Key, DateTimeOffset At)> ArchivedKeys() => SentKeys.FindAll().Select(d => (d["_id"].AsString, Bson.Utc(d["at"]))).ToList();
}
