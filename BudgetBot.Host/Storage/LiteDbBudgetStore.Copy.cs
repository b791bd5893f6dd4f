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
        dump.Audit.AddRange(AuditLog.Query().OrderBy("_id").ToEnumerable().Select(d => (d["office"].AsString, d["json"].AsString)));
        dump.Inbox.AddRange(InboxDocs.Query().OrderBy("seq").ToEnumerable().Select(d => new DumpedEvent(
            d["_id"].AsString, d["platform"].AsString, null, d["payload"].AsString, Utc(d["at"]), d["done"].AsBoolean, d["dead"].IsBoolean && d["dead"].AsBoolean,
            d["tries"].IsInt32 ? d["tries"].AsInt32 : 0, d["error"].IsString ? d["error"].AsString : null)));
        dump.Outbox.AddRange(OutboxDocs.Query().OrderBy("seq").ToEnumerable().Select(d => (d, Item(d))).Select(x => new DumpedItem(
            x.Item2.Key, x.Item2.Platform, x.Item2.ChatId, x.Item2.Status.ToString(), x.Item2.DueAt, x.Item2.PartsSent, x.Item2.Attempts, x.Item2.Error, x.Item2.InFlight, x.d["json"].AsString)));
        dump.SentKeys.AddRange(SentKeys.FindAll().Select(d => (d["_id"].AsString, Utc(d["at"]))));
        dump.Rows.AddRange(AllRows());
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
        AuditLog.InsertBulk(dump.Audit.Select(a => new BsonDocument { ["office"] = a.OfficeId, ["json"] = a.Json }));
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
        OutboxDocs.InsertBulk(dump.Outbox.Select(o => new BsonDocument
        {
            ["_id"] = o.Key, ["seq"] = ++seq, ["platform"] = o.Platform, ["chat"] = o.Chat, ["q"] = Queue(o.Platform, Enum.Parse<OutboxStatus>(o.Status)), ["status"] = o.Status,
            ["due"] = o.Due.UtcDateTime, ["parts"] = o.Parts, ["tries"] = o.Tries, ["error"] = o.Error is null ? BsonValue.Null : new BsonValue(o.Error), ["sending"] = o.Sending,
            ["json"] = o.Json,
        }));
        SentKeys.Insert(dump.SentKeys.Select(s => new BsonDocument { ["_id"] = s.Key, ["at"] = s.At.UtcDateTime }));
        _lastId = null;
        _lastSeq = seq;
        PutRows(dump.Rows);
        _projectCache.Clear();
        _yearCache.Clear();
    });
}
