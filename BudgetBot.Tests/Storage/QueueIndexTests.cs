using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Storage;
using LiteDB;

namespace BudgetBot.Tests.Storage;

public sealed class QueueIndexTests
{
    /// <summary>The queues come through indexes whose order is the queue's; a file made with the state-only indexes gets them at open.</summary>
    [Fact]
    public void Queues_FromAFileWithTheOldStateIndexes_AreReadOldestFirst_AcrossSequenceLengths()
    {
        var path = Path.Combine(Seed.TempDir(), "budgetbot.db");
        var at = DateTimeOffset.UtcNow;
        using (var store = new LiteDbBudgetStore(path))
        {
            store.ReceiveAll(Enumerable.Range(1, 12).Select(i => new InboundEvent($"e{i}", "telegram", "{}", at)).ToList());
            foreach (var i in Enumerable.Range(1, 8))
            {
                store.Processed($"e{i}");
            }

            foreach (var i in Enumerable.Range(1, 5))
            {
                store.Enqueue(new OutboxItem($"o{i}", "Reply", "", null, "telegram:1", new Reply("r"), at));
            }
        }

        using (var old = new LiteDatabase(path))
        {
            old.GetCollection("inbox").DropIndex("inbox_order");
            old.GetCollection("inbox").EnsureIndex("done");
            old.GetCollection("outbox").DropIndex("queue_order");
            old.GetCollection("outbox").EnsureIndex("q");
        }

        using var reopened = new LiteDbBudgetStore(path);
        Assert.Equal(["e9", "e10", "e11", "e12"], reopened.Unprocessed(10).Select(e => e.Key));
        Assert.Equal(["e9", "e10"], reopened.Unprocessed(2).Select(e => e.Key));
        Assert.Equal(4, reopened.Queued());
        Assert.Equal(["o1", "o2", "o3"], reopened.Pending("telegram", 3).Select(i => i.Key));
        Assert.Empty(reopened.Pending("line", 3));
    }
}
