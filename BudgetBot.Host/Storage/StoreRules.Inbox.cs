using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>
/// The inbox, the same for every store: an event is stored once under its key, read in arrival order, counted when it
/// fails, set aside at the last try and revived by an admin. A store keeps <see cref="EventRow"/>s; where several hosts
/// share it, it also decides which events this host may take (<see cref="Take"/>).
/// </summary>
internal abstract partial class StoreRules
{
    /// <summary>Stores each event unless its key is stored already (or comes earlier in the list); true for those stored.</summary>
    protected abstract IReadOnlyList<bool> InsertEvents(IReadOnlyList<EventRow> events);

    protected abstract EventRow? GetEvent(string key);

    /// <summary>Keeps an event's tries, last error, and whether it is done and set aside.</summary>
    protected abstract void PutEvent(EventRow e);

    protected abstract IReadOnlyList<EventRow> FindEvents(EventsIn which, int max);

    /// <summary>Stores events in one commit; for each, false when its key was stored before (a redelivery).</summary>
    public IReadOnlyList<bool> ReceiveAll(IReadOnlyList<InboundEvent> events) => Run(() => InsertEvents([.. events.Select(EventRow.Of)]));

    public bool Receive(string key, string platform, string payload, DateTimeOffset at) => ReceiveAll([new InboundEvent(key, platform, payload, at)])[0];

    public IReadOnlyList<InboundEvent> Unprocessed(int max) => [.. FindEvents(EventsIn.Waiting, max).Select(e => e.ToEvent())];

    /// <summary>One host owns a store of its own: everything waiting is its to take.</summary>
    public virtual IReadOnlyList<InboundEvent> Take(int max) => Unprocessed(max);

    public virtual InboundEvent? TakeOne(string key) => GetEvent(key) is { Done: false } e ? e.ToEvent() : null;

    public IReadOnlyList<InboundEvent> DeadLetters(int max) => [.. FindEvents(EventsIn.Dead, max).Select(e => e.ToEvent())];

    /// <summary>Counts a failed attempt; at the last of <paramref name="maxAttempts"/> the event is set aside with its error (true).</summary>
    public bool Failed(string key, string error, int maxAttempts) => Run(() =>
    {
        if (GetEvent(key) is not { } e)
        {
            return false;
        }

        var dead = e.Tries + 1 >= maxAttempts;
        PutEvent(e with { Tries = e.Tries + 1, Error = error, Done = dead, Dead = dead });
        return dead;
    });

    /// <summary>Puts a dead letter back in the queue with a fresh count of tries; false when there is no such dead letter.</summary>
    public bool Revive(string key) => Run(() =>
    {
        if (GetEvent(key) is not { Dead: true } e)
        {
            return false;
        }

        PutEvent(e with { Tries = 0, Error = null, Done = false, Dead = false });
        return true;
    });

    /// <summary>Dead letters with their error, newest first, for the <c>dead-letters</c> verb.</summary>
    public IReadOnlyList<DeadLetter> DeadLetterList(int max) =>
        DeadLetters(max).Select(e => new DeadLetter(e.Key, e.Platform, e.At, e.Attempts, e.Error ?? "")).ToList();
}

/// <summary>An inbox event set aside after failing, with the last error.</summary>
internal sealed record DeadLetter(string Key, string Platform, DateTimeOffset At, int Tries, string Error);
