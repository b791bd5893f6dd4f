using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Storage.Postgres;
using BudgetBot.Tests.Fakes;

namespace BudgetBot.Tests.Storage;

/// <summary>What several hosts on one PostgreSQL database rely on, with two stores standing for two hosts.</summary>
public sealed class SharedDatabaseTests
{
    private static readonly DateTimeOffset At = StoreFixture.At;

    [SkippableFact]
    public void ChatTakenByOneHost_IsNotTakenByTheOther_UntilItCommits_ThenNothingIsTakenTwice()
    {
        SystemTests.Need(PostgresCluster.Available, PostgresCluster.Why);
        var database = PostgresCluster.NewDatabase();
        using var a = PostgresStore.Open(database);
        using var b = PostgresStore.Open(database);
        a.ReceiveAll([Event("e1", "chat:1"), Event("e2", "chat:2"), Event("e3", "chat:1"), Event("e4", "chat:3")]);
        using var aHolds = new ManualResetEventSlim();
        using var bLooked = new ManualResetEventSlim();
        IReadOnlyList<InboundEvent> takenByA = [];
        IReadOnlyList<InboundEvent> takenByB = [];

        var hostA = Task.Run(() => a.Run(() =>
        {
            takenByA = a.Take(1); // the oldest: chat 1's first event
            foreach (var e in takenByA)
            {
                a.Processed(e.Key);
            }

            aHolds.Set();
            bLooked.Wait(TimeSpan.FromSeconds(30));
            return 0;
        }));
        aHolds.Wait(TimeSpan.FromSeconds(30));
        takenByB = Handle(b);
        bLooked.Set();
        hostA.Wait(TimeSpan.FromSeconds(30));
        var afterwards = Handle(b);

        Assert.Equal(["e1"], takenByA.Select(e => e.Key));
        // Chat 1 is A's while its unit runs: B takes the other chats, and not chat 1's second event ahead of its first.
        Assert.Equal(["e2", "e4"], takenByB.Select(e => e.Key));
        Assert.Equal(["e3"], afterwards.Select(e => e.Key));
        Assert.Empty(a.Unprocessed(10));
    }

    [SkippableFact]
    public async Task SpendsFromTwoHostsAtOnce_OnOneProject_AreEachStoredOnce_AndTheFiguresAddUp()
    {
        SystemTests.Need(PostgresCluster.Available, PostgresCluster.Why);
        var database = PostgresCluster.NewDatabase();
        using var a = PostgresStore.Open(database);
        using var b = PostgresStore.Open(database);
        var snapshot = Seed.Analyze(acceptRepairs: true).ToSnapshot(At, "seed");
        a.Import(snapshot);
        var p7 = StoreFixture.ProjectId(snapshot.Office.Id, 7);
        var before = a.Balance(p7).Actual.Total;

        // Each spend is sent to both hosts (a redelivery racing the first delivery), 100 spends on one project.
        await Task.WhenAll(new[] { a, b }.Select(store => Task.Run(() =>
        {
            var ledger = new Ledger(store);
            for (var i = 0; i < 100; i++)
            {
                Assert.True(ledger.Spend(p7, 10m, new DateOnly(2023, 2, 1), "x", "p", $"race:{i}", At).IsOk);
            }
        })));

        Assert.Equal(before + 1_000m, a.Balance(p7).Actual.Total);
        Assert.Equal(100, a.EntryIdsBySource(k => k.StartsWith("race:", StringComparison.Ordinal)).Count);
        Assert.All(a.EntryIdsBySource(k => k.StartsWith("race:", StringComparison.Ordinal)).Values, ids => Assert.Single(ids));
        Assert.Empty(b.VerifyBalances());
    }

    [SkippableFact]
    public void ChatHeldByOneHostsSender_IsNotHeldByTheOther_UntilLetGo_OrUntilTheHolderDies()
    {
        SystemTests.Need(PostgresCluster.Available, PostgresCluster.Why);
        var database = PostgresCluster.NewDatabase();
        using var a = PostgresStore.Open(database);
        using var b = PostgresStore.Open(database);

        var heldByA = a.Locks.HoldChats("telegram", ["1", "2"]);
        var heldByB = b.Locks.HoldChats("telegram", ["1", "2", "3"]);
        var otherPlatform = b.Locks.HoldChats("line", ["1"]);
        a.Locks.ReleaseChats("telegram", ["1"]);
        var afterRelease = b.Locks.HoldChats("telegram", ["1", "2", "3"]);
        a.Dispose(); // the host dies: its session ends, and its chats are free once the server has seen it go
        IReadOnlyList<string> afterDeath = [];
        SpinWait.SpinUntil(() => (afterDeath = b.Locks.HoldChats("telegram", ["1", "2", "3"])).Count == 3, TimeSpan.FromSeconds(10));

        Assert.Equal(["1", "2"], heldByA);
        Assert.Equal(["3"], heldByB);
        Assert.Equal(["1"], otherPlatform);
        Assert.Equal(["1", "3"], afterRelease);
        Assert.Equal(["1", "2", "3"], afterDeath);
    }

    [SkippableFact]
    public void SecondStart_AppliesNoMigrationAgain_AndIsNotNew()
    {
        SystemTests.Need(PostgresCluster.Available, PostgresCluster.Why);
        var database = PostgresCluster.NewDatabase();
        using var first = PostgresStore.Open(database);
        using var second = PostgresStore.Open(database);

        Assert.True(first.IsNew);
        Assert.False(second.IsNew);
    }

    /// <summary>What a drainer's unit does with what it takes: marks it done, in the same transaction.</summary>
    private static IReadOnlyList<InboundEvent> Handle(PostgresStore store) => store.Run(() =>
    {
        var taken = store.Take(10);
        foreach (var e in taken)
        {
            store.Processed(e.Key);
        }

        return taken;
    });

    private static InboundEvent Event(string key, string chat) => new(key, "local", "{}", At) { Chat = chat };
}
