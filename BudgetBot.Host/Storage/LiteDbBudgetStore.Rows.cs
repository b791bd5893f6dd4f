using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// Rows in a collection of their own per kind, under their key, with the value in the field earlier versions gave it
/// (so data files written by them read as they are), and an insertion sequence that orders the feed.
/// </summary>
internal sealed partial class LiteDbBudgetStore
{
    private static readonly Dictionary<RowKind, (string Collection, string Value, string Group)> Shapes = new()
    {
        [RowKind.People] = ("people", "json", "group"),
        [RowKind.Identities] = ("identities", "person", "group"),
        [RowKind.Invites] = ("invites", "json", "group"),
        [RowKind.Buttons] = ("pending", "json", "group"),
        [RowKind.Subscriptions] = ("subscriptions", "json", "group"),
        [RowKind.ReportLinks] = ("report_links", "json", "group"),
        [RowKind.Handled] = ("handled", "replies", "group"),
        [RowKind.State] = ("state", "value", "group"),
        [RowKind.Chats] = ("chats", "json", "group"),
        [RowKind.Feed] = ("local_feed", "json", "feed"),
        [RowKind.BudgetEvents] = ("budget_events", "json", "group"),
        [RowKind.Submitted] = ("submitted_reports", "json", "group"),
        [RowKind.Receipts] = ("receipts", "json", "group"),
        [RowKind.ReceiptFiles] = ("receipt_files", "data", "group"),
    };

    private ILiteCollection<BsonDocument> AuditLog => _db.Engine.GetCollection("audit", BsonAutoId.Int64);

    protected override StoredRow? GetRow(RowKind kind, string key) => Rows(kind).FindById(key) is { } d ? ToRow(kind, d) : null;

    protected override void PutRow(RowKind kind, StoredRow row)
    {
        var (_, value, group) = Shapes[kind];
        var doc = new BsonDocument { ["_id"] = row.Key, [value] = row.Value, ["seq"] = NextSeq(), ["used"] = row.Used };
        if (row.Group is not null)
        {
            doc[group] = row.Group;
        }

        if (row.At is { } at)
        {
            doc["at"] = at.UtcDateTime;
        }

        InTransaction(() => Rows(kind).Upsert(doc));
    }

    protected override bool TakeRow(RowKind kind, string key) => Run(() =>
    {
        if (Rows(kind).FindById(key) is not { } d || (d["used"].IsBoolean && d["used"].AsBoolean))
        {
            return false;
        }

        d["used"] = true;
        return Rows(kind).Update(d);
    });

    /// <remarks>A group's rows are few; they are ordered here, as LiteDB 5.0.21 sorts a query's matches far more slowly.</remarks>
    protected override IReadOnlyList<StoredRow> FindRows(RowKind kind, string? group, int max) =>
        (group is null ? Rows(kind).FindAll() : Rows(kind).Find(Where.Is(Shapes[kind].Group, group)).OrderByDescending(d => d["seq"].AsInt64))
            .Take(max).Select(d => ToRow(kind, d)).ToList();

    /// <summary>Rows without a time (written before rows had one) are kept.</summary>
    protected override int ForgetRows(RowKind kind, DateTimeOffset before, int max) =>
        Forget(Rows(kind), Rows(kind).FindAll().Where(d => d["at"].IsDateTime && Bson.Utc(d["at"]) < before), max);

    public override void Audit(AuditRecord record) =>
        InTransaction(() => AuditLog.Insert(new BsonDocument { ["office"] = record.OfficeId, ["json"] = JsonPayload.Write(record) }));

    public IReadOnlyList<AuditRecord> AuditTrail(string officeId, int max) =>
        AuditLog.Query().Where(Where.Is("office", officeId)).OrderByDescending("_id").Limit(max).ToEnumerable()
            .Select(d => JsonPayload.Read<AuditRecord>(d["json"].AsString)).ToList();

    /// <summary>Files written before chats had records of their own kept "gone" as a "1" under <c>platform:gone:chat</c> in the state collection.</summary>
    private void MoveGoneChats(DateTimeOffset at)
    {
        foreach (var old in Rows(RowKind.State).Find(BsonExpression.Create("$._id LIKE '%:gone:%'")).ToList())
        {
            var key = old["_id"].AsString;
            var split = key.IndexOf(":gone:", StringComparison.Ordinal);
            SaveChatState(new ChatState(new ChatAddress(key[..split], key[(split + 6)..]), old["value"].AsString == "1", at));
            InTransaction(() => Rows(RowKind.State).Delete(key));
        }
    }

    private ILiteCollection<BsonDocument> Rows(RowKind kind) => _db.Engine.GetCollection(Shapes[kind].Collection);

    private static StoredRow ToRow(RowKind kind, BsonDocument d)
    {
        var (_, value, group) = Shapes[kind];
        return new StoredRow(d["_id"].AsString, d[value].AsString)
        {
            Group = d[group].IsString ? d[group].AsString : null,
            At = d["at"].IsDateTime ? Bson.Utc(d["at"]) : null,
            Used = d["used"].IsBoolean && d["used"].AsBoolean,
        };
    }

    protected override IEnumerable<AuditRecord> AllAudit() =>
        AuditLog.Query().OrderBy("_id").ToEnumerable().Select(d => JsonPayload.Read<AuditRecord>(d["json"].AsString)).ToList();

    /// <summary>At most <paramref name="max"/> records in one transaction; the ledger, the figures and the audit trail are never forgotten.</summary>
    private int Forget(ILiteCollection<BsonDocument> collection, IEnumerable<BsonDocument> candidates, int max) => Run(() =>
    {
        var ids = candidates.Take(max).Select(d => d["_id"]).ToList();
        foreach (var id in ids)
        {
            collection.Delete(id);
        }

        return ids.Count;
    });
}
