using BudgetBot.Domain.Conversation;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Storage;

namespace BudgetBot.Host.Local;

/// <summary>
/// A message typed in the playground, answered like any platform's: stored in the inbox, handled by the drainer, sent
/// through the outbox to the local feed. The caller waits for those replies (signals, not polling).
/// </summary>
internal sealed class LocalConversation(InboxWriter writer, MessageSignals signals, IServiceStore store)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<Reply>> AskAsync(IncomingMessage message, CancellationToken ct)
    {
        var stored = LocalChannel.Event(message);
        var handled = signals.WhenHandled(stored.Key);
        await writer.ReceiveAsync([stored]);
        var keys = await handled.WaitAsync(Patience, ct);
        var replies = new List<Reply>();
        foreach (var key in keys)
        {
            var sent = signals.WhenSent(key);
            if (store.Delivered(key) is not { } reply)
            {
                await sent.WaitAsync(Patience, ct);
                reply = store.Delivered(key);
            }

            signals.Forget(key);
            if (reply is not null)
            {
                replies.Add(reply);
            }
        }

        return replies;
    }
}
