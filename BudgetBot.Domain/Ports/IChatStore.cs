using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;

namespace BudgetBot.Domain.Ports;

/// <summary>
/// Everything the conversation engine reads and writes besides the budget, as one port; each part below is its own
/// interface, so a component that needs only one of them (a sender, the reminder job) depends on only that one.
/// </summary>
public interface IChatStore : IPeople, IButtons, IAuditTrail, ISubscriptions, IOutboxWriter, IHandledMessages, IChatStates, IReceipts;

/// <summary>Photos of receipts kept with ledger entries.</summary>
public interface IReceipts
{
    /// <summary>Keeps a receipt once under its key, and asks for its picture to be fetched.</summary>
    void AddReceipt(Budget.Receipt receipt);

    /// <summary>An office year's receipts, oldest first.</summary>
    IReadOnlyList<Budget.Receipt> Receipts(string officeId, int fiscalYear);
}

/// <summary>People and their platform identities, and the invites that bring them in.</summary>
public interface IPeople
{
    Person? PersonByIdentity(string identity);

    Person? Person(string personId);

    IReadOnlyList<Person> People(string officeId);

    void SavePerson(Person person);

    void SaveInvite(Invite invite);

    void SaveReportLink(ReportLink link);

    /// <summary>The link a token opens, while it has not expired at <paramref name="at"/>.</summary>
    ReportLink? ReportLinkFor(string token, DateTimeOffset at);

    /// <summary>Takes an unused, unexpired invite and marks it used, in one step; null when there is none.</summary>
    Invite? TakeInvite(string code, DateTimeOffset at);
}

/// <summary>What buttons do, kept on the server.</summary>
public interface IButtons
{
    void SavePending(PendingAction action);

    PendingAction? Pending(string id);

    /// <summary>Takes a pending action once: a second tap on the same button finds nothing.</summary>
    PendingAction? TakePending(string id, DateTimeOffset at);
}

/// <summary>Who did (or was refused) what.</summary>
public interface IAuditTrail
{
    void Audit(AuditRecord record);

    IReadOnlyList<AuditRecord> AuditTrail(string officeId, int max);
}

/// <summary>Group chats that receive summaries.</summary>
public interface ISubscriptions
{
    void SaveSubscription(Subscription subscription);

    Subscription? Subscription(string chatKey);

    IReadOnlyList<Subscription> Subscriptions(string officeId);
}

/// <summary>Queuing a message to send: what the engine and the scheduler need of the outbox.</summary>
public interface IOutboxWriter
{
    /// <summary>Adds a message to send unless one with the same key was ever added; true when it was added now.</summary>
    bool Enqueue(OutboxItem item);

    bool HasOutbox(string key);
}

/// <summary>The replies each message got, so a message seen again is answered the same and changes nothing.</summary>
public interface IHandledMessages
{
    /// <summary>The replies a message got when it was handled, or null for a message not seen before.</summary>
    IReadOnlyList<Reply>? HandledReplies(string sourceKey);

    void MarkHandled(string sourceKey, DateTimeOffset at, IReadOnlyList<Reply> replies);
}

/// <summary>A single-use code for a role in an office (or, with <see cref="LinkPersonId"/>, to link another platform identity).</summary>
/// <summary>A link to a report's web page: the token is kept only as a hash; it shows one office's year and round.</summary>
public sealed record ReportLink(string TokenHash, string OfficeId, int FiscalYear, string Round, DateTimeOffset ExpiresAt)
{
    /// <summary>Set for a link to one entry's receipts only (sent to whoever may read that entry); such a link opens no report.</summary>
    public long? EntryId { get; init; }

    /// <summary>A new token of 128 random bits; only its hash is kept.</summary>
    public static string NewToken() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}

public sealed record Invite(string Code, string OfficeId, Role Role, string? Scope, string CreatedBy, DateTimeOffset ExpiresAt)
{
    public string? LinkPersonId { get; init; }

    /// <summary>
    /// What a store keeps an invite under: a hash of the code, never the code, so a copy of the data (a backup, say)
    /// hands out no working invites. The codes are random and short-lived, so a plain SHA-256 is enough.
    /// </summary>
    public static string Key(string code) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code)));
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
    /// <summary>The recipient is gone (blocked the bot, left the group) or has no identity to reach.</summary>
    Undeliverable,
    /// <summary>Set aside after failing: a permanent refusal, or too many failed attempts; admins were told.</summary>
    Failed,
}

/// <summary>A message waiting to be sent, under its unique key (kind, period, recipient).</summary>
public sealed record OutboxItem(string Key, string Kind, string OfficeId, string? PersonId, string? ChatKey, Reply Reply, DateTimeOffset CreatedAt)
{
    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;

    /// <summary>A platform's token for answering the message this replies to (LINE), usable once and briefly.</summary>
    public string? ReplyToken { get; init; }

    /// <summary>Where it goes, decided when it is queued: the platform and the chat there (from the chat key or the person's first identity).</summary>
    public string Platform { get; init; } = "";

    public string ChatId { get; init; } = "";

    /// <summary>How many of its parts (text chunks, attachments, message batches) are out already: a retry starts after them.</summary>
    public int PartsSent { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public string? Error { get; init; }

    /// <summary>True when a send of its next part had started when the sender stopped (a crash): that part may be out.</summary>
    public bool InFlight { get; init; }
}

public sealed record Subscription(string ChatKey, string OfficeId, SubscriptionKind Kind, string? DivisionId, string By);
