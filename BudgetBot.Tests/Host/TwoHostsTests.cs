using System.Collections.Concurrent;
using System.Globalization;
using BudgetBot.Domain.Calendar;
using BudgetBot.Host.Storage.Postgres;
using BudgetBot.Tests.Fakes;
using Xunit.Abstractions;

namespace BudgetBot.Tests.Host;

/// <summary>
/// Two real hosts on one PostgreSQL database, as a load balancer would use them: Telegram webhook updates and signed LINE
/// events go to either host, one host is SIGKILLed mid-stream and started again, and the quarter's reminder is due
/// the whole time (each host start asks Hangfire to run it, and the recurring job runs on whichever host gets it).
/// </summary>
public sealed class TwoHostsTests(ITestOutputHelper output)
{
    private const string Secret = "two-hosts-secret";
    private const int Senders = 4;
    private const int Spends = 240;

    /// <summary>Projects with room left for a few baht, so no spend waits for an admin.</summary>
    private static readonly int[] Roomy = [1, 2, 3, 5, 6, 8, 9, 10, 12, 13, 14, 16, 17, 18, 19, 20];

    [SkippableFact]
    public async Task OneDatabase_TwoHosts_OneKilledAndRestarted_EverySpendOnce_EveryReplyAtMostOnce_ReminderOnce()
    {
        SystemTests.Need(PostgresCluster.Available, PostgresCluster.Why);
        var database = PostgresCluster.NewDatabase();
        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var line = await FakeLineApi.StartAsync();
        var settings = Settings(telegram, line, database);
        var (fiscalYear, report) = ThisYearsReport();
        var imported = await HostProcess.RunToExitAsync(settings, "import", report, "--accept-repairs");
        Assert.True(imported.Code == 0, imported.Output + imported.Error);

        var hosts = new HostSlots(settings);
        await hosts.StartAsync(0);
        await hosts.StartAsync(1);
        var acknowledged = new ConcurrentQueue<(string Chat, string Key)>();
        var random = new Random(2570);
        var plan = Enumerable.Range(0, Spends).Select(i => (Sender: i % Senders, Project: Roomy[random.Next(Roomy.Length)], Amount: 1m + random.Next(0, 100) / 100m)).ToList();

        // Host 0 dies a third of the way in and is back two thirds of the way in; host 1 carries the stream meanwhile.
        var killer = Task.Run(async () =>
        {
            await hosts.Changes.WaitFor(() => acknowledged.Count >= Spends / 3 ? hosts : null, TimeSpan.FromMinutes(2), () => "the stream stalled before the kill");
            await hosts.KillAsync(0);
            await hosts.Changes.WaitFor(() => acknowledged.Count >= Spends * 2 / 3 ? hosts : null, TimeSpan.FromMinutes(2), () => "the stream stalled on one host");
            await hosts.StartAsync(0);
        });
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(s => Task.Run(async () =>
        {
            var k = 0;
            foreach (var (_, project, amount) in plan.Where(p => p.Sender == s))
            {
                var text = $"/spend {project} {amount.ToString(CultureInfo.InvariantCulture)} n{k}";
                var viaLine = k++ % 2 == 1;
                var (chat, key, send) = viaLine ? FakeWebhooks.LineRequest(line, LineUser(s), text) : FakeWebhooks.TelegramRequest(TelegramUser(s), text, Secret);
                await hosts.SendUntilAcknowledgedAsync(send, k);
                acknowledged.Enqueue((chat, key));
                hosts.Changes.Notify();
            }
        })));
        await killer;
        var replies = await FakeWebhooks.RepliesPerChatAsync(telegram, line, text => text.StartsWith("บันทึกแล้ว", StringComparison.Ordinal), acknowledged.Count);
        // Once more with every admin known: host 1 stops and starts (asking for a fourth run), and every run must finish.
        await hosts.RestartAsync(1);
        // Each start asks for a run; one may have been on the host that was killed (Hangfire takes it up again only after
        // its invisibility timeout), so every run but one must have finished.
        var runs = await WaitUntil(telegram, line, () => Scalar(database, RunsDone) >= hosts.Starts - 1 ? true : null);
        await WaitUntil(telegram, line, () => Scalar(database, "SELECT count(*) FROM outbox WHERE json::jsonb ->> 'Kind' = 'UnownedReminder' AND status = 'Sent'") >= Senders * 2 ? true : null);
        await hosts.StopAllAsync();

