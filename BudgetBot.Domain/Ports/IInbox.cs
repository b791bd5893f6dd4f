namespace BudgetBot.Domain.Ports;

/// <summary>
/// Raw platform events, stored under their platform key before the platform is acknowledged, and processed from here:
/// a crash loses nothing, and a key seen before is dropped.
/// </summary>
public interface IInbox
{
    /// <summary>Stores an event; false when its key was stored before (a redelivery).</summary>
    bool Receive(string key, string platform, string payload, DateTimeOffset at);

    /// <summary>Events not processed yet, oldest first.</summary>
    IReadOnlyList<InboundEvent> Unprocessed(string platform, int max);

    void Processed(string key);

    string? State(string key);

    void SetState(string key, string value);
}

public sealed record InboundEvent(string Key, string Platform, string Payload, DateTimeOffset At);
