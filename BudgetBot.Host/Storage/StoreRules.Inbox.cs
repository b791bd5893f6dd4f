using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>How an event is received alone, and how one that fails is counted, set aside and revived, the same for every store.</summary>
internal abstract partial class StoreRules
{
    /// <summary>An event's tries and whether it is set aside; null for an event the store does not hold.</summary>
    protected abstract (int Tries, bool Dead)? EventState(string key);

    /// <summary>Keeps an event's tries, last error, and whether it is done and set aside.</summary>
    protected abstract void SetEventState(string key, int tries, string? error, bool done, bool dead);

    public abstract IReadOnlyList<InboundEvent> DeadLetters(int max);

    /// <summary>Stores events in one commit; for each, false when its key was stored before (a redelivery).</summary>
    public abstract IReadOnlyList<bool> ReceiveAll(IReadOnlyList<InboundEvent> events);

    public bool Receive(string key, string platform, string payload, DateTimeOffset at) => ReceiveAll([new InboundEvent(key, platform, payload, at)])[0];

    /// <summary>Counts a failed attempt; at the last of <paramref name="maxAttempts"/> the event is set aside with its error (true).</summary>
    public bool Failed(string key, string error, int maxAttempts) => Run(() =>
    {
        if (EventState(key) is not var (tries, _))
        {
            return false;
        }

        var dead = tries + 1 >= maxAttempts;
        SetEventState(key, tries + 1, error, done: dead, dead);
        return dead;
    });

    /// <summary>Puts a dead letter back in the queue with a fresh count of tries; false when there is no such dead letter.</summary>
    public bool Revive(string key) => Run(() =>
    {
        if (EventState(key) is not (_, true))
        {
            return false;
        }

        SetEventState(key, 0, null, done: false, dead: false);
        return true;
    });

    /// <summary>Dead letters with their error, newest first, for the <c>dead-letters</c> verb.</summary>
    public IReadOnlyList<DeadLetter> DeadLetterList(int max) =>
        DeadLetters(max).Select(e => new DeadLetter(e.Key, e.Platform, e.At, e.Attempts, e.Error ?? "")).ToList();
}
