using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>People, invites, buttons, audit, subscriptions and handled-message records.</summary>
internal sealed partial class PostgresStore
{
    public Person? PersonByIdentity(string identity) =>
        One("SELECT p.json FROM identities i JOIN people p ON p.id = i.person_id WHERE i.identity = $1", r => JsonPayload.Read<Person>(r.GetString(0)), identity);

    public Person? Person(string personId) => One("SELECT json FROM people WHERE id = $1", r => JsonPayload.Read<Person>(r.GetString(0)), personId);

    public IReadOnlyList<Person> People(string officeId) =>
        Query("SELECT json FROM people ORDER BY id", r => JsonPayload.Read<Person>(r.GetString(0))).Where(p => p.Roles.Any(r => r.OfficeId == officeId)).ToList();

    public void SavePerson(Person person) => InTransaction(() =>
    {
        Execute("INSERT INTO people (id, json) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET json = excluded.json", person.Id, JsonPayload.Write(person));
        foreach (var identity in person.Identities)
        {
            Execute("INSERT INTO identities (identity, person_id) VALUES ($1, $2) ON CONFLICT (identity) DO UPDATE SET person_id = excluded.person_id", identity, person.Id);
        }
    });

    public void SaveReportLink(ReportLink link) =>
        Execute("INSERT INTO report_links (token_hash, office_id, expires_at, json) VALUES ($1, $2, $3, $4) ON CONFLICT (token_hash) DO UPDATE SET json = excluded.json, expires_at = excluded.expires_at",
            link.TokenHash, link.OfficeId, link.ExpiresAt, JsonPayload.Write(link));

    public ReportLink? ReportLinkFor(string token, DateTimeOffset at) =>
        One("SELECT json FROM report_links WHERE token_hash = $1", r => JsonPayload.Read<ReportLink>(r.GetString(0)), ReportLink.Hash(token)) is { } link && link.ExpiresAt > at ? link : null;

    /// <summary>Stored under <see cref="Invite.Key"/>, never the code.</summary>
    public void SaveInvite(Invite invite) =>
        Execute("INSERT INTO invites (key, office_id, used, expires_at, json) VALUES ($1, $2, false, $3, $4) ON CONFLICT (key) DO UPDATE SET used = false, expires_at = excluded.expires_at, json = excluded.json",
            Invite.Key(invite.Code), invite.OfficeId, invite.ExpiresAt, JsonPayload.Write(invite with { Code = "" }));

    public Invite? TakeInvite(string code, DateTimeOffset at) =>
        TakeOnce<Invite>("invites", "key", Invite.Key(code), i => i.ExpiresAt >= at) is { } taken ? taken with { Code = code } : null;

    public void SavePending(PendingAction action) =>
        Execute("INSERT INTO pending (id, used, expires_at, json) VALUES ($1, false, $2, $3) ON CONFLICT (id) DO UPDATE SET used = false, expires_at = excluded.expires_at, json = excluded.json",
            action.Id, action.ExpiresAt, JsonPayload.Write(action));

    public PendingAction? Pending(string id) =>
        One("SELECT json FROM pending WHERE id = $1 AND NOT used", r => JsonPayload.Read<PendingAction>(r.GetString(0)), id);

    public PendingAction? TakePending(string id, DateTimeOffset at) => TakeOnce<PendingAction>("pending", "id", id, a => a.ExpiresAt >= at);

    public void Audit(AuditRecord record) =>
        Execute("INSERT INTO audit (office_id, json) VALUES ($1, $2)", record.OfficeId, JsonPayload.Write(record));

    public IReadOnlyList<AuditRecord> AuditTrail(string officeId, int max) =>
        Query("SELECT json FROM audit WHERE office_id = $1 ORDER BY id DESC LIMIT $2", r => JsonPayload.Read<AuditRecord>(r.GetString(0)), officeId, max);

    public void SaveSubscription(Subscription subscription) =>
        Execute("INSERT INTO subscriptions (chat_key, office_id, json) VALUES ($1, $2, $3) ON CONFLICT (chat_key) DO UPDATE SET office_id = excluded.office_id, json = excluded.json",
            subscription.ChatKey, subscription.OfficeId, JsonPayload.Write(subscription));

    public Subscription? Subscription(string chatKey) =>
        One("SELECT json FROM subscriptions WHERE chat_key = $1", r => JsonPayload.Read<Subscription>(r.GetString(0)), chatKey);

    public IReadOnlyList<Subscription> Subscriptions(string officeId) =>
        Query("SELECT json FROM subscriptions WHERE office_id = $1 ORDER BY chat_key", r => JsonPayload.Read<Subscription>(r.GetString(0)), officeId);

    public IReadOnlyList<Reply>? HandledReplies(string sourceKey) =>
        One("SELECT replies FROM handled WHERE source_key = $1", r => JsonPayload.Read<List<Reply>>(r.GetString(0)), sourceKey);

    public void MarkHandled(string sourceKey, DateTimeOffset at, IReadOnlyList<Reply> replies) =>
        Execute("INSERT INTO handled (source_key, at, replies) VALUES ($1, $2, $3) ON CONFLICT (source_key) DO UPDATE SET at = excluded.at, replies = excluded.replies",
            sourceKey, at, JsonPayload.Write(replies));


    /// <summary>Single-use records: the row is locked while it is checked and marked, so of two hosts tapping at once one wins.</summary>
    private T? TakeOnce<T>(string table, string key, string id, Func<T, bool> valid)
        where T : class => Run(() =>
    {
        if (One($"SELECT json FROM {table} WHERE {key} = $1 AND NOT used FOR UPDATE", r => JsonPayload.Read<T>(r.GetString(0)), id) is not { } value || !valid(value))
        {
            return null;
        }

        Execute($"UPDATE {table} SET used = true WHERE {key} = $1", id);
        return value;
    });
}