        using var store = PostgresStore.Open(database);
        var office = store.Offices().Single().Id;
        var ids = store.EntryIdsBySource(key => key.StartsWith("telegram:", StringComparison.Ordinal) || key.StartsWith("line:", StringComparison.Ordinal));
        var expected = acknowledged.GroupBy(a => a.Chat).ToDictionary(g => g.Key, g => g.Count());
        var reminders = store.Outbox(Domain.Ports.OutboxStatus.Sent, 10_000).Where(o => o.Kind == "UnownedReminder").ToList();
        var reminderTexts = reminders.Select(r => r.Reply.Text).ToHashSet();
        var reminderDeliveries = telegram.Calls.Count(c => c.Ok && c.Method == "sendMessage" && reminderTexts.Contains(c.Text))
            + line.Deliveries.Count(d => reminderTexts.Contains(FakeLineApi.TextOf(d.Messages[0])));
        output.WriteLine($"{acknowledged.Count} spends acknowledged by two hosts (host 0 killed once); {expected.Sum(e => replies.GetValueOrDefault(e.Key))} replies out; "
            + $"{reminders.Count} reminders queued and {reminderDeliveries} delivered after {Scalar(database, RunsDone)} reminder runs; host starts {hosts.Starts}");

        foreach (var stuck in store.Outbox(Domain.Ports.OutboxStatus.Pending, 100).Concat(store.Failed(100)).Concat(store.Outbox(Domain.Ports.OutboxStatus.Undeliverable, 100)))
        {
            output.WriteLine($"not sent: {stuck.Key} {stuck.Platform}:{stuck.ChatId} {stuck.Status} tries {stuck.Attempts} parts {stuck.PartsSent} due {stuck.DueAt:O} {stuck.Error}");
        }

