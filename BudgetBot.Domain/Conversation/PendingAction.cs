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
/// (or any admin, when null) may use it, once, before it expires.
/// </summary>
public sealed record PendingAction(string Id, PendingKind Kind, string OfficeId, string? AllowedPersonId, DateTimeOffset ExpiresAt)
{
    public string? ProjectId { get; init; }

    public decimal Amount { get; init; }

    public DateOnly Date { get; init; }

    public string Note { get; init; } = "";

    /// <summary>The message that asked for it: the spend is recorded under this key, so it counts once.</summary>
    public string SourceKey { get; init; } = "";

    public string? RequestedBy { get; init; }

    public long EntryId { get; init; }

    /// <summary>For <see cref="PendingKind.Command"/>: the command text the button runs (a page, a picked project).</summary>
    public string CommandText { get; init; } = "";

    public const string PayloadPrefix = "p:";

    public string Payload => PayloadPrefix + Id;
}
