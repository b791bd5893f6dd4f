using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Local;
using BudgetBot.Host.Messaging;
using BudgetBot.Tests.Conversation;
using BudgetBot.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace BudgetBot.Tests.Messaging;

public abstract class DrainerContract : IDisposable
{
    private readonly ChatFixture _chat;
    private readonly Pipeline _pipeline;

    protected DrainerContract(StoreKind kind)
    {
        _chat = new(kind: kind);
        _pipeline = new Pipeline(_chat.Store, _chat.Engine, new FakeTimeProvider(ChatFixture.Now));
    }

    [SkippableFact]
    public void Batch_OfTenMessages_IsCommittedOnce()
    {
        var keys = Enumerable.Range(0, 10).Select(i => _pipeline.Receive(_chat.Message("local:owner", $"/spend 7 {i + 1} 15/2/2566"))).ToList();
        var commits = _chat.Store.Commits;

        var done = _pipeline.Drainer.DrainOnce();

        Assert.Equal(keys, done.Select(d => d.InboxKey));
        Assert.Equal(commits + 1, _chat.Store.Commits);
        Assert.Equal(10, _chat.Store.History(_chat.Store.Projects(_chat.OfficeId, 2566).Single(p => p.Number == 7).Id, 100).Count(e => e.By == "demo-owner"));
    }

    [SkippableFact]
    public async Task UnreadableEvent_InABatch_CostsOnlyItself_AndIsSetAsideAfterThreeTries()
    {
        var first = _pipeline.Receive(_chat.Message("local:owner", "/balance 7"));
        _chat.Store.Receive("local:broken", "local", "{not json", ChatFixture.Now);
        var last = _pipeline.Receive(_chat.Message("local:owner", "/balance 7"));

        await _pipeline.SettleAsync();

        Assert.StartsWith("โครงการ 7", _chat.Store.Delivered($"reply:{first}:0")!.Text, StringComparison.Ordinal);
        Assert.StartsWith("โครงการ 7", _chat.Store.Delivered($"reply:{last}:0")!.Text, StringComparison.Ordinal);
        var dead = Assert.Single(_chat.Store.DeadLetters(10));
        Assert.Equal(("local:broken", 3), (dead.Key, dead.Attempts));
        Assert.Contains("Json", dead.Error, StringComparison.Ordinal);
        Assert.True(_chat.Store.HasOutbox("dead-event:local:broken:demo-admin"), "admins are told");
        Assert.Empty(_chat.Store.Unprocessed(10));
    }

    [SkippableFact]
    public async Task MessageThatBreaksTheEngine_IsAnsweredWithAnApology_ChangesNothing_AndTheNextIsAnswered()
    {
        var used = _chat.OfficeUsed;
        var bad = _pipeline.Receive(_chat.Message("local:owner", "1000000000000000000000000000000 บาท โครงการ 7"));
        var next = _pipeline.Receive(_chat.Message("local:owner", "/balance 7"));

        await _pipeline.SettleAsync();

        var reply = _chat.Store.Delivered($"reply:{bad}:0")!.Text;
        Assert.True(reply.StartsWith("ขออภัย", StringComparison.Ordinal) || reply.Contains("ไม่", StringComparison.Ordinal), reply);
        Assert.StartsWith("โครงการ 7", _chat.Store.Delivered($"reply:{next}:0")!.Text, StringComparison.Ordinal);
        Assert.Equal(used, _chat.OfficeUsed);
    }

    [SkippableFact]
    public async Task RedeliveredEvent_IsStoredOnce_AndAnsweredOnce()
    {
        var message = _chat.Message("local:owner", "/spend 7 100 15/2/2566");
        var key = _pipeline.Receive(message);
        _pipeline.Receive(message);

        await _pipeline.SettleAsync();

        Assert.Single(_chat.Store.EntryIdsBySource(k => k == message.SourceKey).Values.Single());
        Assert.NotNull(_chat.Store.Delivered($"reply:{key}:0"));
        Assert.Null(_chat.Store.Delivered($"reply:{key}:1"));
    }

    [SkippableFact]
    public void MessageArrivingAlone_IsStoredAndHandled_InOneCommit_WhereTheStoreHasOneHost()
    {
        var e = LocalChannel.Event(_chat.Message("local:owner", "/spend 7 100 15/2/2566"));
        var commits = _chat.Store.Commits;

        Assert.Equal([true], _pipeline.Drainer.Receive([e]));

        Assert.Equal(commits + 1, _chat.Store.Commits);
        if (_chat.Store.Locks is OneHost)
        {
            Assert.Empty(_chat.Store.Unprocessed(10));
            Assert.Equal([$"reply:{e.Key}:0"], _chat.Store.Outbox(OutboxStatus.Pending, 10).Select(i => i.Key));
        }
        else
        {
            // Another host's drainer may hold the chat: the event waits for a drainer.
            Assert.Equal([e.Key], _chat.Store.Unprocessed(10).Select(u => u.Key));
        }
    }

    [SkippableFact]
    public async Task MessageArriving_WhileAnotherRequestIsServed_IsOnlyStored_ForTheDrainersBatch()
    {
        var requests = new RequestsInFlight();
        using var writer = new InboxWriter(_pipeline.Drainer, requests);
        var e = LocalChannel.Event(_chat.Message("local:owner", "/spend 7 100 15/2/2566"));
        requests.Enter();
        requests.Enter();

        Assert.Equal([true], await writer.ReceiveAsync([e]));

        Assert.Equal([e.Key], _chat.Store.Unprocessed(10).Select(u => u.Key));
        Assert.Equal([e.Key], _pipeline.Drainer.DrainOnce().Select(d => d.InboxKey));
    }

    [SkippableFact]
    public void MessageArrivingBehindAnother_IsOnlyStored_AndBothAreHandledInOrder()
    {
        var first = _pipeline.Receive(_chat.Message("local:owner", "/spend 7 100 15/2/2566"));
        var second = LocalChannel.Event(_chat.Message("local:owner", "/spend 7 200 15/2/2566"));

        _pipeline.Drainer.Receive([second]);

        Assert.Equal([first, second.Key], _chat.Store.Unprocessed(10).Select(u => u.Key));
        Assert.Equal([first, second.Key], _pipeline.Drainer.DrainOnce().Select(d => d.InboxKey));
    }

    [SkippableFact]
    public async Task UnreadableEventArrivingAlone_IsStoredAnyway_AndSetAsideAfterThreeTries()
    {
        var commits = _chat.Store.Commits;

        Assert.Equal([true], _pipeline.Drainer.Receive([new InboundEvent("local:broken", "local", "{not json", ChatFixture.Now)]));
        Assert.Equal(commits + 1, _chat.Store.Commits);
        Assert.Equal(["local:broken"], _chat.Store.Unprocessed(10).Select(u => u.Key));

        await _pipeline.SettleAsync();

        var dead = Assert.Single(_chat.Store.DeadLetters(10));
        Assert.Equal(("local:broken", 3), (dead.Key, dead.Attempts));
    }

    public void Dispose()
    {
        _pipeline.Dispose();
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class DrainerTestsOnLiteDb() : DrainerContract(StoreKind.LiteDb);

public sealed class DrainerTestsOnPostgres() : DrainerContract(StoreKind.Postgres);

public sealed class DrainerTestsOnMemory() : DrainerContract(StoreKind.Memory);
