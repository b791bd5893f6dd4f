using System.Globalization;
using System.Net;
using BudgetBot.Host.Storage.Postgres;
using BudgetBot.Tests.Fakes;

namespace BudgetBot.Tests.Host;

/// <summary>The database goes away under a running host and comes back: nothing acknowledged is lost, the host stays up.</summary>
public sealed class DatabaseOutageTests
{
    private const string Secret = "outage-secret";
    private const long User = 7301;

    [SkippableFact]
    public async Task PostgresDown_WebhooksRefused_HealthIs503_HostStaysUp_ThenEverySpendOnceWhenItIsBack()
    {
        SystemTests.Need(PostgresCluster.Available, PostgresCluster.Why);
        // A cluster of its own: the run's shared one serves other tests and must not go down.
        var cluster = PostgresCluster.Start(fsync: true)!;
        try
        {
            var database = cluster.CreateDatabase("outage");
            await using var telegram = await FakeTelegramApi.StartAsync();
            await using var line = await FakeLineApi.StartAsync();
            var settings = FakeWebhooks.HostSettings(telegram, line, Secret, ["telegram:" + User.ToString(CultureInfo.InvariantCulture)]);
            settings["BudgetBot__Storage__Provider"] = "postgres";
            settings["BudgetBot__Storage__ConnectionString"] = database + ";Timeout=3;Command Timeout=5";
            settings["BudgetBot__Playground__Enabled"] = "false";
            var imported = await HostProcess.RunToExitAsync(settings, "import", Seed.Path, "--accept-repairs");
            Assert.True(imported.Code == 0, imported.Output + imported.Error);
            await using var host = await HostProcess.StartAsync(Seed.TempDir(), settings);
            using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(20) };
            var updates = Enumerable.Range(0, 20).Select(i => FakeWebhooks.TelegramText(User, $"/spend {1 + (i % 3)} 1 15/2/2566 n{i}")).ToList();

            foreach (var (body, _) in updates.Take(10))
            {
                Assert.Equal(HttpStatusCode.OK, (await FakeWebhooks.PostTelegramAsync(http, body, Secret)).StatusCode);
            }

            await telegram.WaitUntil(() => telegram.SentStartingWith("บันทึกแล้ว") >= 10, TimeSpan.FromSeconds(30));
            cluster.Halt();
            var healthDown = (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode;
            var refused = new List<HttpStatusCode>();
            foreach (var (body, _) in updates.Skip(10).Take(5))
            {
                refused.Add((await FakeWebhooks.PostTelegramAsync(http, body, Secret)).StatusCode);
            }

            cluster.Resume();
            // As Telegram does: every update not answered 200 is delivered again until it is.
            foreach (var (body, _) in updates.Skip(10))
            {
                await DeliverAsync(http, telegram, body);
            }

            await telegram.WaitUntil(() => telegram.SentStartingWith("บันทึกแล้ว") >= 20, TimeSpan.FromSeconds(60));
            var healthUp = (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode;
            await host.StopAsync();

            using var store = PostgresStore.Open(database);
            var ids = store.EntryIdsBySource(key => key.StartsWith("telegram:", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, healthDown);
            Assert.All(refused, status => Assert.True((int)status >= 500, $"a webhook was answered {status} with the database down"));
            Assert.Equal(HttpStatusCode.OK, healthUp);
            Assert.Equal(20, ids.Count);
            Assert.All(updates, u => Assert.Single(ids[u.SourceKey]));
            Assert.Equal(20, telegram.SentStartingWith("บันทึกแล้ว"));
            Assert.Empty(store.VerifyBalances());
        }
        finally
        {
            cluster.Stop();
        }
    }

    private static async Task DeliverAsync(HttpClient http, FakeTelegramApi telegram, string body)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await FakeWebhooks.PostTelegramAsync(http, body, Secret)).IsSuccessStatusCode)
            {
                return;
            }

            // Not yet: the pool is finding the server again. Look again at the next delivery or after a moment.
            using var look = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            try
            {
                await telegram.NextChange(look.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        throw new InvalidOperationException("the host never took the update after the database came back");
    }
}
