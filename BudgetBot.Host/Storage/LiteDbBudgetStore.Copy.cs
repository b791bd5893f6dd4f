using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>Everything in the file as a <see cref="StoreDump"/>, and a dump written into an empty file in one transaction.</summary>
internal sealed partial class LiteDbBudgetStore
{
    public StoreDump Dump()
    {
        var dump = new StoreDump();
        dump.Offices.AddRange(_offices.FindAll().Select(Bson.Office));
        dump.Years.AddRange(_years.FindAll().Select(d => new DumpedYear(d["office"].AsString, d["_id"].AsString, d["fy"].AsInt32, d["source"].AsString, d["json"].AsString)));
        dump.Divisions.AddRange(_divisions.FindAll().Select(Bson.Division));
        dump.Projects.AddRange(_projects.FindAll().Select(Bson.Project));
        dump.Ledger.AddRange(_ledger.Query().OrderBy("_id").ToEnumerable().Select(Bson.Entry));
        var officeOf = dump.Projects.ToDictionary(p => p.Id, p => p.OfficeId);
        dump.Balances.AddRange(_balances.FindAll().Select(Bson.Balance).Select(b => (officeOf.GetValueOrDefault(b.ProjectId, ""), b)));
        dump.People.AddRange(PeopleDocs.FindAll().Select(d => (d["_id"].AsString, d["json"].AsString)));
        dump.Identities.AddRange(Identities.FindAll().Select(d => (d["_id"].AsString, d["person"].AsString)));
        dump.Invites.AddRange(Invites.FindAll().Select(d => (d, JsonPayload.Read<Invite>(d["json"].AsString)))
            .Select(x => new DumpedSingleUse(x.d["_id"].AsString, x.Item2.OfficeId, x.d["used"].AsBoolean, x.Item2.ExpiresAt, x.d["json"].AsString)));
        dump.Pending.AddRange(PendingActions.FindAll().Select(d => (d, JsonPayload.Read<Domain.Conversation.PendingAction>(d["json"].AsString)))
            .Select(x => new DumpedSingleUse(x.d["_id"].AsString, x.Item2.OfficeId, x.d["used"].AsBoolean, x.Item2.ExpiresAt, x.d["json"].AsString)));
        dump.Audit.AddRange(AuditLog.Query().OrderBy("_id").ToEnumerable().Select(d => (d["office"].AsString, d["json"].AsString)));
        dump.Subscriptions.AddRange(SubscriptionDocs.FindAll().Select(d => (d["_id"].AsString, JsonPayload.Read<Subscription>(d["json"].AsString).OfficeId, d["json"].AsString)));
        dump.ReportLinks.AddRange(ReportLinks.FindAll().Select(d => (d["_id"].AsString, JsonPayload.Read<ReportLink>(d["json"].AsString), d["json"].AsString))
            .Select(x => (x.Item1, x.Item2.OfficeId, x.Item2.ExpiresAt, x.Item3)));
        dump.Handled.AddRange(Handled.FindAll().Select(d => (d["_id"].AsString, Utc(d["at"]), d["replies"].AsString)));
        dump.Inbox.AddRange(InboxDocs.Query().OrderBy("seq").ToEnumerable().Select(d => new DumpedEvent(
            d["_id"].AsString, d["platform"].AsString, null, d["payload"].AsString, Utc(d["at"]), d["done"].AsBoolean, d["dead"].IsBoolean && d["dead"].AsBoolean,
            d["tries"].IsInt32 ? d["tries"].AsInt32 : 0, d["error"].IsString ? d["error"].AsString : null)));
        dump.State.AddRange(StateDocs.FindAll().Select(d => (d["_id"].AsString, d["value"].AsString)));
        dump.Outbox.AddRange(OutboxDocs.Query().OrderBy("seq").ToEnumerable().Select(d => (d, Item(d))).Select(x => new DumpedItem(
            x.Item2.Key, x.Item2.Platform, x.Item2.ChatId, x.Item2.Status.ToString(), x.Item2.DueAt, x.Item2.PartsSent, x.Item2.Attempts, x.Item2.Error, x.Item2.InFlight, x.d["json"].AsString)));
        dump.SentKeys.AddRange(SentKeys.FindAll().Select(d => (d["_id"].AsString, Utc(d["at"]))));
        dump.Feed.AddRange(FeedDocs.Query().OrderBy("seq").ToEnumerable().Select(d => (d["_id"].AsString, d["feed"].AsString, Utc(d["at"]), d["json"].AsString)));
        return dump;
    }

