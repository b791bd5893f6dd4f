using System.Diagnostics;
using System.Globalization;
using System.Net;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Fakes;
using Xunit.Abstractions;

namespace BudgetBot.Tests.Host;

/// <summary>
/// The data dir on a small disk that fills up while the host runs: it answers 503 while full, so the platforms deliver
/// again, and serves again within seconds of space returning, with nothing lost or doubled; a start on a full disk
/// stops in one line. Needs a tmpfs it may mount (root); skipped with the reason elsewhere, never in CI.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output)
{
    private const string Secret = "disk-secret";
    private const long Owner = 7_770_001;

    [SkippableFact]
    public async Task DiskFillsUp_HostAnswers5xx_ThenServesAgainWithinTenSeconds_NothingLostOrTwice()
    {
        var (disk, why) = await SmallDisk.MountAsync(48);
        SystemTests.Need(disk is not null, why);
        await using var mounted = disk!;
        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var line = await FakeLineApi.StartAsync();
        var dataDir = Path.Combine(mounted.Path, "data");
        var settings = FakeWebhooks.HostSettings(telegram, line, Secret, ["telegram:" + Owner.ToString(CultureInfo.InvariantCulture)]);
        await using var host = await HostProcess.StartAsync(dataDir, settings);
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(10) };
        var acknowledged = new List<string>();
        var n = 0;
        async Task<HttpStatusCode> Spend((string Chat, string Key, Func<HttpClient, Task<HttpResponseMessage>> Send) request)
        {
            using var response = await request.Send(http);
            if (response.IsSuccessStatusCode)
            {
                acknowledged.Add(request.Key);
            }

            return response.StatusCode;
        }

        (string Chat, string Key, Func<HttpClient, Task<HttpResponseMessage>> Send) Next() =>
            FakeWebhooks.TelegramRequest(Owner, $"/spend 3 1.{++n:D2} 15/2/2566 disk {n}", Secret);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await Spend(Next()));
        }

        await telegram.WaitUntil(() => telegram.Sent(Owner).Count() >= 5, TimeSpan.FromSeconds(20));

        var filled = mounted.Fill();
        output.WriteLine($"filled the disk with {filled:N0} bytes");
        var whileFull = new List<HttpStatusCode>();
        var waiting = new List<(string Chat, string Key, Func<HttpClient, Task<HttpResponseMessage>> Send)>();
        for (var i = 0; i < 10; i++)
        {
            var request = Next();
            var status = await Spend(request);
            whileFull.Add(status);
            if (status != HttpStatusCode.OK)
            {
                waiting.Add(request);
            }
        }

        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        output.WriteLine($"while full: {string.Join(", ", whileFull.Select(s => (int)s))}; /healthz {(int)health.StatusCode}");
        // 503, so the platforms deliver again, with one log line each rather than a stack trace per request.
        Assert.All(whileFull, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("the store cannot write", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("An unhandled exception", host.Output, StringComparison.Ordinal);

        mounted.Free();
        var clock = Stopwatch.StartNew();
        // The platform delivers again what was refused: the store heals on the first write after space returns, so
        // each redelivery is taken at once.
        foreach (var request in waiting.ToList())
        {
            if (await Spend(request) == HttpStatusCode.OK)
            {
                waiting.Remove(request);
            }
        }

        var spends = acknowledged.Count;
        await telegram.WaitUntil(() => telegram.Sent(Owner).Count() >= spends, TimeSpan.FromSeconds(30));
        var recovered = clock.Elapsed;
        output.WriteLine($"{spends} spends acknowledged; every refused one taken and answered {recovered.TotalSeconds:F1} s after space returned");
        Assert.Empty(waiting);
        Assert.True(recovered < TimeSpan.FromSeconds(10), $"serving again took {recovered.TotalSeconds:F1} s");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);

        await host.StopAsync();
        Assert.Equal(0, host.ExitCode);
        using var store = new LiteDbBudgetStore(Path.Combine(dataDir, "budgetbot.db"));
        var ids = store.EntryIdsBySource(key => key.StartsWith("telegram:", StringComparison.Ordinal));
        Assert.Equal(acknowledged.Count, ids.Count);
        Assert.All(acknowledged, key => Assert.Single(ids[key]));
        Assert.Empty(store.VerifyBalances());
    }

    [SkippableFact]
    public async Task StartOnAFullDisk_StopsInOneLine()
    {
        var (disk, why) = await SmallDisk.MountAsync(16);
        SystemTests.Need(disk is not null, why);
        await using var mounted = disk!;
        var dataDir = Seed.WithOffice(Path.Combine(mounted.Path, "data"));
        mounted.Fill();

        var (code, _, error) = await HostProcess.RunToExitAsync(new Dictionary<string, string> { ["BudgetBot__DataDir"] = dataDir }, "--urls", "http://127.0.0.1:0");

        output.WriteLine(error);
        Assert.Equal(1, code);
        var problem = Assert.Single(error.Split('\n'), l => l.StartsWith("BudgetBot cannot start", StringComparison.Ordinal));
        Assert.Contains("space", problem, StringComparison.Ordinal);
        Assert.Contains(dataDir, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
