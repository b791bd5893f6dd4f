namespace BudgetBot.Domain.Conversation;

public enum ChatKind
{
    Private,
    Group,
}

/// <summary>
/// One message from any channel (Telegram, LINE, the terminal, the playground), already stripped of platform types.
/// <see cref="ButtonPayload"/> is set when the user tapped a button instead of typing.
/// </summary>
public sealed record IncomingMessage(
    string Platform,
    string ChatId,
    ChatKind ChatKind,
    string UserId,
    string DisplayName,
    string Text,
    string MessageId,
    DateTimeOffset At)
{
    public string? ButtonPayload { get; init; }

    /// <summary>True when a group message mentions the bot by name, so the bot may answer it.</summary>
    public bool MentionsBot { get; init; }

    /// <summary>A photo sent with the message: the platform's reference to it (its <see cref="Text"/> is the caption, if any).</summary>
    public string? Photo { get; init; }

    /// <summary>The person's identity on the platform, as <c>telegram:123</c>.</summary>
    public string Identity => new ChatAddress(Platform, UserId).ToString();

    /// <summary>The key that makes a redelivered message a no-op: platform, chat and the platform's message id.</summary>
    public string SourceKey => $"{Platform}:{ChatId}:{MessageId}";
}
