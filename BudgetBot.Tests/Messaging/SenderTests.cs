using System.Collections.Concurrent;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Local;
using BudgetBot.Host.Messaging;
using BudgetBot.Tests.Conversation;
using BudgetBot.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace BudgetBot.Tests.Messaging;

public abstract class SenderContract(StoreKind kind) : IDisposable
{
    private readonly ChatFixture _chat = new(kind: kind);
    private readonly FakeTimeProvider _clock = new(ChatFixture.Now);

    [SkippableFact]
    public async Task OneChatsBacklog_DoesNotHoldBackAnotherChatsFirstReply()
    {
        using var pipeline = new Pipeline(_chat.Store, _chat.Engine, _clock);
        for (var i = 0; i < 300; i++)
        {
            Queue($"backlog:{i}", "local:owner", $"/help {i}");
        }

        Queue("first", "local:head", "hello");

        await pipeline.Senders[LocalChannel.Platform].RoundAsync(CancellationToken.None);

        Assert.NotNull(_chat.Store.Delivered("first"));
        // One item per chat a round: the backlog's first, and nothing claimed beyond what goes out.
        Assert.Equal(OutboxSender.PerChatPerRound, Enumerable.Range(0, 300).Count(i => _chat.Store.Delivered($"backlog:{i}") is not null));
        Assert.NotNull(_chat.Store.Delivered("backlog:0"));
    }

