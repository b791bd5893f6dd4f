using System.Diagnostics;
using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Fakes;

namespace BudgetBot.Bench.Load;

/// <summary>
/// End to end through the real host: Telegram webhook updates and signed LINE webhooks from 1, 4 and 16 concurrent
/// senders (each waiting for its HTTP answer), then 16 senders as one person, then a paced 200 messages a second;
/// every message counted only when its reply reached the fake. Raw LiteDB single-document inserts on the same disk,
/// in the same run, are the limit the figures are compared with.
/// </summary>
internal static class LoadBench
{
    private const int MaxSenders = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var json = args.Contains("--json");
        var ledgers = Option(args, "--ledger")?.Split(',').Select(long.Parse).ToArray() ?? (quick ? [0L] : [0L, 10_000L, 1_000_000L]);
        var seconds = Option(args, "--seconds") is { } s ? double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : quick ? 3 : 10;
        var root = Path.Combine(Path.GetTempPath(), "budgetbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var raw = RawInserts.PerSecond(root, quick ? 300 : 1000);
            Console.WriteLine($"raw LiteDB single-document inserts: {raw:N0}/s on this disk");
            var results = new List<LevelResult>();
            var totals = new List<(long Ledger, double RssMb, Verdict Verdict)>();
            foreach (var ledger in ledgers)
            {
                var (levels, rss, verdict) = await RunLedgerAsync(root, ledger, TimeSpan.FromSeconds(seconds));
                results.AddRange(levels);
                totals.Add((ledger, rss, verdict));
            }

            Report.Print(results, totals, raw, json);
            return totals.All(t => t.Verdict.Lost == 0 && t.Verdict.Doubled == 0 && t.Verdict.OutOfOrder == 0) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(List<LevelResult> Levels, double RssMb, Verdict Verdict)> RunLedgerAsync(string root, long ledger, TimeSpan duration)
    {
        var dir = Path.Combine(root, $"ledger-{ledger}");
        Directory.CreateDirectory(dir);
        var watch = Stopwatch.StartNew();
        Prepare(dir, ledger);
        Console.WriteLine($"ledger of {ledger:N0} entries prepared in {watch.Elapsed.TotalSeconds:F0} s");

        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var line = await FakeLineApi.StartAsync();
        var levels = new List<LevelResult>();
        Traffic[] all;
        double rss;
        await using (var host = await BenchHost.StartAsync(dir, Settings(telegram, line)))
        {
            using var http = new HttpClient { BaseAddress = host.Url };
            var run = new LevelRun(host, http, new Replies(telegram, line), line, ledger);
            await run.WarmUpAsync(MaxSenders);
            levels.Add(await run.RunAsync("1 sender", 1, onePerson: false, duration));
            levels.Add(await run.RunAsync("4 senders", 4, onePerson: false, duration));
            levels.Add(await run.RunAsync("16 senders", 16, onePerson: false, duration));
            levels.Add(await run.RunAsync("16 senders, one person", 16, onePerson: true, duration));
            levels.Add(await run.RunAsync("paced 200/s", 16, onePerson: false, duration, pace: 200));
            rss = host.PeakRssMb();
            all = [.. run.Traffic];
        }

        var verdict = Verdict.Check(Path.Combine(dir, "budgetbot.db"), all, levels);
        Console.WriteLine($"ledger {ledger:N0}: peak RSS {rss:F0} MB; spends lost {verdict.Lost}, doubled {verdict.Doubled}, out of order {verdict.OutOfOrder}; " +
            $"replies missing {verdict.RepliesMissing}, extra {verdict.RepliesExtra}");
        return (levels, rss, verdict);
    }

    /// <summary>One office of 50 projects with room for any amount of spending, and a ledger of the given size.</summary>
    private static void Prepare(string dir, long entries)
    {
        using var store = new LiteDbBudgetStore(Path.Combine(dir, "budgetbot.db"));
        var at = DateTimeOffset.UtcNow;
        var history = Enumerable.Range(0, (int)entries)
            .Select(i => new LedgerEntry(0, BenchData.OfficeId(0), BenchData.ProjectId(0, i % 50 + 1), 1m, new DateOnly(2023, 1, 10), "ยกมา", "bench", $"history:{i}", at))
            .ToList();
        store.Import(BenchData.Office(0, 50, history, allocation: 1_000_000_000m));
    }

    private static Dictionary<string, string> Settings(FakeTelegramApi telegram, FakeLineApi line) =>
        FakeWebhooks.HostSettings(telegram, line, Traffic.WebhookSecret,
            Enumerable.Range(0, MaxSenders).SelectMany(i => new[] { "telegram:" + Traffic.TelegramUser(i), "line:" + Traffic.LineUser(i) }));

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
