using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Storage;

/// <summary>
/// The copy <c>backup</c> takes of a data file in use: whole when nothing interferes, refused when a checkpoint empties
/// the log while it is being read (taken, it would lack the commits in the part of the log not yet read).
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void CheckpointDuringTheLogRead_IsRefused_AndTheNextCopyIsWhole()
    {
        var path = Path.Combine(Seed.TempDir(), "budgetbot.db");
        var store = new LiteDbBudgetStore(path);
        try
        {
            store.Import(Seed.Analyze(acceptRepairs: true).ToSnapshot(StoreFixture.At, "seed"));
            Spend(store, 20);
            Assert.True(new FileInfo(LiteDbSnapshot.LogOf(path)).Length > 128 * 1024, "the log must be longer than one read");

            // Closing checkpoints and empties the log; the store opened again writes a new, shorter one.
            var torn = LiteDbSnapshot.TryCopy(path, Seed.TempDir(), () =>
            {
                store.Dispose();
                store = new LiteDbBudgetStore(path);
                Spend(store, 1);
            });
            Assert.False(torn);

            Spend(store, 3);
            var expected = store.LedgerTotals();
            var folder = Seed.TempDir();
            Assert.True(LiteDbSnapshot.TryCopy(path, folder));
            using var copy = LiteDbBudgetStore.OpenChecked(Path.Combine(folder, "budgetbot.db"));
            Assert.Equal(expected, copy.LedgerTotals());
            Assert.Empty(copy.VerifyBalances());
        }
        finally
        {
            store.Dispose();
        }
    }

    [Fact]
    public void ClosedStore_EmptyLog_CopiesWhole()
    {
        var path = Path.Combine(Seed.TempDir(), "budgetbot.db");
        (long, decimal) expected;
        using (var store = new LiteDbBudgetStore(path))
        {
            store.Import(Seed.Analyze(acceptRepairs: true).ToSnapshot(StoreFixture.At, "seed"));
            Spend(store, 2);
            expected = store.LedgerTotals();
        }

        var folder = Seed.TempDir();
        Assert.True(LiteDbSnapshot.TryCopy(path, folder));
        using var copy = LiteDbBudgetStore.OpenChecked(Path.Combine(folder, "budgetbot.db"));
        Assert.Equal(expected, copy.LedgerTotals());
    }

    private static void Spend(LiteDbBudgetStore store, int count)
    {
        var office = store.Offices()[0].Id;
        var ledger = new Ledger(store);
        for (var i = 0; i < count; i++)
        {
            var result = ledger.Spend(StoreFixture.ProjectId(office, 1 + (i % 40)), 10.25m, new DateOnly(2023, 2, 1), "snapshot test", "tester", Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);
            Assert.NotNull(result.Entry);
        }
    }
}
