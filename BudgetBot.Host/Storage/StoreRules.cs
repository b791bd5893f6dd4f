using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>
/// The rules about the data that every store shares, written once: how people are found by their identities, that an
/// invite is kept under its code's hash, that a button or an invite is taken once and only before it expires, what a
/// report link, a subscription or a handled message is, what the local feed shows. A store under it only finds and
/// keeps <see cref="StoredRow"/>s (and runs a unit of work); Hangfire is built the same way, its state machine once in the
/// core and every storage a set of primitives.
/// </summary>
internal abstract partial class StoreRules
{
    public abstract T Run<T>(Func<T> work);

    /// <summary>One row of a kind by its key; null when there is none.</summary>
    protected abstract StoredRow? GetRow(RowKind kind, string key);

    /// <summary>Adds a row, or replaces the one under its key.</summary>
    protected abstract void PutRow(RowKind kind, StoredRow row);

    /// <summary>Marks an unused row used, atomically even across hosts; false when it is not there or already used.</summary>
    protected abstract bool TakeRow(RowKind kind, string key);

    /// <summary>Rows of a group (of every group when null), newest first where the kind keeps an order, by key otherwise.</summary>
    protected abstract IReadOnlyList<StoredRow> FindRows(RowKind kind, string? group, int max);

    /// <summary>Deletes at most <paramref name="max"/> rows whose <see cref="StoredRow.At"/> is before <paramref name="before"/>.</summary>
    protected abstract int ForgetRows(RowKind kind, DateTimeOffset before, int max);

    public Person? PersonByIdentity(string identity) => GetRow(RowKind.Identities, identity) is { } link ? Person(link.Value) : null;

    public Person? Person(string personId) => Read<Person>(RowKind.People, personId);

    public IReadOnlyList<Person> People(string officeId) =>
        FindRows(RowKind.People, null, int.MaxValue).Select(r => JsonPayload.Read<Person>(r.Value)).Where(p => p.Roles.Any(r => r.OfficeId == officeId)).ToList();

    /// <summary>A person and every identity that leads to them, together.</summary>
    public void SavePerson(Person person) => InTransaction(() =>
    {
        PutRow(RowKind.People, new StoredRow(person.Id, JsonPayload.Write(person)));
        foreach (var identity in person.Identities)
        {
            PutRow(RowKind.Identities, new StoredRow(identity, person.Id));
        }
    });

    public void SaveReportLink(ReportLink link) =>
        Put(RowKind.ReportLinks, link.TokenHash, JsonPayload.Write(link), link.OfficeId, link.ExpiresAt);

    public ReportLink? ReportLinkFor(string token, DateTimeOffset at) =>
        Read<ReportLink>(RowKind.ReportLinks, ReportLink.Hash(token)) is { } link && link.ExpiresAt > at ? link : null;

    /// <summary>Kept under <see cref="Invite.Key"/>, the code's hash, and without the code: a copy of the data hands out no working invites.</summary>
    public void SaveInvite(Invite invite) =>
        Put(RowKind.Invites, Invite.Key(invite.Code), JsonPayload.Write(invite with { Code = "" }), invite.OfficeId, invite.ExpiresAt);

    public Invite? TakeInvite(string code, DateTimeOffset at) =>
        TakeOnce<Invite>(RowKind.Invites, Invite.Key(code), i => i.ExpiresAt >= at) is { } taken ? taken with { Code = code } : null;

    public void SavePending(PendingAction action) => Put(RowKind.Buttons, action.Id, JsonPayload.Write(action), null, action.ExpiresAt);

    public PendingAction? Pending(string id) =>
        GetRow(RowKind.Buttons, id) is { Used: false } row ? JsonPayload.Read<PendingAction>(row.Value) : null;

    public PendingAction? TakePending(string id, DateTimeOffset at) => TakeOnce<PendingAction>(RowKind.Buttons, id, a => a.ExpiresAt >= at);

    /// <remarks>Few per office: the office is read from each, so no store needs to keep it apart.</remarks>
    public IReadOnlyList<Subscription> Subscriptions(string officeId) =>
        FindRows(RowKind.Subscriptions, null, int.MaxValue).Select(r => JsonPayload.Read<Subscription>(r.Value)).Where(s => s.OfficeId == officeId).ToList();

    public void SaveSubscription(Subscription subscription) =>
        Put(RowKind.Subscriptions, subscription.ChatKey, JsonPayload.Write(subscription), subscription.OfficeId, null);

    public Subscription? Subscription(string chatKey) => Read<Subscription>(RowKind.Subscriptions, chatKey);

    public IReadOnlyList<Reply>? HandledReplies(string sourceKey) => Read<List<Reply>>(RowKind.Handled, sourceKey);

    public void MarkHandled(string sourceKey, DateTimeOffset at, IReadOnlyList<Reply> replies) =>
        Put(RowKind.Handled, sourceKey, JsonPayload.Write(replies), null, at);

    public ChatState? ChatState(ChatAddress chat) => Read<ChatState>(RowKind.Chats, chat.ToString());

    public void SaveChatState(ChatState state) => Put(RowKind.Chats, state.Chat.ToString(), JsonPayload.Write(state), null, state.Since);

    public BudgetEvent? BudgetEventBySource(string officeId, string sourceKey) => Read<BudgetEvent>(RowKind.BudgetEvents, BudgetEventKey(officeId, sourceKey));

