using System.Collections.Concurrent;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// Wake-ups between the stages (a stored event wakes the drainer, a queued reply wakes the senders), and completions
/// that a waiting caller (the playground) can await instead of polling.
/// </summary>
internal sealed class MessageSignals : IDisposable
{
    private readonly SemaphoreSlim _inbox = new(0, 1);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _outbox = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IReadOnlyList<string>>> _handled = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _sent = new();
    private readonly ConcurrentDictionary<string, OutboxSender> _senders = new();
    private readonly ConcurrentDictionary<string, byte> _claimedHere = new();

    /// <summary>
    /// The longest a loop sleeps without a wake-up: infinite where this host makes every change, short where other
    /// hosts share the store (their webhooks and drainers signal nothing here).
    /// </summary>
    public TimeSpan IdleLook { get; init; } = Timeout.InfiniteTimeSpan;

    public void WakeDrainer() => Release(_inbox);

    public Task<bool> DrainerWokenAsync(TimeSpan timeout, CancellationToken ct) => _inbox.WaitAsync(AtMostIdleLook(timeout), ct);

    public void WakeSenders()
    {
        foreach (var gate in _outbox.Values)
        {
            Release(gate);
        }
    }

    public Task<bool> SenderWokenAsync(string platform, TimeSpan timeout, CancellationToken ct) => Gate(platform).WaitAsync(AtMostIdleLook(timeout), ct);

    /// <summary>Each platform's sender, for a unit of work that writes its results and claims for it (<see cref="InboxDrainer.Receive"/>).</summary>
    public void Register(OutboxSender sender) => _senders[sender.Platform] = sender;

    public ICollection<OutboxSender> Senders => _senders.Values;

    /// <summary>
    /// An outbox item claimed by this process in the commit that queued it: its sender sends it without a claim of its
    /// own. After a restart nothing is here, and the item's claim means what any claim means then: it may have gone out.
    /// </summary>
    public void ClaimedHere(string key) => _claimedHere.TryAdd(key, 0);

    /// <summary>The unit that claimed it rolled back.</summary>
    public void NotClaimedHere(string key) => _claimedHere.TryRemove(key, out _);

    public bool TakeClaimedHere(string key) => _claimedHere.TryRemove(key, out _);

    /// <summary>Completes when the drainer has committed the event; the result is the keys of the replies it queued.</summary>
    public Task<IReadOnlyList<string>> WhenHandled(string inboxKey) =>
        _handled.GetOrAdd(inboxKey, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Handled(string inboxKey, IReadOnlyList<string> replyKeys)
    {
        if (_handled.TryRemove(inboxKey, out var waiter))
        {
            waiter.TrySetResult(replyKeys);
        }
    }

    /// <summary>Completes when an outbox item was sent (or set aside).</summary>
    public Task WhenSent(string outboxKey) => _sent.GetOrAdd(outboxKey, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Sent(string outboxKey)
    {
        if (_sent.TryRemove(outboxKey, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    public void Forget(string key)
    {
        _handled.TryRemove(key, out _);
        _sent.TryRemove(key, out _);
    }

    public void Dispose()
    {
        _inbox.Dispose();
        foreach (var gate in _outbox.Values)
        {
            gate.Dispose();
        }
    }

    private TimeSpan AtMostIdleLook(TimeSpan timeout) =>
        IdleLook == Timeout.InfiniteTimeSpan || (timeout != Timeout.InfiniteTimeSpan && timeout < IdleLook) ? timeout : IdleLook;

    private SemaphoreSlim Gate(string platform) => _outbox.GetOrAdd(platform, _ => new SemaphoreSlim(0, 1));

    /// <summary>
    /// A wake-up that is already pending is enough: more would only spin the loop. Looked at first, since under load
    /// most wake-ups find one pending, and a refused release throws (measured: 180 exceptions a second at 16 senders).
    /// </summary>
    private static void Release(SemaphoreSlim gate)
    {
        if (gate.CurrentCount > 0)
        {
            return;
        }

        try
        {
            gate.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another caller released it between the look and the release: one wake-up is pending, as wanted.
        }
    }
}
