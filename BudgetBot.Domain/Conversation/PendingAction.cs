namespace BudgetBot.Domain.Conversation;

public enum PendingKind
{
    ConfirmSpend,
    AdminConfirmSpend,
    Undo,
    Command,
    ApproveTransfer,
}

/// <summary>
/// What a button does, kept on the server: the button carries only <see cref="Id"/>. <see cref="AllowedPersonId"/>
/// (or any admin, when null) may use it, once, before it expires. One record per kind below.
/// </summary>
public abstract record PendingAction(string Id, string OfficeId, string? AllowedPersonId, DateTimeOffset ExpiresAt)
{
    public const string PayloadPrefix = "p:";

    public abstract PendingKind Kind { get; }

    /// <summary>What a reject button of a request carries after the id: the same state, decided the other way.</summary>
    public const string NoSuffix = ":no";

    public string Payload => PayloadPrefix + Id;

    /// <summary>The payload of the button that turns a request down; whichever button is tapped first decides.</summary>
    public string RejectPayload => PayloadPrefix + Id + NoSuffix;

    /// <summary>The pending action a button's payload names, and whether it is the reject button; null for any other payload.</summary>
    public static (string Id, bool Reject)? Read(string payload)
    {
        if (!payload.StartsWith(PayloadPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = payload[PayloadPrefix.Length..];
        var reject = id.EndsWith(NoSuffix, StringComparison.Ordinal);
        return (reject ? id[..^NoSuffix.Length] : id, reject);
    }
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

    /// <summary>The same spend sent again soon after: the person confirms it is a second payment, or turns it down.</summary>
    public bool Repeat { get; init; }
}

/// <summary>The undo button under a recorded spend.</summary>
public sealed record UndoEntry(string Id, string OfficeId, string? AllowedPersonId, DateTimeOffset ExpiresAt, long EntryId)
    : PendingAction(Id, OfficeId, AllowedPersonId, ExpiresAt)
{
    public override PendingKind Kind => PendingKind.Undo;
}

/// <summary>
/// A transfer asked for by someone who is not an admin, waiting for any admin to approve or reject it. It is recorded
/// under <see cref="SourceKey"/>, the message that asked, so it counts once; the asker is told the outcome.
/// </summary>
public sealed record TransferRequest(string Id, string OfficeId, string? AllowedPersonId, DateTimeOffset ExpiresAt)
    : PendingAction(Id, OfficeId, AllowedPersonId, ExpiresAt)
{
    public override PendingKind Kind => PendingKind.ApproveTransfer;

    public required int FiscalYear { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required decimal Amount { get; init; }

    public required string SourceKey { get; init; }

    public required string RequestedBy { get; init; }
}

/// <summary>A button that runs a command text for the same person (a page, a picked project, a reminder's shortcut).</summary>
public sealed record RunCommand(string Id, string OfficeId, string? AllowedPersonId, DateTimeOffset ExpiresAt, string CommandText)
    : PendingAction(Id, OfficeId, AllowedPersonId, ExpiresAt)
{
    public override PendingKind Kind => PendingKind.Command;
}
