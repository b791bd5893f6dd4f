using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

internal sealed partial class LiteDbBudgetStore : IInbox
{
    private long? _lastSeq;

    private ILiteCollection<BsonDocument> InboxDocs => _db.GetCollection("inbox");

    private ILiteCollection<BsonDocument> StateDocs => _db.GetCollection("state");

    public bool Receive(string key, string platform, string payload, DateTimeOffset at)
    {
        lock (_writeGate)
        {
            if (InboxDocs.Exists(Query.EQ("_id", key)))
            {
                return false;
            }

            InboxDocs.EnsureIndex("seq");
            InboxDocs.Insert(new BsonDocument
            {
                ["_id"] = key, ["seq"] = NextSeq(), ["platform"] = platform, ["payload"] = payload, ["at"] = at.UtcDateTime, ["done"] = false,
            });
            return true;
        }
    }

    public IReadOnlyList<InboundEvent> Unprocessed(string platform, int max) =>
        InboxDocs.Query().Where(Query.And(Query.EQ("platform", platform), Query.EQ("done", false))).OrderBy("seq").Limit(max).ToEnumerable()
            .Select(d => new InboundEvent(d["_id"].AsString, platform, d["payload"].AsString,
                new DateTimeOffset(DateTime.SpecifyKind(d["at"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc))))
            .ToList();

    public void Processed(string key)
    {
        lock (_writeGate)
        {
            if (InboxDocs.FindById(key) is { } d)
            {
                d["done"] = true;
                InboxDocs.Update(d);
            }
        }
    }

    public string? State(string key) => StateDocs.FindById(key) is { } d ? d["value"].AsString : null;

    public void SetState(string key, string value)
    {
        lock (_writeGate)
        {
            StateDocs.Upsert(new BsonDocument { ["_id"] = key, ["value"] = value });
        }
    }

    /// <summary>Insertion order for the inbox and the outbox, whose keys are strings.</summary>
    private long NextSeq()
    {
        _lastSeq ??= Math.Max(SeqMax(InboxDocs), SeqMax(OutboxDocs));
        _lastSeq++;
        return _lastSeq.Value;
    }

    private static long SeqMax(ILiteCollection<BsonDocument> c) => c.Count() == 0 ? 0 : c.Max("seq").AsInt64;
}
