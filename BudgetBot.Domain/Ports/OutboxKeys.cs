namespace BudgetBot.Domain.Ports;

/// <summary>The keys of outbox items that answer a message: one place makes them and tells them apart.</summary>
public static class OutboxKeys
{
    private const string ReplyPrefix = "reply:";

    /// <summary>The key of the <paramref name="n"/>th reply to an event, the same every time the event is handled, so a redelivery queues nothing new.</summary>
    public static string Reply(string eventKey, int n) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ReplyPrefix}{eventKey}:{n}");

    /// <summary>True for a reply to a message, as opposed to a reminder, a summary or a notice.</summary>
    public static bool IsReply(string key) => key.StartsWith(ReplyPrefix, StringComparison.Ordinal);
}
