using BudgetBot.Domain.Conversation;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>The local channel's mailboxes (terminal and playground): what was sent to a local identity, keyed by the outbox item.</summary>
internal sealed partial class LiteDbBudgetStore
{
    private ILiteCollection<BsonDocument> FeedDocs => _db.GetCollection("local_feed");

    /// <summary>Keyed by the outbox item, so delivering it again after a crash changes nothing.</summary>
    public void AddToFeed(string outboxKey, string feed, Reply reply, DateTimeOffset at) => InTransaction(() =>
        FeedDocs.Upsert(new BsonDocument { ["_id"] = outboxKey, ["seq"] = NextSeq(), ["feed"] = feed, ["at"] = at.UtcDateTime, ["json"] = JsonPayload.Write(reply) }));

    /// <summary>The latest messages of a feed, oldest first; replies to typed messages are left out (their sender already has them).</summary>
    public IReadOnlyList<(DateTimeOffset At, Reply Reply)> LocalFeed(string feed, int max) =>
        FeedDocs.Query().Where(Where.Is("feed", feed)).OrderByDescending("seq").Limit(max).ToEnumerable()
            .Where(d => !d["_id"].AsString.StartsWith("reply:", StringComparison.Ordinal))
            .Select(d => (Utc(d["at"]), JsonPayload.Read<Reply>(d["json"].AsString)))
            .Reverse().ToList();

    /// <summary>A delivered local message by its outbox key, or null while it is not delivered yet.</summary>
    public Reply? Delivered(string outboxKey) => FeedDocs.FindById(outboxKey) is { } d ? JsonPayload.Read<Reply>(d["json"].AsString) : null;
}
