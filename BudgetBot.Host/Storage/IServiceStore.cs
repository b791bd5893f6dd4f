using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>
/// Everything the host keeps, as one store: the Domain ports plus what only the host needs (the local feed,
/// maintenance, health). Two implementations: one LiteDB file for one host (the default), and PostgreSQL for several
/// hosts on one database. Both pass the same contract tests.
/// </summary>
internal interface IServiceStore : IBudgetStore, IChatStore, Messaging.IMessageQueue, IReceiptFiles, IDisposable
{
    /// <summary>True when the store held nothing before this host opened it: the only store demo data may go into.</summary>
    bool IsNew { get; }

    /// <summary>Transactions this host committed since the store was opened (for the benchmarks and <c>/healthz</c>).</summary>
    long Commits { get; }

    /// <summary>Completes at this host's next commit, so a waiter looks again only when something may have changed.</summary>
    Task NextCommit { get; }

    /// <summary>
    /// How long an idle loop may sleep before it looks again. Infinite for a store only this host writes (every change
    /// wakes the loops); a shared database is also written by other hosts, whose changes nothing here signals.
    /// </summary>
    TimeSpan IdleLook { get; }

    /// <summary>
    /// Raised when another host (or this one) committed events to handle (<c>inbox</c>) or messages to send
    /// (<c>outbox</c>), where the store is shared; a store only this host writes never raises it.
    /// </summary>
    event Action<string>? Changed;

    /// <summary>How the hosts that share this store divide chats and leases among them.</summary>
    Messaging.IHostLocks Locks { get; }

    /// <summary>Reads one record: throws when the store cannot serve (for <c>/healthz</c>).</summary>
    void Probe();

    /// <summary>How many events wait to be handled.</summary>
    int Queued();

    (long Entries, decimal Sum) LedgerTotals();

    Dictionary<string, List<long>> EntryIdsBySource(Func<string, bool> keys);

    /// <summary>Every item in one state, oldest first (for tests and maintenance).</summary>
    IReadOnlyList<OutboxItem> Outbox(OutboxStatus status, int max);

    IReadOnlyList<DeadLetter> DeadLetterList(int max);

    bool Revive(string key);

    void AddToFeed(string outboxKey, string feed, Reply reply, DateTimeOffset at);

    IReadOnlyList<(DateTimeOffset At, Reply Reply)> LocalFeed(string feed, int max);

    Reply? Delivered(string outboxKey);

    int ArchiveSent(DateTimeOffset before, int max);

    int ForgetProcessedEvents(DateTimeOffset before, int max);

    int ForgetHandled(DateTimeOffset before, int max);

    int ForgetFeed(DateTimeOffset before, int max);

    int ForgetExpiredButtonsAndInvites(DateTimeOffset before, int max);

    /// <summary>Everything the store holds, for <c>migrate</c>.</summary>
    StoreDump Dump();

    /// <summary>Writes a dump into this store in one transaction; refused unless the store holds no office and no entry.</summary>
    void Load(StoreDump dump);
}

/// <summary>What a <see cref="IServiceStore.Changed"/> notice says changed.</summary>
internal static class StoreChanges
{
    /// <summary>Events to handle were stored.</summary>
    public const string Inbox = "inbox";

    /// <summary>Messages to send were queued.</summary>
    public const string Outbox = "outbox";
}
