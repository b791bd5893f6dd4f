using System.Diagnostics;
using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Fakes;

namespace BudgetBot.Bench.Load;

/// <summary>
/// End to end through the real host: Telegram webhook updates and signed LINE webhooks from 1, 4 and 16 concurrent
/// senders (each waiting for its HTTP answer), then 16 senders as one person, then a paced 200 messages a second;
/// every message counted only when its reply reached the fake. Raw LiteDB single-document inserts on the same disk,
/// in the same run, are the limit the figures are compared with. With <c>--store postgres</c> the hosts (<c>--hosts N</c>,
/// requests spread over them in turn) share a throwaway PostgreSQL cluster started for the run with durable commits,
/// and the limit is raw single-row inserts into that cluster.
/// </summary>
internal static class LoadBench
{
    private const int MaxSenders = 16;

    /// <summary>
    /// How long the load runs before anything is measured. Measured with <c>dotnet-counters</c>: the runtime compiles about
    /// 10,000 methods again, optimised, in the first 15 s of load, which cost the first level several milliseconds of CPU
    /// per message that no later message pays.
    /// </summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var json = args.Contains("--json");
        var ledgers = Option(args, "--ledger")?.Split(',').Select(long.Parse).ToArray() ?? (quick ? [0L] : [0L, 10_000L, 1_000_000L]);
        var seconds = Option(args, "--seconds") is { } s ? double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : quick ? 3 : 10;
        var postgres = Option(args, "--store") == "postgres";
        var hosts = Option(args, "--hosts") is { } h ? int.Parse(h, System.Globalization.CultureInfo.InvariantCulture) : 1;
        // A published build (dotnet publish, as operators install it) instead of the one built beside the bench.
        if (Option(args, "--host") is { } program)
        {
            BenchHost.Program = Path.GetFullPath(program);
        }

        if (hosts > 1 && !postgres)
        {
            Console.Error.WriteLine("--hosts above 1 needs --store postgres: a LiteDB file serves one host.");
            return 2;
        }

