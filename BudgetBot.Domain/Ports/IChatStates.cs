using BudgetBot.Domain.Conversation;

namespace BudgetBot.Domain.Ports;

/// <summary>What is known of a chat beyond its messages: whether the bot was blocked or removed there, and since when.</summary>
public interface IChatStates
{
    ChatState? ChatState(ChatAddress chat);

    void SaveChatState(ChatState state);
}

/// <summary>A chat that is gone (blocked the bot, removed it, left) gets nothing until it comes back.</summary>
public sealed record ChatState(ChatAddress Chat, bool Gone, DateTimeOffset Since)
{
    /// <summary>When someone not registered was last answered from this address; they are answered once a day at most.</summary>
    public DateTimeOffset? StrangerAnsweredAt { get; init; }

    /// <summary>The entry a person named with <c>/receipt</c>, and when: the next photo they send goes with it.</summary>
    public long? ReceiptFor { get; init; }

    public DateTimeOffset? ReceiptAskedAt { get; init; }
}
