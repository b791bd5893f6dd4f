using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Storage;

/// <summary>The LiteDB store answers a platform's queue from memory; it must always be what the data file holds.</summary>
public sealed class PendingQueueTests
{
    private static readonly DateTimeOffset At = new(2023, 2, 15, 9, 0, 0, TimeSpan.FromHours(7));

    private static OutboxItem Item(string key, string chat = "telegram:1") => new(key, "Reply", "", null, chat, new Reply("r"), At);

    [Fact]
    public void AUnitsQueuedItems_AreSeenByItsOwnThread_AndByOthersOnlyOnceCommitted()
    {
        using var store = new LiteDbBudgetStore(Path.Combine(Seed.TempDir(), "budgetbot.db"));
        store.Enqueue(Item("o1"));
        IReadOnlyList<QueuedItem>? seenElsewhere = null;
        var seenInside = store.Run(() =>
        {
            store.Enqueue(Item("o2", "telegram:2"));
            store.Complete([new OutboxUpdate("o1", OutboxStatus.Sent, 1, 1, At, null)]);
            // A thread of its own: a task waited on here could run inline, on the unit's thread.
            var reader = new Thread(() => seenElsewhere = store.Queue("telegram", 10));
            reader.Start();
            reader.Join();
            return store.Queue("telegram", 10);
        });

        Assert.Equal(["o2"], seenInside.Select(q => q.Key));
        Assert.Equal(["o1"], seenElsewhere!.Select(q => q.Key));
        Assert.Equal(["o2"], store.Queue("telegram", 10).Select(q => q.Key));
        Assert.Equal("2", store.Queue("telegram", 10)[0].ChatId);
    }

    [Fact]
    public void ARolledBackUnitsChanges_NeverReachTheQueue()
    {
        using var store = new LiteDbBudgetStore(Path.Combine(Seed.TempDir(), "budgetbot.db"));
        store.Enqueue(Item("o1"));
        Assert.Throws<InvalidOperationException>(() => store.Run<int>(() =>
        {
            store.Enqueue(Item("o2"));
            store.Complete([new OutboxUpdate("o1", OutboxStatus.Failed, 0, 5, At, "gave up")]);
            throw new InvalidOperationException("the unit fails");
        }));

        Assert.Equal(["o1"], store.Queue("telegram", 10).Select(q => q.Key));
        Assert.Equal(["o1"], store.Pending("telegram", 10).Select(i => i.Key));
    }

    [Fact]
    public void TheQueue_IsReadBackFromTheFile_InOrder_WithDueTimes_AndOnlyPendingItems()
    {
        var path = Path.Combine(Seed.TempDir(), "budgetbot.db");
        using (var store = new LiteDbBudgetStore(path))
        {
            foreach (var i in Enumerable.Range(1, 5))
            {
                store.Enqueue(Item($"o{i}", i % 2 == 0 ? "line:U1" : "telegram:1"));
            }

            store.Complete([new OutboxUpdate("o3", OutboxStatus.Sent, 1, 1, At, null), new OutboxUpdate("o5", OutboxStatus.Pending, 0, 1, At.AddMinutes(5), "retry")]);
        }

        using var reopened = new LiteDbBudgetStore(path);
        Assert.Equal(["o1", "o5"], reopened.Queue("telegram", 10).Select(q => q.Key));
        Assert.Equal(At.AddMinutes(5), reopened.Queue("telegram", 10)[1].DueAt);
        Assert.Equal(["o2"], reopened.Queue("line", 1).Select(q => q.Key));
        Assert.Equal(
            reopened.Pending("line", 10).Select(i => i.Key),
            reopened.Queue("line", 10).Select(q => q.Key));
    }
}
