using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// The outbox: each item is routed when it is queued (platform and chat), and indexed by platform and state, so a
/// sender reads only its own pending items however many were sent before.
/// </summary>
internal sealed partial class LiteDbBudgetStore : IOutbox
{
    private ILiteCollection<BsonDocument> OutboxDocs => _db.GetCollection("outbox");

    private ILiteCollection<BsonDocument> SentKeys => _db.GetCollection("outbox_sent");

    protected override bool AddItem(OutboxItem routed)
    {
        if (HasOutbox(routed.Key))
        {
            return false;
        }

        OutboxDocs.Insert(new BsonDocument
        {
            ["_id"] = routed.Key,
            ["seq"] = NextSeq(),
            ["platform"] = routed.Platform,
            ["chat"] = routed.ChatId,
            ["q"] = Queue(routed.Platform, routed.Status),
            ["status"] = routed.Status.ToString(),
            ["due"] = routed.DueAt.UtcDateTime,
            ["parts"] = 0,
            ["tries"] = 0,
            ["json"] = JsonPayload.Write(routed),
        });
        return true;
    }

    public bool HasOutbox(string key) => OutboxDocs.FindById(key) is not null || SentKeys.FindById(key) is not null;

    public IReadOnlyList<OutboxItem> Pending(string platform, int max) => PendingDocs(platform, max).Select(Item).ToList();

    public IReadOnlyList<QueuedItem> Queue(string platform, int max) =>
        PendingDocs(platform, max)
            .Select(d => new QueuedItem(d["_id"].AsString, d["chat"].IsString ? d["chat"].AsString : Item(d).ChatId, d["due"].IsDateTime ? Utc(d["due"]) : default))
            .ToList();

    public IReadOnlyList<OutboxItem> Items(IReadOnlyList<string> keys) =>
        keys.Select(k => OutboxDocs.FindById(k)).OfType<BsonDocument>().Select(Item).ToList();

    /// <summary>Every item in one state, oldest first (for tests and maintenance).</summary>
    public IReadOnlyList<OutboxItem> Outbox(OutboxStatus status, int max) =>
        OutboxDocs.Query().Where(Where.Is("status", status.ToString())).OrderBy("seq").Limit(max).ToEnumerable().Select(Item).ToList();

    public IReadOnlyList<OutboxItem> Failed(int max) =>
        OutboxDocs.Query().Where(Where.Is("status", nameof(OutboxStatus.Failed))).OrderByDescending("seq").Limit(max).ToEnumerable().Select(Item).ToList();

    /// <summary>One host owns the file: its sender holds every chat.</summary>
    public IReadOnlyList<string> HoldChats(string platform, IReadOnlyList<string> chats) => chats;

    public void ReleaseChats(string platform, IReadOnlyList<string> chats)
    {
    }

    public void Claim(IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        InTransaction(() =>
        {
            foreach (var key in keys)
            {
                if (OutboxDocs.FindById(key) is { } d)
                {
                    d["sending"] = true;
                    OutboxDocs.Update(d);
                }
            }
        });
    }

    public void Progress(string key, int partsSent) => InTransaction(() =>
    {
        if (OutboxDocs.FindById(key) is { } d)
        {
            d["parts"] = partsSent;
            OutboxDocs.Update(d);
        }
    });

    public void Complete(IReadOnlyList<OutboxUpdate> updates)
    {
        if (updates.Count == 0)
        {
            return;
        }

        InTransaction(() =>
        {
            foreach (var u in updates)
            {
                if (OutboxDocs.FindById(u.Key) is not { } d)
                {
                    continue;
                }

                d["q"] = Queue(d["platform"].AsString, u.Status);
                d["status"] = u.Status.ToString();
                d["parts"] = u.PartsSent;
                d["tries"] = u.Attempts;
                d["due"] = u.DueAt.UtcDateTime;
                d["error"] = u.Error is null ? BsonValue.Null : new BsonValue(u.Error);
                d["sending"] = false;
                OutboxDocs.Update(d);
            }
        });
    }

    /// <summary>
    /// Moves items sent before <paramref name="before"/> to <c>outbox_sent</c>, which keeps only their keys (so a
    /// reminder already sent is never queued again) and when they went; the live outbox stays small.
    /// </summary>
    public int ArchiveSent(DateTimeOffset before, int max) => Run(() =>
    {
        var old = OutboxDocs.Query().Where(Where.Is("status", nameof(OutboxStatus.Sent))).Limit(max).ToEnumerable()
            .Where(d => d["due"].IsDateTime && Utc(d["due"]) < before).ToList();
        foreach (var d in old)
        {
            SentKeys.Upsert(new BsonDocument { ["_id"] = d["_id"], ["at"] = d["due"] });
            OutboxDocs.Delete(d["_id"]);
        }

        return old.Count;
    });

    private IEnumerable<BsonDocument> PendingDocs(string platform, int max) =>
        OutboxDocs.Query().Where(QueueIndexes.In(Queue(platform, OutboxStatus.Pending))).OrderBy(QueueIndexes.Outbox).Limit(max).ToEnumerable();

    private static string Queue(string platform, OutboxStatus status) => platform + "|" + status;

    private static OutboxItem Item(BsonDocument d) => JsonPayload.Read<OutboxItem>(d["json"].AsString) with
    {
        Status = Enum.Parse<OutboxStatus>(d["status"].AsString),
        PartsSent = d["parts"].IsInt32 ? d["parts"].AsInt32 : 0,
        Attempts = d["tries"].IsInt32 ? d["tries"].AsInt32 : 0,
        DueAt = d["due"].IsDateTime ? Utc(d["due"]) : default,
        Error = d["error"].IsString ? d["error"].AsString : null,
        InFlight = d["sending"].IsBoolean && d["sending"].AsBoolean,
    };
}