        Assert.Equal(Spends, acknowledged.Count);
        Assert.All(acknowledged, a => Assert.Single(ids.GetValueOrDefault(a.Key) ?? []));
        Assert.Equal(acknowledged.Count, ids.Count);
        Assert.Empty(store.VerifyBalances());
        Assert.Equal(fiscalYear, store.FiscalYears(office).Single());
        // At most once per chat. At least once, but for what the killed host's sender had claimed in its last round (a
        // chat's share of a round): Telegram and a LINE reply token cannot tell a repeat, so those are not sent again.
        const int claimedAtMost = BudgetBot.Host.Messaging.OutboxSender.PerChatPerRound;
        Assert.All(expected, e => Assert.InRange(replies.GetValueOrDefault(e.Key), e.Value - claimedAtMost, e.Value));
        // Every admin (four on Telegram, four on LINE) gets the quarter's reminder once, whatever number of runs asked.
        Assert.True(runs, "the reminder runs finished");
        Assert.True(Scalar(database, RunsDone) >= 3);
        Assert.Equal(Senders * 2, reminders.Count);
        Assert.Equal(reminders.Count, reminderDeliveries);
        Assert.Equal(reminders.Count, reminders.Select(r => r.ChatId).Distinct().Count());
    }

    [SkippableFact]
    public async Task TelegramLongPolling_OneHostAtATime_TheOtherTakesOverWhenItDies_EachUpdateHandledOnce()
    {
        SystemTests.Need(PostgresCluster.Available, PostgresCluster.Why);
        var database = PostgresCluster.NewDatabase();
        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var line = await FakeLineApi.StartAsync();
        var settings = Settings(telegram, line, database);
        // Polling mode: no public address, so no webhook; each host would poll if it did not wait for the lease.
        settings.Remove("BudgetBot__PublicBaseUrl");
        settings.Remove("BudgetBot__Telegram__WebhookSecret");
        var imported = await HostProcess.RunToExitAsync(settings, "import", Seed.Path, "--accept-repairs");
        Assert.True(imported.Code == 0, imported.Output + imported.Error);
        var hosts = new HostSlots(settings);
        await hosts.StartAsync(0);
        await hosts.StartAsync(1);
        var sent = 0;

        async Task SpendsAsync(int count)
        {
            for (var i = 0; i < count; i++, sent++)
            {
                var user = TelegramUser(sent % Senders);
                telegram.EnqueueText(user, user, $"/spend {Roomy[sent % Roomy.Length]} 1 15/2/2566 n{sent}");
            }

            await telegram.WaitUntil(() => telegram.SentStartingWith("บันทึกแล้ว") >= sent, TimeSpan.FromSeconds(60));
        }

        // Whichever host holds the lease polls; killing host 0 and later host 1 makes sure one takeover happens.
        await SpendsAsync(20);
        await hosts.KillAsync(0);
        await SpendsAsync(20);
        await hosts.StartAsync(0);
        await hosts.KillAsync(1);
        await SpendsAsync(20);
        await hosts.StopAllAsync();

        using var store = PostgresStore.Open(database);
        var ids = store.EntryIdsBySource(key => key.StartsWith("telegram:", StringComparison.Ordinal));
        output.WriteLine($"{sent} updates, {ids.Count} spends stored, {telegram.SentStartingWith("บันทึกแล้ว")} replies, {telegram.PollConflicts} overlapping polls");
        Assert.Equal(sent, ids.Count);
        Assert.All(ids.Values, entries => Assert.Single(entries));
        Assert.Equal(sent, telegram.SentStartingWith("บันทึกแล้ว"));
        Assert.Equal(0, telegram.PollConflicts);
        Assert.Empty(store.VerifyBalances());
    }

    private const string RunsDone = "SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded' AND invocationdata::text LIKE '%ReminderRun%'";

    private static long Scalar(string database, string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(database);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Waits for a state of the shared database that nothing here signals (a job another process ran): it looks again at
    /// each delivery the fakes see, and at least every half second, for at most a minute.
    /// </summary>
    private static async Task<bool> WaitUntil(FakeTelegramApi telegram, FakeLineApi line, Func<bool?> done)
    {
        var until = DateTimeOffset.UtcNow.AddMinutes(1);
        while (done() is null)
        {
            if (DateTimeOffset.UtcNow > until)
            {
                throw new TimeoutException("the shared database never reached the state waited for");
            }

            using var look = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(telegram.NextChange(look.Token), line.NextChange(look.Token));
        }

        return true;
    }

    /// <summary>
    /// The shipped report moved to the fiscal year of today (its figures unchanged), so the quarter now running is one
    /// of its quarters: the reminder is due in whatever week the test runs.
    /// </summary>
    private static (int FiscalYear, string Path) ThisYearsReport()
    {
        var today = FiscalCalendar.LocalDate(DateTimeOffset.UtcNow, Bangkok);
        var year = FiscalCalendar.FiscalYearBE(today);
        var text = File.ReadAllText(Seed.Path)
            .Replace("2566", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("2565", (year - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var path = Path.Combine(Seed.TempDir(), $"report-{year}.txt");
        File.WriteAllText(path, text);
        return (year, path);
    }

    private static TimeZoneInfo Bangkok => TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");

    private static Dictionary<string, string> Settings(FakeTelegramApi telegram, FakeLineApi line, string database)
    {
        var settings = FakeWebhooks.HostSettings(telegram, line, Secret,
            Enumerable.Range(0, Senders).SelectMany(i => new[] { "telegram:" + TelegramUser(i), "line:" + LineUser(i) }));
        settings["BudgetBot__Storage__Provider"] = "postgres";
        settings["BudgetBot__Storage__ConnectionString"] = database;
        // Not the demo: the office is imported into the database, as an office would.
        settings["BudgetBot__Playground__Enabled"] = "false";
        // Due from the quarter's first day, at any hour: the test does not depend on the date or the time it runs.
        settings["BudgetBot__Reminders__DaysBeforeQuarterEnd__0"] = "92";
        settings["BudgetBot__Reminders__At"] = "00:00";
        settings["BudgetBot__Reminders__QuietStart"] = "00:00";
        settings["BudgetBot__Reminders__QuietEnd"] = "00:00";
        return settings;
    }

    private static long TelegramUser(int sender) => 7001 + sender;

    private static string LineUser(int sender) => "U" + (0xbeef00 + sender).ToString("x", CultureInfo.InvariantCulture).PadLeft(32, '0');

    /// <summary>The two hosts, as a load balancer sees them: a request goes to a live one, in turn.</summary>
    private sealed class HostSlots(Dictionary<string, string> settings)
    {
        private readonly HostProcess?[] _hosts = new HostProcess?[2];
        private readonly Lock _gate = new();

        public Changes Changes { get; } = new();

        public int Starts { get; private set; }

        public async Task StartAsync(int slot)
        {
            var host = await HostProcess.StartAsync(Seed.TempDir(), settings);
            lock (_gate)
            {
                _hosts[slot] = host;
                Starts++;
            }

            Changes.Notify();
        }

        /// <summary>A clean stop (SIGTERM) and a new start on the same database.</summary>
        public async Task RestartAsync(int slot)
        {
            var host = Take(slot);
            await host.StopAsync();
            await host.DisposeAsync();
            await StartAsync(slot);
        }

        /// <summary>SIGKILL: the host's connections close with it, and so do its leases.</summary>
        public async Task KillAsync(int slot)
        {
            var host = Take(slot);
            await host.KillAsync();
            await host.DisposeAsync();
        }

        /// <summary>Out of the balancer first, so no request is sent to a host going down.</summary>
        private HostProcess Take(int slot)
        {
            lock (_gate)
            {
                var host = _hosts[slot]!;
                _hosts[slot] = null;
                return host;
            }
        }

        public async Task StopAllAsync()
        {
            foreach (var host in _hosts.OfType<HostProcess>())
            {
                await host.StopAsync();
                await host.DisposeAsync();
            }
        }

        public async Task SendUntilAcknowledgedAsync(Func<HttpClient, Task<HttpResponseMessage>> send, int turn)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var host = await Changes.WaitFor(() => Pick(turn + attempt), TimeSpan.FromMinutes(2), () => "no host is up");
                try
                {
                    using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(10) };
                    using var response = await send(http);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    // That host died under the request: the platform delivers again, to whichever host answers.
                }
            }

            throw new InvalidOperationException("a request was refused 200 times");
        }

        private HostProcess? Pick(int turn)
        {
            lock (_gate)
            {
                return _hosts[turn % 2] ?? _hosts[(turn + 1) % 2];
            }
        }
    }
}
