using BudgetBot.Host.Storage;
using LiteDB;

namespace BudgetBot.Tests.Storage;

public sealed class LedgerIndexTests
{
    [Fact]
    public void DataFile_WithTheOldKeyIndex_OpensWithTheIndexPerOffice()
    {
        var path = Path.Combine(Seed.TempDir(), "budgetbot.db");
        using (var old = new LiteDatabase(path))
        {
            var ledger = old.GetCollection("ledger", BsonAutoId.Int64);
            ledger.EnsureIndex("key", unique: true);
            ledger.Insert(new BsonDocument { ["_id"] = 1L, ["office"] = "a", ["key"] = "telegram:1:5" });
        }

        using (var store = new LiteDbBudgetStore(path))
        {
            Assert.Null(store.EntryBySource("b", "telegram:1:5"));
        }

        using var reopened = new LiteDatabase(path);
        var indexes = reopened.GetCollection("$indexes").Find("$.collection = 'ledger'").Select(i => i["name"].AsString).ToList();
        Assert.DoesNotContain("key", indexes);
        Assert.Contains("source", indexes);
    }
}