    [SkippableFact]
    public async Task PermanentRefusal_SetsTheItemAside_TellsAdminsOnce_AndTheChatMovesOn()
    {
        var channel = new RecordingChannel(item => item.Reply.Text == "bad"
            ? new SendOutcome(SendResult.Permanent, 0, "400 Bad Request: message is too long")
            : SendOutcome.Done(1));
        using var pipeline = new Pipeline(_chat.Store, _chat.Engine, _clock, channel);
        Queue("a", "test:c1", "bad");
        Queue("b", "test:c1", "good");

        await pipeline.SettleAsync();

        Assert.Equal(["a", "b"], channel.Sends.Select(s => s.Key));
        var failed = Assert.Single(_chat.Store.Failed(10));
        Assert.Equal(("a", OutboxStatus.Failed), (failed.Key, failed.Status));
        Assert.Contains("too long", failed.Error, StringComparison.Ordinal);
        Assert.Contains("ไม่สำเร็จ", Assert.Single(AdminNotices()).Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AChatThatAlwaysFails_TellsTheAdminsOnceAnHour_InWords_WithHowManyMore()
    {
        var channel = new RecordingChannel(item => item.Reply.Text.StartsWith("to c2", StringComparison.Ordinal)
            ? new SendOutcome(SendResult.Permanent, 0, "400 Bad Request: chat not found")
            : SendOutcome.Done(1));
        using var pipeline = new Pipeline(_chat.Store, _chat.Engine, _clock, channel);
        for (var i = 0; i < 35; i++)
        {
            Queue($"r{i}", "test:c2", $"to c2 {i}");
        }

        await pipeline.SettleAsync();

        var first = Assert.Single(AdminNotices());
        Assert.StartsWith("⚠ ส่งข้อความถึง แชต c2 ทาง test ไม่สำเร็จ ระบบตอบว่า: 400 Bad Request: chat not found", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("r0", first.Text, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromHours(1));
        Queue("r35", "test:c2", "to c2 35");
        await pipeline.SettleAsync();

        var notices = AdminNotices();
        Assert.Equal(2, notices.Count);
        Assert.Contains(notices, n => n.Text.Contains("(และอีก 34 ครั้งก่อนหน้านี้)", StringComparison.Ordinal));
    }

    /// <summary>What the demo admin was told about messages set aside, delivered or waiting.</summary>
    private List<Reply> AdminNotices() =>
        [.. new[] { OutboxStatus.Pending, OutboxStatus.Sent }.SelectMany(s => _chat.Store.Outbox(s, 1_000))
            .Where(o => o.Kind == "DeadLetter" && o.PersonId == "demo-admin").Select(o => o.Reply)];

    [SkippableFact]
    public async Task TransientFailures_AreRetriedWithBackOff_ThenSetAside()
    {
        var channel = new RecordingChannel(_ => new SendOutcome(SendResult.Retry, 0, "502 Bad Gateway"));
        using var pipeline = new Pipeline(_chat.Store, _chat.Engine, _clock, channel);
        Queue("flaky", "test:c1", "hello");
        var sender = pipeline.Senders[RecordingChannel.Name];

        for (var attempt = 1; attempt < OutboxSender.MaxRetries; attempt++)
        {
            var (_, next) = await sender.RoundAsync(CancellationToken.None);
            Assert.Equal(_clock.GetUtcNow() + OutboxSender.Backoff(attempt), next);
            Assert.Equal(0, (await sender.RoundAsync(CancellationToken.None)).Sent); // not due yet: nothing is tried
            _clock.Advance(OutboxSender.Backoff(attempt));
        }

        await sender.RoundAsync(CancellationToken.None);

        Assert.Equal(OutboxSender.MaxRetries, channel.Sends.Count);
        Assert.Equal(OutboxStatus.Failed, Assert.Single(_chat.Store.Failed(10)).Status);
    }

    [SkippableFact]
    public async Task ReplyInFlightWhenTheSenderStopped_IsSentAgainMarked_ALaterPartIsSkipped_WhereThePlatformCannotTellARepeat()
    {
        var texts = new ConcurrentQueue<string>();
        var channel = new RecordingChannel(item =>
        {
            texts.Enqueue(item.Reply.Text);
            return SendOutcome.Done(Math.Max(item.PartsSent, 2));
        });
        using var pipeline = new Pipeline(_chat.Store, _chat.Engine, _clock, channel);
        Queue("crashed", "test:c1", "two parts");
        Queue("halfway", "test:c2", "two parts");
        _chat.Store.Progress("halfway", 1);
        _chat.Store.Claim(["crashed", "halfway"]); // the claim a round writes before sending; the process died before its result

        await pipeline.Senders[RecordingChannel.Name].RoundAsync(CancellationToken.None);

        // Not started: sent again from the start, saying it may be a repeat (a confirmation that never came makes people send again).
        Assert.Equal([("crashed", 0), ("halfway", 2)], channel.Sends.OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.Contains(texts, t => t.StartsWith(OutboxSender.RepeatMark, StringComparison.Ordinal) && t.EndsWith("two parts", StringComparison.Ordinal));
        // Halfway: the part in doubt is skipped, since a mark would move where the parts split.
        Assert.Contains("may not have been delivered", _chat.Store.Outbox(OutboxStatus.Sent, 10).Single(o => o.Key == "halfway").Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task MultiPartMessage_RecordsEachPart_SoAFailureOnPartThreeRepeatsNone()
    {
        var tries = 0;
        var channel = new RecordingChannel((item, partSent) =>
        {
            if (tries++ > 0)
            {
                return SendOutcome.Done(4);
            }

            partSent(1);
            partSent(2);
            throw new HttpRequestException("connection reset while sending part 3");
        });
        using var pipeline = new Pipeline(_chat.Store, _chat.Engine, _clock, channel);
        Queue("long", "test:c1", "four parts");
        var sender = pipeline.Senders[RecordingChannel.Name];

        await sender.RoundAsync(CancellationToken.None);
        Assert.Equal(2, _chat.Store.Pending(RecordingChannel.Name, 10).Single().PartsSent);
        _clock.Advance(OutboxSender.Backoff(1));
        await sender.RoundAsync(CancellationToken.None);

        Assert.Equal([("long", 0), ("long", 2)], channel.Sends);
        Assert.Equal(4, _chat.Store.Outbox(OutboxStatus.Sent, 10).Single().PartsSent);
    }

    [SkippableFact]
    public async Task CrashBetweenParts_RepeatsNoPartThatWasRecorded()
    {
        var channel = new RecordingChannel(_ => SendOutcome.Done(4));
        using var pipeline = new Pipeline(_chat.Store, _chat.Engine, _clock, channel);
        Queue("long", "test:c1", "four parts");
        _chat.Store.Claim(["long"]);
        _chat.Store.Progress("long", 2); // parts 1 and 2 recorded; the host died while part 3 was going out

        await pipeline.Senders[RecordingChannel.Name].RoundAsync(CancellationToken.None);

        Assert.Equal(("long", 3), Assert.Single(channel.Sends));
    }

    [SkippableFact]
    public void Pending_ReadsOnlyItsOwnPlatform()
    {
        Queue("t", "telegram:1", "x");
        Queue("l", "line:U1", "x");
        Queue("o", "local:owner", "x");

        Assert.Equal(["t"], _chat.Store.Pending("telegram", 10).Select(i => i.Key));
        Assert.Equal(["l"], _chat.Store.Pending("line", 10).Select(i => i.Key));
        Assert.Equal(("line", "U1"), (_chat.Store.Pending("line", 10)[0].Platform, _chat.Store.Pending("line", 10)[0].ChatId));
    }

    [SkippableFact]
    public async Task SentItems_AreArchivedAfterAWeek_AndTheirKeysStillRefuseARepeat()
    {
        using var pipeline = new Pipeline(_chat.Store, _chat.Engine, _clock);
        Queue("weekly:2566-w20:demo-owner", "local:owner", "summary");
        await pipeline.SettleAsync();
        _clock.Advance(TimeSpan.FromDays(8));

        Assert.Equal(1, _chat.Store.ArchiveSent(_clock.GetUtcNow() - BudgetBot.Host.Jobs.OutboxArchive.KeepFor, 100));

        Assert.Empty(_chat.Store.Outbox(OutboxStatus.Sent, 10));
        Assert.True(_chat.Store.HasOutbox("weekly:2566-w20:demo-owner"));
        Assert.False(_chat.Store.Enqueue(new OutboxItem("weekly:2566-w20:demo-owner", "Reply", "", null, "local:owner", new Reply("again"), _clock.GetUtcNow())));
    }

    private void Queue(string key, string chat, string text) =>
        _chat.Store.Enqueue(new OutboxItem(key, "Reply", "", null, chat, new Reply(text), _clock.GetUtcNow()));

    public void Dispose()
    {
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SenderTestsOnLiteDb() : SenderContract(StoreKind.LiteDb);

public sealed class SenderTestsOnPostgres() : SenderContract(StoreKind.Postgres);

public sealed class SenderTestsOnMemory() : SenderContract(StoreKind.Memory);
