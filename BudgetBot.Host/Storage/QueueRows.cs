using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>An inbox event as every store keeps it: the event, the chat it queues behind, and where it stands.</summary>
internal sealed record EventRow(string Key, string Platform, string? Chat, string Payload, DateTimeOffset At, bool Done, bool Dead, int Tries, string? Error)
{
    public static EventRow Of(InboundEvent e) => new(e.Key, e.Platform, e.Chat, e.Payload, e.At, false, false, e.Attempts, e.Error);

    public InboundEvent ToEvent() => new(Key, Platform, Payload, At) { Attempts = Tries, Error = Error, Chat = Chat };
}

/// <summary>
/// An outbox item as every store keeps it: the routed item as JSON, and beside it what the queue is read and changed by
/// (platform, chat, state), which win over what the JSON says.
/// </summary>
internal sealed record ItemRow(
    string Key, string Platform, string Chat, OutboxStatus Status, DateTimeOffset Due, int Parts, int Tries, string? Error, bool Sending, string Json)
{
    /// <summary>Its place in a LiteDB queue, read with it and written back with it (other stores keep their order themselves).</summary>
    public long Seq { get; init; }

    public static ItemRow Of(OutboxItem i) => new(i.Key, i.Platform, i.ChatId, i.Status, i.DueAt, i.PartsSent, i.Attempts, i.Error, i.InFlight, JsonPayload.Write(i));

    public OutboxItem ToItem() => JsonPayload.Read<OutboxItem>(Json) with
    {
        Status = Status, PartsSent = Parts, Attempts = Tries, DueAt = Due, Error = Error, InFlight = Sending,
    };
}

/// <summary>Which inbox events a store reads, and in which order.</summary>
internal enum EventsIn
{
    /// <summary>Not done yet, in arrival order.</summary>
    Waiting,

    /// <summary>Set aside after failing, newest first.</summary>
    Dead,

    /// <summary>Every event, in arrival order (for copies).</summary>
    All,
}