    public void AddBudgetEvent(BudgetEvent budgetEvent) => Put(
        RowKind.BudgetEvents, BudgetEventKey(budgetEvent.OfficeId, budgetEvent.SourceKey), JsonPayload.Write(budgetEvent),
        FiscalYearBudget.KeyFor(budgetEvent.OfficeId, budgetEvent.FiscalYear), budgetEvent.RecordedAt);

    public IReadOnlyList<BudgetEvent> BudgetEvents(string officeId, int fiscalYear) =>
        FindRows(RowKind.BudgetEvents, FiscalYearBudget.KeyFor(officeId, fiscalYear), int.MaxValue).Select(r => JsonPayload.Read<BudgetEvent>(r.Value)).Reverse().ToList();

    public void SaveSubmitted(SubmittedReport report) =>
        Put(RowKind.Submitted, SubmittedKey(report.OfficeId, report.FiscalYear, report.LastQuarter), JsonPayload.Write(report), report.OfficeId, report.ClosedAt);

    public SubmittedReport? Submitted(string officeId, int fiscalYear, int lastQuarter) => Read<SubmittedReport>(RowKind.Submitted, SubmittedKey(officeId, fiscalYear, lastQuarter));

    /// <summary>A platform's own cursor (Telegram's update offset, say).</summary>
    public string? State(string key) => GetRow(RowKind.State, key)?.Value;

    public void SetState(string key, string value) => Put(RowKind.State, key, value, null, null);

    /// <summary>Keyed by the outbox item, so delivering it again after a crash changes nothing.</summary>
    public void AddToFeed(string outboxKey, string feed, Reply reply, DateTimeOffset at) => Put(RowKind.Feed, outboxKey, JsonPayload.Write(reply), feed, at);

    /// <summary>The latest messages of a feed, oldest first; replies to typed messages are left out (their sender already has them).</summary>
    public IReadOnlyList<(DateTimeOffset At, Reply Reply)> LocalFeed(string feed, int max) =>
        FindRows(RowKind.Feed, feed, max)
            .Where(r => !OutboxKeys.IsReply(r.Key))
            .Select(r => (r.At!.Value, JsonPayload.Read<Reply>(r.Value)))
            .Reverse().ToList();

    /// <summary>A delivered local message by its outbox key, or null while it is not delivered yet.</summary>
    public Reply? Delivered(string outboxKey) => Read<Reply>(RowKind.Feed, outboxKey);

    public int ForgetHandled(DateTimeOffset before, int max) => Run(() => ForgetRows(RowKind.Handled, before, max));

    public int ForgetFeed(DateTimeOffset before, int max) => Run(() => ForgetRows(RowKind.Feed, before, max));

    /// <summary>Buttons and invites past their expiry (used or not) before <paramref name="before"/>.</summary>
    public int ForgetExpiredButtonsAndInvites(DateTimeOffset before, int max) =>
        Run(() => ForgetRows(RowKind.Buttons, before, max) + ForgetRows(RowKind.Invites, before, max));

    /// <summary>Every row of every kind, with what a store of another kind needs filled in (rows written before rows had a time or an office lack them).</summary>
    protected IEnumerable<(RowKind Kind, StoredRow Row)> AllRows() =>
        Enum.GetValues<RowKind>().SelectMany(kind => FindRows(kind, null, int.MaxValue).Select(row => (kind, kind switch
        {
            RowKind.Invites when JsonPayload.Read<Invite>(row.Value) is var i => row with { Group = row.Group ?? i.OfficeId, At = row.At ?? i.ExpiresAt },
            RowKind.Buttons when JsonPayload.Read<PendingAction>(row.Value) is var a => row with { At = row.At ?? a.ExpiresAt },
            RowKind.ReportLinks when JsonPayload.Read<ReportLink>(row.Value) is var l => row with { Group = row.Group ?? l.OfficeId, At = row.At ?? l.ExpiresAt },
            RowKind.Subscriptions when JsonPayload.Read<Subscription>(row.Value) is var s => row with { Group = row.Group ?? s.OfficeId },
            _ => row,
        })));

    /// <summary>Writes dumped rows, the feed and the budget events in the order they came.</summary>
    protected void PutRows(IEnumerable<(RowKind Kind, StoredRow Row)> rows)
    {
        foreach (var (kind, row) in rows.OrderBy(r => r.Kind).ThenBy(r => r.Kind is RowKind.Feed or RowKind.BudgetEvents or RowKind.Receipts ? r.Row.At : null))
        {
            PutRow(kind, row);
        }
    }

    private static string SubmittedKey(string officeId, int fiscalYear, int lastQuarter) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{FiscalYearBudget.KeyFor(officeId, fiscalYear)}/q{lastQuarter}");

    /// <summary>An event is an office's once per message, like a ledger entry.</summary>
    private static string BudgetEventKey(string officeId, string sourceKey) => officeId + "|" + sourceKey;

    /// <summary>Single-use records (invites, buttons): of two takers, however close, one wins; an expired one is never taken.</summary>
    private T? TakeOnce<T>(RowKind kind, string key, Func<T, bool> valid)
        where T : class => Run(() =>
            GetRow(kind, key) is { Used: false } row && JsonPayload.Read<T>(row.Value) is { } value && valid(value) && TakeRow(kind, key) ? value : null);

    private T? Read<T>(RowKind kind, string key)
        where T : class => GetRow(kind, key) is { } row ? JsonPayload.Read<T>(row.Value) : null;

    private void Put(RowKind kind, string key, string value, string? group, DateTimeOffset? at) =>
        InTransaction(() => PutRow(kind, new StoredRow(key, value) { Group = group, At = at }));
}
