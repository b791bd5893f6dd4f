using BudgetBot.Tests.Fakes;

namespace BudgetBot.Tests.Telegram;

/// <summary>Many replies at once under 429s, and a restart in the middle: nothing lost, nothing twice, limits kept.</summary>
public sealed class TelegramBurstTests
{
    private static readonly long[] Chats = [.. Enumerable.Range(1001, 20).Select(i => (long)i)];

    [Fact]
    public async Task Burst_Of200Replies_Under429s_IsDeliveredOnceEach_WithinTheLimits()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        fake.ThrottleEvery(17);
        await using var host = TelegramHost.Start(fake, Seed.TempDir());

        foreach (var round in Enumerable.Range(0, 10))
        {
            foreach (var chat in Chats)
            {
                fake.EnqueueText(chat, chat, $"/balance {7 + round}");
            }
        }

        await fake.WaitUntil(() => Chats.All(c => fake.Sent(c).Count() >= 10), TimeSpan.FromSeconds(60));
        await PipelineIdle.WaitAsync(host.Services);

        var throttled = fake.Calls.Where(c => !c.Ok && c.Method == "sendMessage").ToList();
        Assert.NotEmpty(throttled);
        foreach (var chat in Chats)
        {
            var sent = fake.Sent(chat).ToList();
            Assert.Equal(Enumerable.Range(7, 10).Select(n => $"โครงการ {n} "), sent.Select(c => c.Text[..(c.Text.IndexOf(' ', 8) + 1)]));
            Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromMilliseconds(90), $"chat {chat}: {pair.Second.At - pair.First.At}"));
            foreach (var refused in throttled.Where(t => t.ChatId == chat))
            {
                Assert.DoesNotContain(sent, s => s.At > refused.At && s.At - refused.At < TimeSpan.FromMilliseconds(950));
            }
        }
    }

    [Fact]
    public async Task Restart_InTheMiddleOfABurst_LosesNothingAndSendsNothingTwice()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        var dir = Seed.TempDir();
        var chats = Chats.Take(10).ToArray();
        fake.AcceptOnly(20);
        var first = TelegramHost.Start(fake, dir, ("BudgetBot:Telegram:PerChatIntervalMs", "300"));
        foreach (var round in Enumerable.Range(0, 8))
        {
            foreach (var chat in chats)
            {
                fake.EnqueueText(chat, chat, $"/balance {7 + round}");
            }
        }

        // Telegram takes 20 and then answers 429 to the rest: the host stops with 60 replies still to send.
        await fake.WaitUntil(() => fake.Calls.Count(c => c.Ok && c.Method == "sendMessage") >= 20, TimeSpan.FromSeconds(30));
        await first.DisposeAsync();
        Assert.Equal(20, fake.Calls.Count(c => c.Ok && c.Method == "sendMessage"));
        fake.AcceptAll();

        await using var second = TelegramHost.Start(fake, dir);
        await fake.WaitUntil(() => chats.All(c => fake.Sent(c).Count() >= 8), TimeSpan.FromSeconds(60));
        await PipelineIdle.WaitAsync(second.Services);

        foreach (var chat in chats)
        {
            Assert.Equal(Enumerable.Range(7, 8).Select(n => $"โครงการ {n} "), fake.Sent(chat).Select(c => c.Text[..(c.Text.IndexOf(' ', 8) + 1)]));
        }
    }
}
