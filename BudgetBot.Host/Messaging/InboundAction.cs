using BudgetBot.Domain.Conversation;

namespace BudgetBot.Host.Messaging;

/// <summary>What a stored platform event asks the drainer to do, inside the event's unit of work.</summary>
internal abstract record InboundAction
{
    /// <summary>Run the engine; the first reply may use the platform's reply token.</summary>
    public sealed record Handle(IncomingMessage Message, string? ReplyToken = null) : InboundAction;

    /// <summary>Send a fixed message to a chat (a welcome when the bot is added to a group).</summary>
    public sealed record Send(string ChatId, Reply Reply, string? ReplyToken = null) : InboundAction;

    /// <summary>The chat blocked or removed the bot (or came back): nothing is sent to a gone chat.</summary>
    public sealed record ChatGone(string ChatId, bool Gone) : InboundAction;

    /// <summary>The chat has a new id (a Telegram group became a supergroup): its subscription moves with it.</summary>
    public sealed record ChatMoved(string OldChatId, string NewChatId) : InboundAction;
}