    /// <summary>Writes a dump into this store, which must hold no office and no ledger entry yet.</summary>
    public void Load(StoreDump dump) => InTransaction(() =>
    {
        if (_offices.Count() > 0 || _ledger.Count() > 0)
        {
            throw new InvalidOperationException("the target store already holds data");
        }

        _offices.Insert(dump.Offices.Select(Bson.Office));
        _years.Insert(dump.Years.Select(y => new BsonDocument { ["_id"] = y.Id, ["office"] = y.OfficeId, ["fy"] = y.FiscalYear, ["source"] = y.Source, ["json"] = y.Json }));
        _divisions.Insert(dump.Divisions.Select(Bson.Division));
        _projects.Insert(dump.Projects.Select(Bson.Project));
        _ledger.InsertBulk(dump.Ledger.Select(e => Bson.Entry(e, e.Id)));
        _balances.Insert(dump.Balances.Select(b => Bson.Balance(b.Balance)));
        PeopleDocs.Insert(dump.People.Select(p => new BsonDocument { ["_id"] = p.Id, ["json"] = p.Json }));
        Identities.Insert(dump.Identities.Select(i => new BsonDocument { ["_id"] = i.Identity, ["person"] = i.PersonId }));
        Invites.Insert(dump.Invites.Select(i => new BsonDocument { ["_id"] = i.Key, ["used"] = i.Used, ["json"] = i.Json }));
        PendingActions.Insert(dump.Pending.Select(i => new BsonDocument { ["_id"] = i.Key, ["used"] = i.Used, ["json"] = i.Json }));
        AuditLog.InsertBulk(dump.Audit.Select(a => new BsonDocument { ["office"] = a.OfficeId, ["json"] = a.Json }));
        SubscriptionDocs.Insert(dump.Subscriptions.Select(s => new BsonDocument { ["_id"] = s.ChatKey, ["json"] = s.Json }));
        ReportLinks.Insert(dump.ReportLinks.Select(r => new BsonDocument { ["_id"] = r.TokenHash, ["json"] = r.Json }));
        Handled.Insert(dump.Handled.Select(h => new BsonDocument { ["_id"] = h.SourceKey, ["at"] = h.At.UtcDateTime, ["replies"] = h.Replies }));
        long seq = 0;
        InboxDocs.InsertBulk(dump.Inbox.Select(e =>
        {
            var d = new BsonDocument
            {
                ["_id"] = e.Key, ["seq"] = ++seq, ["platform"] = e.Platform, ["payload"] = e.Payload, ["at"] = e.At.UtcDateTime, ["done"] = e.Done, ["tries"] = e.Tries,
            };
            if (e.Dead)
            {
                d["dead"] = true;
            }

            if (e.Error is not null)
            {
                d["error"] = e.Error;
            }

            return d;
        }));
        StateDocs.Insert(dump.State.Select(s => new BsonDocument { ["_id"] = s.Key, ["value"] = s.Value }));
        OutboxDocs.InsertBulk(dump.Outbox.Select(o => new BsonDocument
        {
            ["_id"] = o.Key, ["seq"] = ++seq, ["platform"] = o.Platform, ["chat"] = o.Chat, ["q"] = Queue(o.Platform, Enum.Parse<OutboxStatus>(o.Status)), ["status"] = o.Status,
            ["due"] = o.Due.UtcDateTime, ["parts"] = o.Parts, ["tries"] = o.Tries, ["error"] = o.Error is null ? BsonValue.Null : new BsonValue(o.Error), ["sending"] = o.Sending,
            ["json"] = o.Json,
        }));
        SentKeys.Insert(dump.SentKeys.Select(s => new BsonDocument { ["_id"] = s.Key, ["at"] = s.At.UtcDateTime }));
        FeedDocs.InsertBulk(dump.Feed.Select(f => new BsonDocument { ["_id"] = f.Key, ["seq"] = ++seq, ["feed"] = f.Feed, ["at"] = f.At.UtcDateTime, ["json"] = f.Json }));
        _lastId = null;
        _lastSeq = null;
        _projectCache.Clear();
        _yearCache.Clear();
    });
}