        var root = Path.Combine(Path.GetTempPath(), "budgetbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var cluster = postgres ? PostgresCluster.Start(fsync: true) : null;
        if (postgres && cluster is null)
        {
            Console.Error.WriteLine("--store postgres needs PostgreSQL's server programs (Debian: apt-get install postgresql).");
            return 2;
        }

        try
        {
            var store = new Store(cluster, hosts);
            var raw = cluster is null ? RawInserts.PerSecond(root, quick ? 300 : 1000) : RawInserts.PostgresPerSecond(cluster.CreateDatabase("raw"), quick ? 300 : 1000);
            Console.WriteLine($"{store.RawName}: {raw:N0}/s on this disk");
            var disk = DiskSync.PerSecond(root, quick ? 500 : 2000);
            Console.WriteLine($"4 KB append + fdatasync: {disk:N0}/s on this disk ({1000 / disk:N2} ms each)");
            var results = new List<LevelResult>();
            var totals = new List<(long Ledger, double RssMb, double IdleCpuPercent, Verdict Verdict)>();
            foreach (var ledger in ledgers)
            {
                var (levels, rss, idle, verdict) = await RunLedgerAsync(root, store, ledger, TimeSpan.FromSeconds(seconds));
                results.AddRange(levels);
                totals.Add((ledger, rss, idle, verdict));
            }

            Report.Print(results, totals, new Limits(raw, store.RawName, disk), json);
            return totals.All(t => t.Verdict.Lost == 0 && t.Verdict.Doubled == 0 && t.Verdict.OutOfOrder == 0) ? 0 : 1;
        }
        finally
        {
            cluster?.Stop();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Where the hosts keep their data: a LiteDB file in the data dir, or one database of the run's cluster per ledger size.</summary>
    private sealed record Store(PostgresCluster? Cluster, int Hosts)
    {
        public string RawName => Cluster is null ? "raw LiteDB single-document inserts" : "raw PostgreSQL single-row inserts";

        public string? NewDatabase(long ledger) => Cluster?.CreateDatabase($"ledger{ledger}");

        public IServiceStore Open(string dir, string? database) =>
            database is null ? new LiteDbBudgetStore(Path.Combine(dir, "budgetbot.db")) : BudgetBot.Host.Storage.Postgres.PostgresStore.Open(database);
    }

    private static async Task<(List<LevelResult> Levels, double RssMb, double IdleCpuPercent, Verdict Verdict)> RunLedgerAsync(string root, Store store, long ledger, TimeSpan duration)
    {
        var dir = Path.Combine(root, $"ledger-{ledger}");
        Directory.CreateDirectory(dir);
        var database = store.NewDatabase(ledger);
        var watch = Stopwatch.StartNew();
        using (var prepared = store.Open(dir, database))
        {
            Prepare(prepared, ledger);
        }

        Console.WriteLine($"ledger of {ledger:N0} entries prepared in {watch.Elapsed.TotalSeconds:F0} s");

        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var line = await FakeLineApi.StartAsync();
        var levels = new List<LevelResult>();
        Traffic[] all;
        double rss;
        double idle;
        var settings = Settings(telegram, line);
        if (database is not null)
        {
            settings["BudgetBot__Storage__Provider"] = "postgres";
            settings["BudgetBot__Storage__ConnectionString"] = database;
        }

        var hosts = new List<BenchHost>();
        try
        {
            for (var i = 0; i < store.Hosts; i++)
            {
                var hostDir = Path.Combine(dir, $"host{i}");
                Directory.CreateDirectory(hostDir);
                // A LiteDB host keeps its data in the data dir; PostgreSQL hosts keep only their media files there.
                hosts.Add(await BenchHost.StartAsync(database is null ? dir : hostDir, settings, countFsyncs: database is null));
            }

            Console.WriteLine($"host ready (/readyz) {hosts.Max(h => h.StartupSeconds):F1} s after start, on a ledger of {ledger:N0} entries");
            using var http = new HttpClient(new InTurn(hosts.Select(h => h.Url).ToList())) { BaseAddress = hosts[0].Url };
            var run = new LevelRun(hosts, http, new Replies(telegram, line), line, ledger);
            await run.WarmUpAsync(MaxSenders);
            // Every kind of message, long enough for the runtime to compile the hot paths again optimised (tiered
            // compilation): a service runs for months, so the levels measure it warm, not its first seconds.
            _ = await run.RunAsync("warm-up", 4, onePerson: false, WarmUp);
            idle = await IdleCpuPercentAsync(hosts, duration);
            levels.Add(await run.RunAsync("1 sender", 1, onePerson: false, duration));
            levels.Add(await run.RunAsync("4 senders", 4, onePerson: false, duration));
            levels.Add(await run.RunAsync("16 senders", 16, onePerson: false, duration));
            levels.Add(await run.RunAsync("16 senders, one person", 16, onePerson: true, duration));
            levels.Add(await run.RunAsync("paced 200/s", 16, onePerson: false, duration, pace: 200));
            rss = hosts.Max(h => h.PeakRssMb());
            all = [.. run.Traffic];
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }

        Verdict verdict;
        using (var result = store.Open(dir, database))
        {
            verdict = Verdict.Check(result, all, levels);
        }

        Console.WriteLine($"ledger {ledger:N0}: idle CPU {idle:N2}% of a core; peak RSS {rss:F0} MB; spends lost {verdict.Lost}, doubled {verdict.Doubled}, out of order {verdict.OutOfOrder}; " +
            $"replies missing {verdict.RepliesMissing}, extra {verdict.RepliesExtra}");
        return (levels, rss, idle, verdict);
    }

    /// <summary>The hosts' CPU while nothing is sent (after the warm-up has drained), as a share of one core.</summary>
    private static async Task<double> IdleCpuPercentAsync(List<BenchHost> hosts, TimeSpan duration)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        var before = hosts.Sum(h => h.CpuMs());
        var watch = Stopwatch.StartNew();
        await Task.Delay(duration);
        var percent = (hosts.Sum(h => h.CpuMs()) - before) / watch.Elapsed.TotalMilliseconds * 100;
        Console.WriteLine($"  idle: {percent:N2}% of a core over {watch.Elapsed.TotalSeconds:N0} s");
        return percent;
    }

    /// <summary>One office of 50 projects with room for any amount of spending, and a ledger of the given size.</summary>
    private static void Prepare(IServiceStore store, long entries)
    {
        var at = DateTimeOffset.UtcNow;
        var history = Enumerable.Range(0, (int)entries)
            .Select(i => new LedgerEntry(0, BenchData.OfficeId(0), BenchData.ProjectId(0, i % 50 + 1), 1m, new DateOnly(2023, 1, 10), "ยกมา", "bench", $"history:{i}", at))
            .ToList();
        store.Import(BenchData.Office(0, 50, history, allocation: 1_000_000_000m));
    }

    /// <summary>Sends each request to the next host in turn, as a load balancer would.</summary>
    private sealed class InTurn(IReadOnlyList<Uri> hosts) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var host = hosts[(int)((uint)Interlocked.Increment(ref _next) % hosts.Count)];
            request.RequestUri = new UriBuilder(request.RequestUri!) { Host = host.Host, Port = host.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static Dictionary<string, string> Settings(FakeTelegramApi telegram, FakeLineApi line) =>
        FakeWebhooks.HostSettings(telegram, line, Traffic.WebhookSecret,
            Enumerable.Range(0, MaxSenders).SelectMany(i => new[] { "telegram:" + Traffic.TelegramUser(i), "line:" + Traffic.LineUser(i) }));

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
