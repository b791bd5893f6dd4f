using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>Field-by-field mapping of the documents every message touches; explicit so the file format is stable and cheap.</summary>
internal static class Bson
{
    public static BsonDocument Entry(LedgerEntry e, long id) => new()
    {
        ["_id"] = id,
        ["office"] = e.OfficeId,
        ["project"] = e.ProjectId,
        ["amount"] = e.Amount,
        ["date"] = e.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["note"] = e.Note,
        ["by"] = e.By,
        ["key"] = e.SourceKey,
        ["at"] = e.RecordedAt.UtcDateTime,
        ["rev"] = e.Reverses is { } r ? new BsonValue(r) : BsonValue.Null,
        ["cat"] = e.Category is { } c ? new BsonValue(c) : BsonValue.Null,
        ["doc"] = e.Document is { } doc ? new BsonValue(doc) : BsonValue.Null,
    };

    public static LedgerEntry Entry(BsonDocument d) => new(
        d["_id"].AsInt64,
        d["office"].AsString,
        d["project"].AsString,
        d["amount"].AsDecimal,
        DateOnly.ParseExact(d["date"].AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        d["note"].AsString,
        d["by"].AsString,
        d["key"].AsString,
        new DateTimeOffset(DateTime.SpecifyKind(d["at"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)),
        d["rev"].IsNull ? null : d["rev"].AsInt64)
    {
        // Entries written before entries had them have no such fields.
        Category = d["cat"].IsString ? d["cat"].AsString : null,
        Document = d["doc"].IsString ? d["doc"].AsString : null,
    };

    public static BsonDocument Balance(ProjectBalance b) => new()
    {
        ["_id"] = b.ProjectId,
        ["q1"] = b.Actual.Q1,
        ["q2"] = b.Actual.Q2,
        ["q3"] = b.Actual.Q3,
        ["q4"] = b.Actual.Q4,
        ["n"] = b.Entries,
        ["last"] = b.LastEntryId,
    };

    public static ProjectBalance Balance(BsonDocument d) => new(
        d["_id"].AsString,
        new QuarterAmounts(d["q1"].AsDecimal, d["q2"].AsDecimal, d["q3"].AsDecimal, d["q4"].AsDecimal),
        d["n"].AsInt32,
        d["last"].AsInt64);

    public static BsonDocument Project(Project p) => new()
    {
        ["_id"] = p.Id,
        ["year"] = FiscalYearBudget.KeyFor(p.OfficeId, p.FiscalYear),
        ["number"] = p.Number,
        ["json"] = JsonPayload.Write(p),
    };

    public static Project Project(BsonDocument d) => JsonPayload.Read<Project>(d["json"].AsString);

    public static BsonDocument Year(FiscalYearBudget y, string source) => new()
    {
        ["_id"] = y.Id,
        ["office"] = y.OfficeId,
        ["fy"] = y.FiscalYear,
        ["source"] = source,
        ["json"] = JsonPayload.Write(y),
    };

    public static FiscalYearBudget Year(BsonDocument d) => JsonPayload.Read<FiscalYearBudget>(d["json"].AsString);

    public static BsonDocument Division(Division v) => new()
    {
        ["_id"] = v.Id,
        ["office"] = v.OfficeId,
        ["name"] = v.Name,
        ["order"] = v.Order,
    };

    public static Division Division(BsonDocument d) => new(d["_id"].AsString, d["office"].AsString, d["name"].AsString, d["order"].AsInt32);

    public static BsonDocument Office(Office o) => new() { ["_id"] = o.Id, ["name"] = o.Name };

    public static Office Office(BsonDocument d) => new(d["_id"].AsString, d["name"].AsString);

    /// <summary>Only one host writes the file, so the chat an event queues behind is not kept.</summary>
    public static BsonDocument Event(EventRow e, long seq)
    {
        var d = new BsonDocument
        {
            ["_id"] = e.Key, ["seq"] = seq, ["platform"] = e.Platform, ["payload"] = e.Payload, ["at"] = e.At.UtcDateTime, ["done"] = e.Done, ["tries"] = e.Tries,
            ["error"] = e.Error is null ? BsonValue.Null : new BsonValue(e.Error),
        };
        if (e.Dead)
        {
            // Only dead events have the field, as in files written before: the dead-letter query finds them by it.
            d["dead"] = true;
        }

        return d;
    }

    public static EventRow Event(BsonDocument d) => new(
        d["_id"].AsString, d["platform"].AsString, null, d["payload"].AsString, Utc(d["at"]), d["done"].AsBoolean, d["dead"].IsBoolean && d["dead"].AsBoolean,
        d["tries"].IsInt32 ? d["tries"].AsInt32 : 0, d["error"].IsString ? d["error"].AsString : null);

    public static DateTimeOffset Utc(BsonValue v) => new(DateTime.SpecifyKind(v.AsDateTime.ToUniversalTime(), DateTimeKind.Utc));

    public static BsonDocument Item(ItemRow i, long seq) => new()
    {
        ["_id"] = i.Key, ["seq"] = seq, ["platform"] = i.Platform, ["chat"] = i.Chat, ["q"] = QueueIndexes.Key(i.Platform, i.Status), ["status"] = i.Status.ToString(),
        ["due"] = i.Due.UtcDateTime, ["parts"] = i.Parts, ["tries"] = i.Tries, ["error"] = i.Error is null ? BsonValue.Null : new BsonValue(i.Error),
        ["sending"] = i.Sending, ["json"] = i.Json,
    };

    /// <summary>Files written before items kept their chat beside the JSON have it only inside.</summary>
    public static ItemRow Item(BsonDocument d) => new(
        d["_id"].AsString, d["platform"].AsString, d["chat"].IsString ? d["chat"].AsString : JsonPayload.Read<OutboxItem>(d["json"].AsString).ChatId,
        Enum.Parse<OutboxStatus>(d["status"].AsString), d["due"].IsDateTime ? Utc(d["due"]) : default, d["parts"].IsInt32 ? d["parts"].AsInt32 : 0,
        d["tries"].IsInt32 ? d["tries"].AsInt32 : 0, d["error"].IsString ? d["error"].AsString : null, d["sending"].IsBoolean && d["sending"].AsBoolean, d["json"].AsString)
    {
        Seq = d["seq"].AsInt64,
    };
}
