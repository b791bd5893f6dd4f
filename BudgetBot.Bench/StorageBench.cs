using System.Diagnostics;
using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;
using LiteDB;

namespace BudgetBot.Bench;

/// <summary>
/// Ledger appends through the Domain and the store (check, one transaction with the entry and the running figures)
/// against raw LiteDB inserts of the same documents into a collection with the same indexes, measured in the same run;
/// then balance queries on the full ledger.
/// </summary>
internal static class StorageBench
{
    private const int Offices = 250;
    private const int ProjectsPerOffice = 50;

    public static int Run(bool quick, bool json)
    {
        var entries = quick ? 200_000 : 1_000_000;
        var samples = quick ? 2_000 : 10_000;
        var dir = Path.Combine(Path.GetTempPath(), "budgetbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var history = Plan(entries, seed: 2566, keyPrefix: "load");
            var sample = Plan(samples, seed: 2567, keyPrefix: "sample");

            var watch = Stopwatch.StartNew();
            using var store = new LiteDbBudgetStore(Path.Combine(dir, "budgetbot.db"));
            foreach (var office in history.GroupBy(p => p.Office))
            {
                store.Import(BenchData.Office(office.Key, ProjectsPerOffice, office.Select(Entry).ToList()));
            }

            using var raw = new LiteDatabase(new ConnectionString { Filename = Path.Combine(dir, "raw.db"), Connection = ConnectionType.Direct });
            var rawLedger = raw.GetCollection("ledger", BsonAutoId.Int64);
            LedgerIndexes.Ensure(rawLedger);
            foreach (var batch in history.Select((p, i) => Bson.Entry(Entry(p), i + 1)).Chunk(10_000))
            {
                rawLedger.InsertBulk(batch);
            }

            Console.WriteLine($"loaded {Offices * ProjectsPerOffice:N0} projects and {entries:N0} entries (store and raw copy) in {watch.Elapsed.TotalSeconds:F0} s");

            var (appends, inserts) = Interleaved(store, rawLedger, sample, firstRawId: entries + 1);
            Console.WriteLine($"ledger appends: {appends:N0}/s through Ledger.Spend and LiteDbBudgetStore, one transaction each");
            Console.WriteLine($"raw LiteDB inserts: {inserts:N0}/s, the same documents, one transaction each");
            var (p50, p99) = BalanceLatency(store, quick ? 20_000 : 100_000);
            Console.WriteLine($"balance query: p50 {p50:F4} ms, p99 {p99:F4} ms with {entries + samples:N0} entries in the ledger");

            var result = new
            {
                appendPerSec = Math.Round(appends),
                rawLiteDbInsertPerSec = Math.Round(inserts),
                appendRatio = Math.Round(appends / inserts, 3),
                balanceP50Ms = Math.Round(p50, 4),
                balanceP99Ms = Math.Round(p99, 4),
                projects = Offices * ProjectsPerOffice,
                entries = entries + samples,
            };
            Console.WriteLine(json ? System.Text.Json.JsonSerializer.Serialize(result) : $"appendRatio {result.appendRatio}");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private sealed record Planned(int Office, string ProjectId, decimal Amount, DateOnly Date, string Key);

    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow;

    private static List<Planned> Plan(int entries, int seed, string keyPrefix)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, entries).Select(i =>
        {
            var office = random.Next(Offices);
            var project = random.Next(1, ProjectsPerOffice + 1);
            return new Planned(office, BenchData.ProjectId(office, project), random.Next(100, 500_000) / 100m,
                new DateOnly(2023, random.Next(1, 10), random.Next(1, 29)), $"{keyPrefix}:{i}");
        }).ToList();
    }

    private static LedgerEntry Entry(Planned p) =>
        new(0, BenchData.OfficeId(p.Office), p.ProjectId, p.Amount, p.Date, "ค่าอาหารว่าง", "bench", p.Key, At);

    /// <summary>
    /// Both paths commit one transaction per entry, so both pay the disk's flush: blocks alternate so that a slow
    /// moment of the disk falls on both alike.
    /// </summary>
    private static (double Appends, double Inserts) Interleaved(LiteDbBudgetStore store, ILiteCollection<BsonDocument> rawLedger, List<Planned> sample, long firstRawId)
    {
        var ledger = new Ledger(store);
        var ours = TimeSpan.Zero;
        var theirs = TimeSpan.Zero;
        foreach (var block in sample.Chunk(250))
        {
            var watch = Stopwatch.StartNew();
            foreach (var p in block)
            {
                var result = ledger.Spend(p.ProjectId, p.Amount, p.Date, "ค่าอาหารว่าง", "bench", p.Key, At);
                if (!result.IsOk || result.Duplicate)
                {
                    throw new InvalidOperationException($"append not applied: {result.Refusal}");
                }
            }

            ours += watch.Elapsed;
            var docs = block.Select(p => Bson.Entry(Entry(p), firstRawId++)).ToList();
            watch.Restart();
            foreach (var doc in docs)
            {
                rawLedger.Insert(doc);
            }

            theirs += watch.Elapsed;
        }

        return (sample.Count / ours.TotalSeconds, sample.Count / theirs.TotalSeconds);
    }

    private static (double P50, double P99) BalanceLatency(LiteDbBudgetStore store, int queries)
    {
        var random = new Random(7);
        var samples = new double[queries];
        decimal sink = 0;
        for (var i = 0; i < queries; i++)
        {
            var id = BenchData.ProjectId(random.Next(Offices), random.Next(1, ProjectsPerOffice + 1));
            var start = Stopwatch.GetTimestamp();
            var figures = Figures.Of(store.Project(id)!, store.Balance(id));
            sink += figures.Remaining;
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(samples);
        GC.KeepAlive(sink);
        return (samples[queries / 2], samples[(int)(queries * 0.99)]);
    }
}
