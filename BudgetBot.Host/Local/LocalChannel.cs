using System.Text.Json;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Storage;

namespace BudgetBot.Host.Local;

/// <summary>
/// The channel of the terminal and the browser playground, through the same inbox, engine and outbox as the real
/// platforms. Sending means putting the reply in the recipient's local feed, with attachments made into media files
/// whose <see cref="Attachment.Url"/> is their <c>/media/{id}</c> link.
/// </summary>
internal sealed class LocalChannel(IServiceStore store, Attachments attachments, MediaFiles media) : IPlatformChannel
{
    public const string Platform = "local";

    string IPlatformChannel.Platform => Platform;

    public bool Enabled => true;

    public static InboundEvent Event(IncomingMessage message) =>
        new($"{Platform}:{message.ChatId}:{message.MessageId}", Platform, JsonSerializer.Serialize(message), message.At) { Chat = $"{Platform}:{message.ChatId}" };

    public IReadOnlyList<InboundAction> Read(InboundEvent stored) =>
        [new InboundAction.Handle(JsonSerializer.Deserialize<IncomingMessage>(stored.Payload) ?? throw new JsonException("empty message"))];

    /// <summary>The feed is keyed by the outbox item: delivering it again changes nothing.</summary>
    public bool ResendIsSafe(OutboxItem item) => true;

    public Task<SendOutcome> SendAsync(OutboxItem item, Action<int> partSent, CancellationToken ct)
    {
        var feed = Platform + ":" + item.ChatId;
        var english = store.PersonByIdentity(feed)?.Language == Domain.Budget.Language.English;
        store.AddToFeed(item.Key, feed, Materialize(item.Reply, english), item.CreatedAt);
        return Task.FromResult(SendOutcome.Done(1));
    }

    /// <summary>Turns attachment requests into media files and their links.</summary>
    private Reply Materialize(Reply reply, bool english)
    {
        var files = new List<Attachment>();
        foreach (var a in reply.Attachments)
        {
            if (attachments.Bytes(a, english) is { } bytes)
            {
                var (id, _) = media.Save(bytes, Attachments.Extension(a), a.Name);
                files.Add(a with { Url = "/media/" + id });
            }
        }

        return reply with { Attachments = files };
    }
}
