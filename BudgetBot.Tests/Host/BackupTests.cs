using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Fakes;
using Xunit.Abstractions;

namespace BudgetBot.Tests.Host;

/// <summary>
/// <c>backup</c> while the service runs and records spending, and a restore from it: every backup opens, its figures
/// equal its ledger, and a host started on the restored file has every spend acknowledged before the backup began.
/// </summary>
public sealed class BackupTests(ITestOutputHelper output)
{
    private const string Secret = "backup-secret";

    [Fact]
    public async Task Backup_WhileServingLoad_IsConsistent_AndRestores()
    {
        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var line = await FakeLineApi.StartAsync();
        var admins = Enumerable.Range(0, 4).Select(i => 5001L + i).ToList();
        var settings = FakeWebhooks.HostSettings(telegram, line, Secret, admins.Select(a => "telegram:" + a.ToString(CultureInfo.InvariantCulture)));
        var dataDir = Seed.TempDir();
        var acked = new ConcurrentQueue<(DateTimeOffset At, string SourceKey)>();
        var backups = new List<(string File, DateTimeOffset Started)>();
        var progress = new Changes();

        await using (var host = await HostProcess.StartAsync(dataDir, settings))
        {
            using var client = new HttpClient { BaseAddress = host.Url };
            using var stop = new CancellationTokenSource();
            var load = Task.WhenAll(admins.Select(async admin =>
            {
                // Each spend a different one (a note of its own): the same one sent again soon after is asked about, not recorded.
                var n = 0;
                while (!stop.IsCancellationRequested)
                {
                    var (body, key) = FakeWebhooks.TelegramText(admin, $"/spend 17 1.25 15/2/2566 n{n++}");
                    using var response = await FakeWebhooks.PostTelegramAsync(client, body, Secret);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    acked.Enqueue((DateTimeOffset.UtcNow, key));
                    progress.Notify();
                }
            }));

            for (var i = 0; i < 3; i++)
            {
                // Each backup only after another 60 spends were acknowledged, so each one catches the service mid-stream.
                var target = acked.Count + 60;
                await progress.WaitFor(() => acked.Count >= target ? acked : null, TimeSpan.FromSeconds(60), () => $"only {acked.Count} spends acknowledged");
                var file = Path.Combine(Seed.TempDir(), $"backup-{i}.db");
                var started = DateTimeOffset.UtcNow;
                var (code, text, error) = await HostProcess.RunToExitAsync(new Dictionary<string, string> { ["BudgetBot__DataDir"] = dataDir }, "backup", file);
                Assert.True(code == 0, text + error);
                output.WriteLine(text.Trim());
                backups.Add((file, started));
            }

            await stop.CancelAsync();
            await load;
            await host.StopAsync();
        }

        Assert.True(acked.Count > 100, $"{acked.Count} spends acknowledged during the backups");
        foreach (var (file, _) in backups)
        {
            using var copy = new LiteDbBudgetStore(Restore(file));
            Assert.Empty(copy.VerifyBalances());
            Assert.Single(copy.Offices());
        }

        // A host started on the last backup handles what was queued in it: every spend acknowledged before it began is there.
        var (last, lastStarted) = backups[^1];
        var restored = Restore(last);
        await using (var again = await HostProcess.StartAsync(Path.GetDirectoryName(restored)!, settings))
        {
            using var client = new HttpClient { BaseAddress = again.Url };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
            await InboxHandled(client, telegram);
            await again.StopAsync();
        }

        using var store = new LiteDbBudgetStore(restored);
        var ids = store.EntryIdsBySource(k => k.StartsWith("telegram:", StringComparison.Ordinal));
        var before = acked.Where(a => a.At < lastStarted).ToList();
        var missing = before.Where(a => !ids.ContainsKey(a.SourceKey)).ToList();
        output.WriteLine($"{acked.Count} acknowledged, {before.Count} before the last backup began, {ids.Count} in its restored ledger, {store.DeadLetterList(1000).Count} dead letter(s)");
        Assert.True(missing.Count == 0, $"{missing.Count} spend(s) acknowledged before the backup are missing, the first {missing.FirstOrDefault().SourceKey} acknowledged at {missing.FirstOrDefault().At:O}");
        Assert.Empty(store.VerifyBalances());
    }

    /// <summary>The restore the README gives: the backup file becomes budgetbot.db in an empty data dir.</summary>
    private static string Restore(string backup)
    {
        var target = Path.Combine(Seed.TempDir(), "budgetbot.db");
        File.Copy(backup, target);
        return target;
    }

    /// <summary>
    /// Until the restored host has handled every event queued in the backup. A handled event's reply reaches the fake
    /// after the commit that handled it, so each look at <c>/healthz</c> follows the fake's next change, not a pause.
    /// </summary>
    private static async Task InboxHandled(HttpClient client, FakeTelegramApi telegram)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var next = telegram.NextChange(deadline.Token); // taken before looking, so a reply during the look is not missed
            var health = JsonNode.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)))!;
            if (health["queued"]!.GetValue<int>() == 0)
            {
                return;
            }

            await next;
        }
    }

    [Fact]
    public void Backup_RemovesWhatAKilledBackupLeft_ButNotACopyInProgress()
    {
        var dataDir = Seed.WithOffice(Seed.TempDir());
        var target = Path.Combine(Seed.TempDir(), "budgetbot-backup.db");
        var abandoned = Directory.CreateDirectory(target + ".partial-0badc0de").FullName;
        File.WriteAllBytes(Path.Combine(abandoned, "budgetbot.db"), new byte[64 * 1024]);
        var running = Directory.CreateDirectory(target + ".partial-1e55c0de").FullName;
        using var held = new FileStream(Path.Combine(running, ".in-use"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        var said = new StringWriter();

        var code = BudgetBot.Host.Cli.CliVerbs.Run(["backup", target, "--data-dir", dataDir], said, said);

        Assert.True(code == 0, said.ToString());
        Assert.Contains("Removed 1 unfinished copy folder(s)", said.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(abandoned));
        Assert.True(Directory.Exists(running));
        Assert.True(File.Exists(target));
        Assert.Single(Directory.GetDirectories(Path.GetDirectoryName(target)!, "*.partial-*"));
    }
}
