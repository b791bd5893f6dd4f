using BudgetBot.Tests.Fakes;

namespace BudgetBot.Bench.Load;

/// <summary>Runs load levels against the hosts (requests spread over them in turn): sends for a while, then waits until every acknowledged message has its reply.</summary>
internal sealed class LevelRun(IReadOnlyList<BenchHost> hosts, HttpClient http, Replies replies, FakeLineApi line, long ledger)
{
    public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    public List<Traffic> Traffic { get; } = [];

    /// <summary>Every identity makes itself known (a configured admin becomes a person on first contact).</summary>
    public async Task WarmUpAsync(int senders)
    {
        var traffic = new Traffic(http, line);
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async i =>
        {
            await traffic.SendAsync(i, i, 0, "/whoami", spend: false, viaLine: false);
            await traffic.SendAsync(i, i, 1, "/whoami", spend: false, viaLine: true);
        }));
        var until = DateTimeOffset.UtcNow + DrainLimit;
        while (replies.Count < 2 * senders && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(20);
        }

        Console.WriteLine($"  warm-up: {replies.Count} of {2 * senders} replies");
    }

    public async Task<LevelResult> RunAsync(string name, int senders, bool onePerson, TimeSpan duration, double? pace = null)
    {
        var before = replies.PerChat().ToDictionary(c => c.Key, c => c.Value.Count);
        Console.WriteLine($"  {name}: sending for {duration.TotalSeconds:N0} s");
        var traffic = new Traffic(http, line);
        Traffic.Add(traffic);
        var commits = await CommitsAsync();
        var cpu = hosts.Sum(h => h.CpuMs());
        var driverCpu = DriverCpuMs();
        var start = DateTimeOffset.UtcNow;
        var end = start + duration;
        long next = -1;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(worker => Task.Run(async () =>
        {
            for (long k = 0; ; k++)
            {
                var n = pace is null ? k : Interlocked.Increment(ref next);
                if (pace is { } rate)
                {
                    var at = start + TimeSpan.FromSeconds(n / rate);
                    if (at >= end)
                    {
                        return;
                    }

                    if (at - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
                    {
                        await Task.Delay(wait);
                    }
                }
                else if (DateTimeOffset.UtcNow >= end)
                {
                    return;
                }

                var identity = onePerson ? 0 : worker;
                var (text, spend) = Load.Traffic.Message(n, identity);
                await traffic.SendAsync(identity, worker, k, text, spend, viaLine: n % 2 == 1);
            }
        })));

        var expected = traffic.Sends.ToDictionary(s => s.Key, s => before.GetValueOrDefault(s.Key) + s.Value.Count);
        var until = DateTimeOffset.UtcNow + DrainLimit;
        var loadEnd = DateTimeOffset.UtcNow;
        Dictionary<string, List<DateTimeOffset>> now;
        while (true)
        {
            now = replies.PerChat();
            if (expected.All(e => now.GetValueOrDefault(e.Key)?.Count >= e.Value))
            {
                break;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                foreach (var (chat, count) in expected.Where(e => (now.GetValueOrDefault(e.Key)?.Count ?? 0) < e.Value))
                {
                    Console.WriteLine($"  {name}: chat {chat} got {now.GetValueOrDefault(chat)?.Count ?? 0} of {count} replies");
                }

                break;
            }

            await Task.Delay(10);
        }

        var drained = expected.Keys.Select(c => now.GetValueOrDefault(c)?.LastOrDefault() ?? DateTimeOffset.UtcNow).DefaultIfEmpty(loadEnd).Max();
        var seconds = (drained - start).TotalSeconds;
        var latencies = new List<double>();
        long missing = 0, extra = 0;
        foreach (var (chat, sends) in traffic.Sends)
        {
            var sent = sends.Order().ToList();
            var got = (now.GetValueOrDefault(chat) ?? []).Skip(before.GetValueOrDefault(chat)).ToList();
            missing += Math.Max(0, sent.Count - got.Count);
            extra += Math.Max(0, got.Count - sent.Count);
            latencies.AddRange(sent.Zip(got, (s, r) => (r - s).TotalMilliseconds));
        }

        latencies.Sort();
        var messages = traffic.Acknowledged;
        var commitCount = await CommitsAsync() - commits;
        var cpuMs = hosts.Sum(h => h.CpuMs()) - cpu;
        var traced = hosts.Select(h => h.Fsyncs(start.ToUnixTimeMilliseconds() / 1000.0, drained.ToUnixTimeMilliseconds() / 1000.0 + 0.05)).ToList();
        var fsyncs = traced.All(f => f is not null) ? traced.Sum() : null;
        var result = new LevelResult(name, ledger, senders, messages, Math.Round(seconds, 2), Math.Round((drained - loadEnd).TotalSeconds, 2),
            Math.Round(messages / seconds, 1), Percentile(latencies, 0.50), Percentile(latencies, 0.99),
            Math.Round((double)commitCount / Math.Max(1, messages), 2), fsyncs is { } f ? Math.Round((double)f / Math.Max(1, messages), 2) : null,
            missing, extra, Math.Round(cpuMs / Math.Max(1, messages), 2))
        {
            DriverCpuMsPerMessage = Math.Round((DriverCpuMs() - driverCpu) / Math.Max(1, messages), 2),
        };
        Console.WriteLine($"  {name,-24} {result.MessagesPerSec,8:N1} msg/s  p50 {result.P50Ms,6:N1} ms  p99 {result.P99Ms,7:N1} ms  " +
            $"CPU {result.CpuMsPerMessage,5:N2} ms/msg (bench {result.DriverCpuMsPerMessage:N2})  commits/msg {result.CommitsPerMessage,5:N2}  fsyncs/msg {result.FsyncsPerMessage?.ToString("N2") ?? "n/a",5}  ({messages:N0} messages, drained in {result.DrainSeconds:N1} s)");
        return result;
    }

    /// <summary>Commits of every host: each counts its own.</summary>
    private async Task<long> CommitsAsync()
    {
        long sum = 0;
        foreach (var host in hosts)
        {
            sum += await host.CommitsAsync(http);
        }

        return sum;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))], 1);

    private static double DriverCpuMs()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }
}
