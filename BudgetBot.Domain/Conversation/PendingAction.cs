namespace BudgetBot.Domain.Conversation;

public enum PendingKind
{
    ConfirmSpend,
    AdminConfirmSpend,
    Undo,
    Command,
}

/// <summary>
/// What a button does, kept on the server: the button carries only <see cref="Id"/>. <see cref="AllowedPersonId"/>
/// (or any admin, when null) may use it, once, before it expires. One record per kind below.
/// </summary>
public abstract record PendingAction(string Id, string OfficeId, string? AllowedPersonId, DateTimeOffset ExpiresAt)
{
    public const string PayloadPrefix = "p:";

    public abstract PendingKind Kind { get; }

    public string Payload => PayloadPrefix + Id;
}

/// <summary>
/// A spend waiting for one tap: the person's own confirmation of a spend read from a sentence, or an admin's of a spend
/// held over the allocation. It is recorded under <see cref="SourceKey"/>, the message that asked for it, so it counts once.
/// </summary>
public sealed record SpendToConfirm(string Id, string OfficeId, string? AllowedPersonId, DateTimeOffset ExpiresAt, bool ByAdmin)
    : PendingAction(Id, OfficeId, AllowedPersonId, ExpiresAt)
{
    public override PendingKind Kind => ByAdmin ? PendingKind.AdminConfirmSpend : PendingKind.ConfirmSpend;

    public required string ProjectId { get; init; }

    public required decimal Amount { get; init; }

    public required DateOnly Date { get; init; }

    public string Note { get; init; } = "";

    public required string SourceKey { get; init; }

    public string? RequestedBy { get; init; }
}

/// <summary>The undo button under a recorded spend.</summary>
public sealed record UndoEntry(string Id, string OfficeId, string? AllowedPersonId, DateTimeOffset ExpiresAt, long EntryId)
    : PendingAction(Id, OfficeId, AllowedPersonId, ExpiresAt)
{
    public override PendingKind Kind => PendingKind.Undo;
}

/// <summary>A button that runs a command text for the same person (a page, a picked project, a reminder's shortcut).</summary>
public sealed record RunCommand(string Id, string OfficeId, string? AllowedPersonId, DateTimeOffset ExpiresAt, string CommandText)
    : PendingAction(Id, OfficeId, AllowedPersonId, ExpiresAt)
{
    public override PendingKind Kind => PendingKind.Command;
}
