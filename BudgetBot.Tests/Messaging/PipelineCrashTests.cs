using System.Globalization;
using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Fakes;
using Xunit.Abstractions;

namespace BudgetBot.Tests.Messaging;

/// <summary>
/// The host is SIGKILLed at random moments during a stream of spends over both platforms and restarted on the same data;
/// the senders repeat what was not acknowledged. Size: <c>BUDGETBOT_CRASH_SPENDS</c> (300 by default; 2,000 for the
/// full run the README reports).
/// </summary>
public sealed class PipelineCrashTests(ITestOutputHelper output)
{
    private const int Senders = 4;

    /// <summary>Demo projects with room left for a few baht (some others are spent out, and a spend there waits for an admin).</summary>
    private static readonly int[] Roomy = [1, 2, 3, 5, 6, 8, 9, 10, 12, 13, 14, 16, 17, 18, 19, 20];

    private const int Kills = 5;

    [Fact]
    public async Task HostKilledFiveTimesAtRandom_EveryAcknowledgedSpendStoredOnce_EveryConfirmationDelivered_ASpendTypedAgainIsAsked()
    {
        var spends = int.TryParse(Environment.GetEnvironmentVariable("BUDGETBOT_CRASH_SPENDS"), CultureInfo.InvariantCulture, out var n) ? n : 300;
        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var line = await FakeLineApi.StartAsync();
        var dataDir = Seed.TempDir();
        var stream = new CrashStream(line, dataDir, Settings(telegram, line));
        await stream.StartAsync();

        // Twelve spends of 5,000 take project 7 from 13.5% (11,760 of 86,860) to 82.6%, past the 80% warning but not the
        // 100% hold: its alert must survive the crashes too.
        var random = new Random(2566);
        var plan = Enumerable.Range(0, spends)
            .Select(i => i % (spends / 12) == 0 && i / (spends / 12) < 12 ? (i % Senders, 7, 5_000m) : (i % Senders, Roomy[random.Next(Roomy.Length)], 1m + random.Next(0, 100) / 100m))
            .ToList();
        await stream.RunAsync(plan, Senders, Kills, random);
        var acknowledged = stream.Acknowledged.ToList();
        // After the kills, with no answer in mind, one sender types the last spend again on each platform.
        var typedAgain = new[] { await stream.TypeAgainAsync(1, viaLine: false), await stream.TypeAgainAsync(1, viaLine: true) };
        var questions = await FakeWebhooks.RepliesPerChatAsync(telegram, line, text => text.Contains("บันทึกซ้ำหรือไม่", StringComparison.Ordinal), typedAgain.Length);
        // Replies to the spends: not the alerts that start with ⚠, nor the questions about a spend typed again.
        static bool Confirms(string text) => !text.StartsWith('⚠') && !text.Contains("บันทึกซ้ำหรือไม่", StringComparison.Ordinal);
        var replies = await FakeWebhooks.RepliesPerChatAsync(telegram, line, Confirms, acknowledged.Count);
        // Replies sent again after a crash say so on their first line; the others must never exceed the messages sent.
        var unmarked = await FakeWebhooks.RepliesPerChatAsync(telegram, line, text => Confirms(text) && !text.StartsWith(BudgetBot.Host.Messaging.OutboxSender.RepeatMark, StringComparison.Ordinal), 0);
        await stream.StopAsync();

        using var store = new LiteDbBudgetStore(Path.Combine(dataDir, "budgetbot.db"));
        var office = store.Offices().Single().Id;
        var ids = store.EntryIdsBySource(key => key.StartsWith("telegram:", StringComparison.Ordinal) || key.StartsWith("line:", StringComparison.Ordinal));
        var audit = store.AuditTrail(office, 100_000).Where(a => a.Action == "spend").Select(a => a.Detail).ToHashSet();
        var expected = acknowledged.GroupBy(a => a.Chat).ToDictionary(g => g.Key, g => g.Count());
        var repliesOut = expected.Sum(e => replies.GetValueOrDefault(e.Key));
        output.WriteLine($"{acknowledged.Count} spends acknowledged across {stream.Kills} kills; {repliesOut} of {acknowledged.Count} replies out");

        foreach (var missing in acknowledged.Where(a => !ids.ContainsKey(a.Key)).GroupBy(a => a.Project))
        {
            output.WriteLine($"not in the ledger: {missing.Count()} spend(s) on project {missing.Key}");
        }

        Assert.Equal(spends, acknowledged.Count);
        Assert.Equal(Kills, stream.Kills);
        Assert.All(typedAgain, again => Assert.Equal(1, questions.GetValueOrDefault(again.Chat)));
        Assert.All(typedAgain, again => Assert.False(ids.ContainsKey(again.Key), $"{again.Key} was recorded again"));
        Assert.All(acknowledged, a => Assert.Single(ids.GetValueOrDefault(a.Key) ?? []));
        Assert.Equal(acknowledged.Count, ids.Count);
        Assert.All(ids.Values, entry => Assert.Contains(audit, d => d.EndsWith($" entry {entry[0]}", StringComparison.Ordinal)));
        Assert.Empty(store.VerifyBalances());
        var admins = store.People(office).Where(p => p.Roles.Any(r => r.Role == Role.Admin)).ToList();
        Assert.NotEmpty(admins);
        Assert.All(admins, a => Assert.True(store.HasOutbox($"threshold:{Project.KeyFor(office, 2566, 7)}:80:{a.Id}"), $"the 80% alert for project 7 is queued for {a.Id}"));
        // At least once: every confirmation reached its chat, some of them twice, marked as a possible repeat. At most once
        // unmarked: never more unmarked replies to a chat than it sent messages.
        output.WriteLine($"{replies.Values.Sum() - unmarked.Values.Sum()} replies sent again after a crash, marked");
        Assert.All(expected, e => Assert.True(replies.GetValueOrDefault(e.Key) >= e.Value, $"{e.Key}: {replies.GetValueOrDefault(e.Key)} replies for {e.Value} spends"));
        Assert.All(expected, e => Assert.True(unmarked.GetValueOrDefault(e.Key) <= e.Value, $"{e.Key}: {unmarked.GetValueOrDefault(e.Key)} unmarked replies for {e.Value} spends"));
        // A chat's claim covers the one reply about to go out: at most one reply per chat in doubt at each kill.
        Assert.All(expected, e => Assert.True(replies.GetValueOrDefault(e.Key) - unmarked.GetValueOrDefault(e.Key) <= Kills, $"{e.Key}: more than one reply in doubt at a kill"));
    }

    private static Dictionary<string, string> Settings(FakeTelegramApi telegram, FakeLineApi line) =>
        FakeWebhooks.HostSettings(telegram, line, CrashStream.Secret,
            Enumerable.Range(0, Senders).SelectMany(i => new[] { "telegram:" + CrashStream.TelegramUser(i), "line:" + CrashStream.LineUser(i) }));
}
