using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Messaging;
using BudgetBot.Tests.Conversation;
using BudgetBot.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace BudgetBot.Tests.Messaging;

/// <summary>
/// A store of one host claims the first reply to a message that arrived alone in the commit that queued it
/// (<see cref="InboxDrainer.Receive"/>); where hosts share a store, another host's sender may hold the chat, so
/// PostgreSQL never does.
/// </summary>
public abstract class ClaimedAsQueuedContract(StoreKind kind) : IDisposable
{
    private readonly ChatFixture _chat = new(kind: kind);
    private readonly FakeTimeProvider _clock = new(ChatFixture.Now);

    [Fact]
    public async Task ReplyToAMessageArrivingAlone_IsClaimedInTheCommitThatQueuedIt_GoesOutWithNoCommitBefore_AndItsResultRidesOnTheNext()
    {
        var atSend = new List<(string Text, long Commits)>();
        var channel = new RecordingChannel(item =>
        {
            atSend.Add((item.Reply.Text, _chat.Store.Commits));
            return SendOutcome.Done(1);
        })
        {
            Reader = e => [new InboundAction.Send("c1", new Reply("re: " + e.Payload))],
        };
        using var pipeline = new Pipeline(_chat.Store, _chat.Engine, _clock, channel);
        var sender = pipeline.Senders[RecordingChannel.Name];

        pipeline.Drainer.Receive([new InboundEvent("test:1", RecordingChannel.Name, "one", ChatFixture.Now)]);
        var queued = _chat.Store.Commits;
        Assert.True(Assert.Single(_chat.Store.Outbox(OutboxStatus.Pending, 10)).InFlight, "claimed in the commit that queued it");
        await sender.RoundAsync(CancellationToken.None, deferResults: true);
        pipeline.Drainer.Receive([new InboundEvent("test:2", RecordingChannel.Name, "two", ChatFixture.Now)]);
        await sender.RoundAsync(CancellationToken.None, deferResults: true);

        Assert.Equal([("re: one", queued), ("re: two", queued + 1)], atSend);
        Assert.Equal(OutboxStatus.Sent, _chat.Store.Items(["reply:test:1:0"]).Single().Status);
    }

    [Fact]
    public async Task RoundWithNothingToSend_KeepsResultsWaitingForACommitToRideOn_UntilTheyHaveWaitedResultsWait()
    {
        var channel = new RecordingChannel(_ => SendOutcome.Done(1))
        {
            Reader = e => [new InboundAction.Send("c1", new Reply("re: " + e.Payload))],
        };
        using var pipeline = new Pipeline(_chat.Store, _chat.Engine, _clock, channel);
        var sender = pipeline.Senders[RecordingChannel.Name];
        pipeline.Drainer.Receive([new InboundEvent("test:1", RecordingChannel.Name, "one", ChatFixture.Now)]);
        await sender.RoundAsync(CancellationToken.None, deferResults: true);
        var sent = _chat.Store.Commits;

        // Woken again at once (another commit's wake-up), with nothing to send: no commit of the results alone.
        await sender.RoundAsync(CancellationToken.None, deferResults: true);
        Assert.Equal(sent, _chat.Store.Commits);
        Assert.Equal(OutboxStatus.Pending, _chat.Store.Items(["reply:test:1:0"]).Single().Status);

        _clock.Advance(OutboxSender.ResultsWait);
        await sender.RoundAsync(CancellationToken.None, deferResults: true);
        Assert.Equal(sent + 1, _chat.Store.Commits);
        Assert.Equal(OutboxStatus.Sent, _chat.Store.Items(["reply:test:1:0"]).Single().Status);
    }

    [Fact]
    public async Task ReplyClaimedInTheCommitThatQueuedIt_IsInDoubtAfterARestart_AndGoesOutMarked()
    {
        var texts = new List<string>();
        IReadOnlyList<InboundAction> Echo(InboundEvent e) => [new InboundAction.Send("c1", new Reply("re: " + e.Payload))];
        using (var before = new Pipeline(_chat.Store, _chat.Engine, _clock, new RecordingChannel(_ => SendOutcome.Done(1)) { Reader = Echo }))
        {
            before.Drainer.Receive([new InboundEvent("test:1", RecordingChannel.Name, "one", ChatFixture.Now)]);
        }

        // A new process: it cannot know whether the old one sent the reply it had claimed.
        var channel = new RecordingChannel(item =>
        {
            texts.Add(item.Reply.Text);
            return SendOutcome.Done(1);
        })
        { Reader = Echo };
        using var after = new Pipeline(_chat.Store, _chat.Engine, _clock, channel);
        await after.SettleAsync();

        Assert.Equal([OutboxSender.RepeatMark + "re: one"], texts);
    }

    public void Dispose()
    {
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ClaimedAsQueuedOnLiteDb() : ClaimedAsQueuedContract(StoreKind.LiteDb);

public sealed class ClaimedAsQueuedOnMemory() : ClaimedAsQueuedContract(StoreKind.Memory);
