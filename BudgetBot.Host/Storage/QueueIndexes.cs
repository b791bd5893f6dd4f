using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// The inbox's and the outbox's queues as LiteDB indexes whose order is the queue's: the state, then the insertion
/// sequence in 19 digits, so "the oldest waiting items" reads only them. Filtered on a state and put in order after,
/// a queue read every waiting item on each pass, which a backlog of a thousand messages made the drainer's and the
/// senders' main cost.
/// </summary>
internal static class QueueIndexes
{
    /// <summary>An event: done or not (<c>false|…</c> waits), then its arrival.</summary>
    public const string Inbox = "STRING($.done) + '|' + FORMAT($.seq, 'D19')";

    /// <summary>A message: its queue (platform and state), then when it was queued.</summary>
    public const string Outbox = "$.q + '|' + FORMAT($.seq, 'D19')";

    /// <remarks>The indexes they replace (on the state alone) go; older data files get the new ones built once, at open.</remarks>
    public static void Ensure(ILiteCollection<BsonDocument> inbox, ILiteCollection<BsonDocument> outbox)
    {
        inbox.DropIndex("done");
        inbox.EnsureIndex("inbox_order", Inbox);
        outbox.DropIndex("q");
        outbox.EnsureIndex("queue_order", Outbox);
        outbox.EnsureIndex("status");
    }

    /// <summary>A message's queue: its platform and state (the <c>q</c> field <see cref="Outbox"/> orders by).</summary>
    public static string Key(string platform, Domain.Ports.OutboxStatus status) => platform + "|" + status;

    /// <summary>Events still to handle, oldest first with <see cref="Inbox"/> as the order.</summary>
    public static BsonExpression Waiting { get; } = Prefix(Inbox, "false");

    /// <summary>Events handled or set aside, oldest first.</summary>
    public static BsonExpression Done { get; } = Prefix(Inbox, "true");

    /// <summary>A queue's messages, oldest first with <see cref="Outbox"/> as the order.</summary>
    public static BsonExpression In(string queue) => Prefix(Outbox, queue);

    /// <summary>Every key that starts with the prefix and its bar lies below the same followed by a letter (see <see cref="LedgerIndexes.OfProject"/>).</summary>
    private static BsonExpression Prefix(string index, string prefix) => BsonExpression.Create(index + " BETWEEN @0 AND @1", prefix + "|", prefix + "|a");
}
