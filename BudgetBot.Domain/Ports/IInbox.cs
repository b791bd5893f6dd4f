namespace BudgetBot.Domain.Ports;

/// <summary>
/// Raw platform events, stored under their platform key before the platform is acknowledged, and processed from here:
/// a crash loses nothing, and a key seen before is dropped.
/// </summary>
public interface IInbox
{
    /// <summary>Stores an event; false when its key was stored before (a redelivery).</summary>
    bool Receive(string key, string platform, string payload, DateTimeOffset at);

    /// <summary>Stores several events in one commit; for each, false when its key was stored before.</summary>
    IReadOnlyList<bool> ReceiveAll(IReadOnlyList<InboundEvent> events);

    /// <summary>Events of every platform not processed yet, in the order they arrived.</summary>
    IReadOnlyList<InboundEvent> Unprocessed(int max);

    /// <summary>
    /// Inside a unit of work: the unprocessed events this host may handle now, oldest first. Where several hosts share
    /// the store, each chat's events go to one host at a time and stay with it until the unit ends, so a chat's
    /// messages are handled in the order they arrived.
    /// </summary>
    IReadOnlyList<InboundEvent> Take(int max);

    /// <summary>Inside a unit of work: one event, while it is unprocessed and no other host holds its chat; otherwise null.</summary>
    InboundEvent? TakeOne(string key);

    /// <summary>Marks an event done; inside a unit of work, together with everything it caused.</summary>
    void Processed(string key);

    /// <summary>Counts a failed attempt; after <paramref name="maxAttempts"/> the event is set aside with the error (true).</summary>
    bool Failed(string key, string error, int maxAttempts);

    /// <summary>Events set aside after failing, newest first.</summary>
    IReadOnlyList<InboundEvent> DeadLetters(int max);

    string? State(string key);

    void SetState(string key, string value);
}

public sealed record InboundEvent(string Key, string Platform, string Payload, DateTimeOffset At)
{
    public int Attempts { get; init; }

    public string? Error { get; init; }

    /// <summary>The chat it came from (<c>platform:chat</c>), when the platform says: events of one chat are handled in order.</summary>
    public string? Chat { get; init; }
}
