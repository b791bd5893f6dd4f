using System.Diagnostics;
using LiteDB;

namespace BudgetBot.Bench;

/// <summary>The disk's limit for one-commit-per-document work: raw LiteDB single-document inserts, each its own transaction.</summary>
internal static class RawInserts
{
    public static double PerSecond(string dir, int count)
    {
        var path = Path.Combine(dir, "raw-inserts.db");
        using (var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        {
            var collection = db.GetCollection("items", BsonAutoId.Int64);
            collection.EnsureIndex("key", unique: true);
            collection.Insert(new BsonDocument { ["key"] = "warm-up" });
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                collection.Insert(new BsonDocument { ["key"] = "k" + i, ["amount"] = 1m, ["note"] = "ค่าอาหารว่าง" });
            }

            var rate = count / watch.Elapsed.TotalSeconds;
            db.Dispose();
            File.Delete(path);
            return rate;
        }
    }
}
