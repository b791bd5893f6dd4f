namespace BudgetBot.Domain.Ports;

/// <summary>
/// Messages waiting to be sent, as the senders see them: each platform reads only its own pending items, oldest first,
/// and reports back what became of each one in a single write.
/// </summary>
public interface IOutbox : IOutboxWriter
{
    /// <summary>Pending items for one platform, oldest first (due or not: the sender decides when).</summary>
    IReadOnlyList<OutboxItem> Pending(string platform, int max);

    /// <summary>The queue of one platform in order, light (key, chat, due), so a sender can give every chat a turn cheaply.</summary>
    IReadOnlyList<QueuedItem> Queue(string platform, int max);

    /// <summary>Whole items by key, in the order given.</summary>
    IReadOnlyList<OutboxItem> Items(IReadOnlyList<string> keys);

    /// <summary>
    /// Marks items as being sent, in one write, before any of their parts goes out: after a crash, an item still marked
    /// is one whose next part may or may not have reached the platform.
    /// </summary>
    void Claim(IReadOnlyList<string> keys);

    /// <summary>Records, durably and at once, that an item's first <paramref name="partsSent"/> parts are out (its claim stays).</summary>
    void Progress(string key, int partsSent);

    /// <summary>Records the results of one sending round in one transaction, and clears their claims.</summary>
    void Complete(IReadOnlyList<OutboxUpdate> updates);

    /// <summary>Items set aside after failing, newest first, for admins to look at or retry.</summary>
    IReadOnlyList<OutboxItem> Failed(int max);
}

/// <summary>Where a pending item stands in its platform's queue.</summary>
public sealed record QueuedItem(string Key, string ChatId, DateTimeOffset DueAt);

/// <summary>What became of an outbox item: sent, still pending (with the parts already out and when to try again), gone or failed.</summary>
public sealed record OutboxUpdate(string Key, OutboxStatus Status, int PartsSent, int Attempts, DateTimeOffset DueAt, string? Error = null);
