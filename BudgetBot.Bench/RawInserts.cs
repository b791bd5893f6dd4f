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

    /// <summary>
    /// The same for PostgreSQL: single-row inserts over one connection, each its own committed transaction (durable:
    /// the server flushes its log at every commit), into a table shaped like a ledger row with a unique key.
    /// </summary>
    public static double PostgresPerSecond(string connectionString, int count)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        using (var create = new Npgsql.NpgsqlCommand("CREATE TABLE raw_inserts (id bigserial PRIMARY KEY, key text UNIQUE NOT NULL, amount numeric NOT NULL, note text NOT NULL)", connection))
        {
            create.ExecuteNonQuery();
        }

        using var insert = new Npgsql.NpgsqlCommand("INSERT INTO raw_inserts (key, amount, note) VALUES ($1, $2, $3)", connection)
        {
            Parameters = { new() { Value = "warm-up" }, new() { Value = 1m }, new() { Value = "ค่าอาหารว่าง" } },
        };
        insert.Prepare();
        insert.ExecuteNonQuery();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            insert.Parameters[0].Value = "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            insert.ExecuteNonQuery();
        }

        var rate = count / watch.Elapsed.TotalSeconds;
        using (var drop = new Npgsql.NpgsqlCommand("DROP TABLE raw_inserts", connection))
        {
            drop.ExecuteNonQuery();
        }

        return rate;
    }
}
