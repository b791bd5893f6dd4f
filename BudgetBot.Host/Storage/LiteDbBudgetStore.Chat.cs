using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>People, invites, button state, audit and subscriptions, in the same data file as the budget.</summary>
internal sealed partial class LiteDbBudgetStore : IChatStore
{
    private ILiteCollection<BsonDocument> PeopleDocs => _db.GetCollection("people");

    private ILiteCollection<BsonDocument> Identities => _db.GetCollection("identities");

    private ILiteCollection<BsonDocument> Invites => _db.GetCollection("invites");

    private ILiteCollection<BsonDocument> PendingActions => _db.GetCollection("pending");

    private ILiteCollection<BsonDocument> AuditLog => _db.GetCollection("audit", BsonAutoId.Int64);

    private ILiteCollection<BsonDocument> SubscriptionDocs => _db.GetCollection("subscriptions");

    private ILiteCollection<BsonDocument> Handled => _db.GetCollection("handled");

    public Person? PersonByIdentity(string identity) =>
        Identities.FindById(identity) is { } link ? Person(link["person"].AsString) : null;

    public Person? Person(string personId) => PeopleDocs.FindById(personId) is { } d ? JsonPayload.Read<Person>(d["json"].AsString) : null;

    public IReadOnlyList<Person> People(string officeId) =>
        PeopleDocs.FindAll().Select(d => JsonPayload.Read<Person>(d["json"].AsString)).Where(p => p.Roles.Any(r => r.OfficeId == officeId)).ToList();

    public void SavePerson(Person person) => InTransaction(() =>
    {
        PeopleDocs.Upsert(new BsonDocument { ["_id"] = person.Id, ["json"] = JsonPayload.Write(person) });
        foreach (var identity in person.Identities)
        {
            Identities.Upsert(new BsonDocument { ["_id"] = identity, ["person"] = person.Id });
        }
    });

    private ILiteCollection<BsonDocument> ReportLinks => _db.GetCollection("report_links");

    public void SaveReportLink(ReportLink link) =>
        InTransaction(() => ReportLinks.Upsert(new BsonDocument { ["_id"] = link.TokenHash, ["json"] = JsonPayload.Write(link) }));

    public ReportLink? ReportLinkFor(string token, DateTimeOffset at) =>
        ReportLinks.FindById(ReportLink.Hash(token)) is { } d && JsonPayload.Read<ReportLink>(d["json"].AsString) is { } link && link.ExpiresAt > at ? link : null;

    public void SaveInvite(Invite invite) =>
        InTransaction(() => Invites.Upsert(new BsonDocument { ["_id"] = Invite.Key(invite.Code), ["used"] = false, ["json"] = JsonPayload.Write(invite with { Code = "" }) }));

    public Invite? TakeInvite(string code, DateTimeOffset at) => TakeOnce<Invite>(Invites, Invite.Key(code), i => i.ExpiresAt >= at) is { } taken ? taken with { Code = code } : null;

    public void SavePending(PendingAction action) =>
        InTransaction(() => PendingActions.Upsert(new BsonDocument { ["_id"] = action.Id, ["used"] = false, ["json"] = JsonPayload.Write(action) }));

    public PendingAction? Pending(string id) =>
        PendingActions.FindById(id) is { } d && !d["used"].AsBoolean ? JsonPayload.Read<PendingAction>(d["json"].AsString) : null;

    public PendingAction? TakePending(string id, DateTimeOffset at) => TakeOnce<PendingAction>(PendingActions, id, a => a.ExpiresAt >= at);

    /// <summary>Single-use records (invites, buttons): read, checked and marked used under the writer's lock, so two takers cannot both win.</summary>
    private T? TakeOnce<T>(ILiteCollection<BsonDocument> collection, string id, Func<T, bool> valid)
        where T : class => Run(() =>
    {
        if (collection.FindById(id) is not { } d || d["used"].AsBoolean)
        {
            return null;
        }

        var value = JsonPayload.Read<T>(d["json"].AsString);
        if (!valid(value))
        {
            return null;
        }

        d["used"] = true;
        collection.Update(d);
        return value;
    });

    public void Audit(AuditRecord record) =>
        InTransaction(() => AuditLog.Insert(new BsonDocument { ["office"] = record.OfficeId, ["json"] = JsonPayload.Write(record) }));

    public IReadOnlyList<AuditRecord> AuditTrail(string officeId, int max) =>
        AuditLog.Query().Where(Where.Is("office", officeId)).OrderByDescending("_id").Limit(max).ToEnumerable()
            .Select(d => JsonPayload.Read<AuditRecord>(d["json"].AsString)).ToList();

    public void SaveSubscription(Subscription subscription) =>
        InTransaction(() => SubscriptionDocs.Upsert(new BsonDocument { ["_id"] = subscription.ChatKey, ["json"] = JsonPayload.Write(subscription) }));

    public Subscription? Subscription(string chatKey) =>
        SubscriptionDocs.FindById(chatKey) is { } d ? JsonPayload.Read<Subscription>(d["json"].AsString) : null;

    public IReadOnlyList<Subscription> Subscriptions(string officeId) =>
        SubscriptionDocs.FindAll().Select(d => JsonPayload.Read<Subscription>(d["json"].AsString)).Where(s => s.OfficeId == officeId).ToList();

    public IReadOnlyList<Reply>? HandledReplies(string sourceKey) =>
        Handled.FindById(sourceKey) is { } d ? JsonPayload.Read<List<Reply>>(d["replies"].AsString) : null;

    public void MarkHandled(string sourceKey, DateTimeOffset at, IReadOnlyList<Reply> replies) =>
        InTransaction(() => Handled.Upsert(new BsonDocument { ["_id"] = sourceKey, ["at"] = at.UtcDateTime, ["replies"] = JsonPayload.Write(replies) }));

    public void SaveProject(Project project) => InTransaction(() =>
    {
        _projects.Update(Bson.Project(project));
        _projectCache[project.Id] = project;
        _projectsChanged = true;
    });

    public LedgerEntry? LastEntryBy(string personId) =>
        _ledger.Query().Where(Where.Is("by", personId)).OrderByDescending("_id").Limit(1).ToEnumerable().Select(Bson.Entry).FirstOrDefault();

    public bool IsReversed(long entryId) => _ledger.Exists(Where.Is("rev", entryId));
}
