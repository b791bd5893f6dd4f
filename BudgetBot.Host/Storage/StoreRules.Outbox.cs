using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>
/// The outbox, the same for every store: an item is routed as it is queued and never queued twice under its key (not
/// even after it was sent and archived); claims, progress and results change only its state. A store keeps
/// <see cref="ItemRow"/>s and the archived keys; which host's sender sends to a chat is <see cref="Messaging.IHostLocks"/>' business.
/// </summary>
internal abstract partial class StoreRules
{
    /// <summary>Adds an item unless its key is in the outbox or among the archived ones; true when it was added.</summary>
    protected abstract bool InsertItem(ItemRow item);

    /// <summary>The items of these keys that are in the outbox, in any order.</summary>
    protected abstract IReadOnlyList<ItemRow> GetItems(IReadOnlyList<string> keys);

    /// <summary>Keeps the state of items in the outbox, as <see cref="GetItems"/> read them: status, parts, tries, due time, error and claim.</summary>
    protected abstract void PutItems(IReadOnlyList<ItemRow> items);

    /// <summary>Items of one platform (of every one when null) and one state (every state when null), in queue order or newest first.</summary>
    protected abstract IReadOnlyList<ItemRow> FindItems(string? platform, OutboxStatus? status, bool newestFirst, int max);

    /// <summary>Keeps these keys as sent at these times, and drops their items from the outbox.</summary>
    protected abstract void ArchiveItems(IReadOnlyList<(string Key, DateTimeOffset At)> sent);

    /// <summary>Every archived key, with when it was sent.</summary>
    protected abstract IReadOnlyList<(string Key, DateTimeOffset At)> ArchivedKeys();

    protected abstract bool IsArchived(string key);

    /// <summary>
    /// Queues a message unless one with the same key was ever queued; it is routed now (<see cref="StoreRouting"/>), so
    /// one platform's sender takes it.
    /// </summary>
    public bool Enqueue(OutboxItem item) => Run(() => InsertItem(ItemRow.Of(StoreRouting.Route(item, Person))));

    public bool HasOutbox(string key) => GetItems([key]).Count > 0 || IsArchived(key);

    public IReadOnlyList<OutboxItem> Pending(string platform, int max) => [.. FindItems(platform, OutboxStatus.Pending, false, max).Select(i => i.ToItem())];

    /// <summary>
    /// A platform's pending items in queue order, light (key, chat, due): the sender reads thousands of them every round.
    /// A store that reads whole records anyway leaves their JSON unread; one that can read fewer columns says so.
    /// </summary>
    public virtual IReadOnlyList<QueuedItem> Queue(string platform, int max) =>
        [.. FindItems(platform, OutboxStatus.Pending, false, max).Select(i => new QueuedItem(i.Key, i.Chat, i.Due))];

    public IReadOnlyList<OutboxItem> Items(IReadOnlyList<string> keys)
    {
        var found = keys.Count == 0 ? [] : GetItems(keys).ToDictionary(i => i.Key);
        return [.. keys.Where(found.ContainsKey).Select(k => found[k].ToItem())];
    }

    /// <summary>Every item in one state, oldest first (for tests and maintenance).</summary>
    public IReadOnlyList<OutboxItem> Outbox(OutboxStatus status, int max) => [.. FindItems(null, status, false, max).Select(i => i.ToItem())];

    public IReadOnlyList<OutboxItem> Failed(int max) => [.. FindItems(null, OutboxStatus.Failed, true, max).Select(i => i.ToItem())];

    public void Claim(IReadOnlyList<string> keys) => Change(keys, i => i with { Sending = true });

    public void Progress(string key, int partsSent) => Change([key], i => i with { Parts = partsSent });

    public void Complete(IReadOnlyList<OutboxUpdate> updates)
    {
        // The last result of an item counts, as if each had been written in turn.
        var last = updates.GroupBy(u => u.Key).ToDictionary(g => g.Key, g => g.Last());
        Change([.. last.Keys], i => Result(i, last[i.Key]));

        static ItemRow Result(ItemRow i, OutboxUpdate u) =>
            i with { Status = u.Status, Parts = u.PartsSent, Tries = u.Attempts, Due = u.DueAt, Error = u.Error, Sending = false };
    }

    /// <summary>
    /// Moves items sent before <paramref name="before"/> to the archived keys, which keep only the key (so a reminder
    /// already sent is never queued again) and when it went; the live outbox stays small.
    /// </summary>
    public int ArchiveSent(DateTimeOffset before, int max) => Run(() =>
    {
        var old = FindItems(null, OutboxStatus.Sent, false, max).Where(i => i.Due < before).Select(i => (i.Key, i.Due)).ToList();
        ArchiveItems(old);
        return old.Count;
    });

    /// <summary>A chat's items change only through the sender holding it, so reading them and writing them back races no one.</summary>
    private void Change(IReadOnlyList<string> keys, Func<ItemRow, ItemRow> change)
    {
        if (keys.Count > 0)
        {
            InTransaction(() => PutItems([.. GetItems(keys).Select(change)]));
        }
    }
}
