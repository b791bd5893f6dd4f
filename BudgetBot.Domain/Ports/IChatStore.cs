using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;

namespace BudgetBot.Domain.Ports;

/// <summary>People, invites, pending button actions, the audit trail and group subscriptions.</summary>
public interface IChatStore
{
    Person? PersonByIdentity(string identity);

    Person? Person(string personId);

    IReadOnlyList<Person> People(string officeId);

    void SavePerson(Person person);

    void SaveInvite(Invite invite);

    /// <summary>Takes an unused, unexpired invite and marks it used, in one step; null when there is none.</summary>
    Invite? TakeInvite(string code, DateTimeOffset at);

    void SavePending(PendingAction action);

    PendingAction? Pending(string id);

    /// <summary>Takes a pending action once: a second tap on the same button finds nothing.</summary>
    PendingAction? TakePending(string id, DateTimeOffset at);

    void Audit(AuditRecord record);

    IReadOnlyList<AuditRecord> AuditTrail(string officeId, int max);

    void SaveSubscription(Subscription subscription);

    Subscription? Subscription(string chatKey);

    IReadOnlyList<Subscription> Subscriptions(string officeId);

    /// <summary>Adds a message to send unless one with the same key was ever added; true when it was added now.</summary>
    bool Enqueue(OutboxItem item);

    bool HasOutbox(string key);

    IReadOnlyList<OutboxItem> Outbox(OutboxStatus status, int max);

    void MarkOutbox(string key, OutboxStatus status, DateTimeOffset at);

    /// <summary>Delivers an outbox item to a local feed (terminal or playground) and marks it sent, in one transaction.</summary>
    void DeliverLocally(OutboxItem item, string feed, Reply reply, DateTimeOffset at);

    IReadOnlyList<(DateTimeOffset At, Reply Reply)> LocalFeed(string feed, int max);

    /// <summary>The replies a message got when it was handled, or null for a message not seen before.</summary>
    IReadOnlyList<Reply>? HandledReplies(string sourceKey);

    void MarkHandled(string sourceKey, DateTimeOffset at, IReadOnlyList<Reply> replies);
}

/// <summary>A single-use code for a role in an office (or, with <see cref="LinkPersonId"/>, to link another platform identity).</summary>
public sealed record Invite(string Code, string OfficeId, Role Role, string? Scope, string CreatedBy, DateTimeOffset ExpiresAt)
{
    public string? LinkPersonId { get; init; }
}

/// <summary>Who did (or was refused) what, when, from which message.</summary>
public sealed record AuditRecord(string OfficeId, string Actor, string Action, string Detail, string SourceKey, DateTimeOffset At, bool Refused);

public enum SubscriptionKind
{
    Off,
    Weekly,
    Quarter,
    Monthly,
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Undeliverable,
}

/// <summary>A message waiting to be sent, under its unique key (kind, period, recipient).</summary>
public sealed record OutboxItem(string Key, string Kind, string OfficeId, string? PersonId, string? ChatKey, Reply Reply, DateTimeOffset CreatedAt)
{
    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;

    /// <summary>A platform's token for answering the message this replies to (LINE), usable once and briefly.</summary>
    public string? ReplyToken { get; init; }
}

public sealed record Subscription(string ChatKey, string OfficeId, SubscriptionKind Kind, string? DivisionId, string By);
