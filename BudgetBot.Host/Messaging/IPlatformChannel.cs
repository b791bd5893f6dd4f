using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// What one platform (Telegram, LINE, the local terminal and playground) supplies to the shared drainer and sender:
/// how to read its stored events, how to send one outbox item, and its rate limits. Loops, order, retries, dead
/// letters and "chat gone" belong to <see cref="InboxDrainer"/> and <see cref="OutboxSender"/>.
/// </summary>
internal interface IPlatformChannel
{
    string Platform { get; }

    /// <summary>False when the platform is not configured: its sender does not run.</summary>
    bool Enabled { get; }

    /// <summary>
    /// Completes once the channel can read its events (Telegram: once it knows its own username, which decides whether
    /// a group's <c>/cmd@bot</c> is ours). Until then its events wait in the inbox.
    /// </summary>
    Task Ready => Task.CompletedTask;

    /// <summary>How many chats are sent to at once.</summary>
    int Concurrency => 8;

    /// <summary>What a stored event asks for; nothing for an event that is not for us. May throw on a malformed event.</summary>
    IReadOnlyList<InboundAction> Read(InboundEvent stored);

    /// <summary>A courtesy once the event's effects are committed (Telegram: stop the button's spinner). Never throws.</summary>
    Task AfterCommitAsync(InboundEvent stored, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Sends the item's parts from <see cref="OutboxItem.PartsSent"/> on, and says how far it got. After each part but
    /// the last it calls <paramref name="partSent"/> with the count so far, which records it before the next part goes.
    /// </summary>
    Task<SendOutcome> SendAsync(OutboxItem item, Action<int> partSent, CancellationToken ct);

    /// <summary>
    /// Whether the item's next part may be sent again when a crash left it unclear whether it went out: true only where
    /// the platform drops a repeat itself (LINE's retry key) or the delivery is keyed (the local feed).
    /// </summary>
    bool ResendIsSafe(OutboxItem item);

    /// <summary>
    /// The picture a message carried (<see cref="Domain.Conversation.IncomingMessage.Photo"/>), fetched from the
    /// platform; throws when it cannot be had now. A platform that takes no pictures has none to give.
    /// </summary>
    Task<byte[]> FetchPhotoAsync(string photo, CancellationToken ct) => throw new NotSupportedException(Platform + " takes no photos");

    /// <summary>How long a chat must wait before its next message (rate limits); zero when it may go now.</summary>
    TimeSpan Wait(string chatId, DateTimeOffset now) => TimeSpan.Zero;
}
