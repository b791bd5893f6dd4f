namespace BudgetBot.Host.Messaging;

internal enum SendResult
{
    /// <summary>Every part is out.</summary>
    Sent,

    /// <summary>A transient failure (network, time-out, 5xx): try again with back-off.</summary>
    Retry,

    /// <summary>The platform asked us to slow down: try again after <see cref="SendOutcome.After"/>, not counted as a failure.</summary>
    RetryAfter,

    /// <summary>The recipient blocked the bot or left: nothing more goes to that chat.</summary>
    Gone,

    /// <summary>The platform refused the message for good (a 4xx other than 429): set it aside and move on.</summary>
    Permanent,

    /// <summary>The chat has a new id (<see cref="SendOutcome.NewChatId"/>): send there instead.</summary>
    Moved,

    /// <summary>
    /// The platform's allowance for this kind of message is spent (a monthly quota): set aside unsent with the reason,
    /// as a dead letter an admin may send again, without a notice per message (the channel told the admins once). Held
    /// in the queue instead, it would hold every later reply to the chat behind it for weeks.
    /// </summary>
    Withheld,
}

/// <summary>How a send went, and how many of the item's parts are out (counting those sent before).</summary>
internal sealed record SendOutcome(SendResult Result, int PartsSent, string? Error = null)
{
    public TimeSpan After { get; init; }

    public string? NewChatId { get; init; }

    public static SendOutcome Done(int parts) => new(SendResult.Sent, parts);
}
