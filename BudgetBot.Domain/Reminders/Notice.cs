using BudgetBot.Domain.Conversation;

namespace BudgetBot.Domain.Reminders;

public enum NoticeKind
{
    QuarterReminder,
    UnownedReminder,
    GroupReminder,
    ReportDue,
    WeeklySummary,
    ThresholdAlert,

    /// <summary>Something is due but no one can receive it (no owner, no admin yet): shown by the dry run, never sent.</summary>
    NoRecipient,
}

/// <summary>
/// One message the scheduler wants sent. <see cref="Key"/> (kind, period, recipient) is unique: the outbox keeps the
/// first and ignores every repeat, so a job that runs twice never sends twice.
/// <see cref="PersonId"/> addresses a person privately; <see cref="ChatKey"/> (<c>platform:chatId</c>) a group.
/// </summary>
public sealed record Notice(string Key, NoticeKind Kind, string OfficeId, string? PersonId, string? ChatKey, Reply Reply)
{
    /// <summary>Why it is sent: one line per project, for the dry run.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>One-tap buttons for the recipient: a label and the command it runs for them.</summary>
    public IReadOnlyList<(string Label, string Command)> QuickCommands { get; init; } = [];
}
