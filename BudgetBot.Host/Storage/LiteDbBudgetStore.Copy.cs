using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>The ledger and the message queues as <c>migrate</c> copies them (<see cref="StoreRules"/> copies the rest).</summary>
internal sealed partial class LiteDbBudgetStore
{
    protected override IEnumerable<AuditRecord> AllAudit() =>
        AuditLog.Query().OrderBy("_id").ToEnumerable().Select(d => JsonPayload.Read<AuditRecord>(d["json"].AsString)).ToList();

    protected override (IEnumerable<DumpedEvent> Inbox, IEnumerable<DumpedItem> Outbox, IEnumerable<(string Key, DateTimeOffset At)> Sent) AllQueued() => (
        InboxDocs.Query().OrderBy("seq").ToEnumerable().Select(d => new DumpedEvent(
            d["_id"].AsString, d["platform"].AsString, null, d["payload"].AsString, Utc(d["at"]), d["done"].AsBoolean, d["dead"].IsBoolean && d["dead"].AsBoolean,
            d["tries"].IsInt32 ? d["tries"].AsInt32 : 0, d["error"].IsString ? d["error"].AsString : null)).ToList(),
        OutboxDocs.Query().OrderBy("seq").ToEnumerable().Select(d => (d, Item(d))).Select(x => new DumpedItem(
            x.Item2.Key, x.Item2.Platform, x.Item2.ChatId, x.Item2.Status.ToString(), x.Item2.DueAt, x.Item2.PartsSent, x.Item2.Attempts, x.Item2.Error, x.Item2.InFlight, x.d["json"].AsString)).ToList(),
        SentKeys.FindAll().Select(d => (d["_id"].AsString, Utc(d["at"]))).ToList());

    protected override void RestoreEntries(IReadOnlyList<LedgerEntry> entries)
    {
        _ledger.InsertBulk(entries.Select(e => Bson.Entry(e, e.Id)));
        _lastId = null;
    }

    protected override void RestoreQueued(StoreDump dump)
    {
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
        _lastSeq = seq;
    }
}
