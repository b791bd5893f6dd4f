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
            ledger.EnsureIndex("project");
            ledger.Insert(new BsonDocument { ["_id"] = 1L, ["office"] = "a", ["key"] = "telegram:1:5", ["project"] = "a/2566/1" });
        }

        using (var store = new LiteDbBudgetStore(path))
        {
            Assert.Null(store.EntryBySource("b", "telegram:1:5"));
        }

        using var reopened = new LiteDatabase(path);
        var indexes = reopened.GetCollection("$indexes").Find("$.collection = 'ledger'").Select(i => i["name"].AsString).ToList();
        Assert.DoesNotContain("key", indexes);
        Assert.Contains("source", indexes);
        // A project's entries are read through project_order: an index on the project alone is one more write per entry.
        Assert.DoesNotContain("project", indexes);
        Assert.Contains("project_order", indexes);
    }

    [Fact]
    public void ProjectHistory_FromAFileWrittenBeforeItsIndex_IsNewestFirst_AcrossIdLengths_AndOnlyThatProjects()
    {
        var path = Path.Combine(Seed.TempDir(), "budgetbot.db");
        using (var old = new LiteDatabase(path))
        {
            var ledger = old.GetCollection("ledger", BsonAutoId.Int64);
            foreach (var (id, project) in new[] { (1L, "o/2566/7"), (9L, "o/2566/7"), (10L, "o/2566/70"), (11L, "o/2566/7"), (120L, "o/2566/7"), (121L, "o/2566/17") })
            {
                ledger.Insert(new BsonDocument
                {
                    ["_id"] = id, ["office"] = "o", ["project"] = project, ["amount"] = 1m, ["date"] = "2023-01-10", ["note"] = "",
                    ["by"] = "p", ["key"] = "k" + id, ["at"] = DateTime.UtcNow,
                });
            }
        }

        using var store = new LiteDbBudgetStore(path);

        Assert.Equal([120L, 11L, 9L], store.History("o/2566/7", 3).Select(e => e.Id));
        Assert.Equal([120L, 11L, 9L, 1L], store.History("o/2566/7", 10).Select(e => e.Id));
        Assert.Equal([10L], store.History("o/2566/70", 10).Select(e => e.Id));
    }
}
