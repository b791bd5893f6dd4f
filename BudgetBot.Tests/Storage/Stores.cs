using BudgetBot.Host.Storage;
using BudgetBot.Host.Storage.Postgres;
using BudgetBot.Tests.Fakes;

namespace BudgetBot.Tests.Storage;

/// <summary>The two stores the contract tests run against.</summary>
public enum StoreKind
{
    LiteDb,
    Postgres,
    Memory,
}

internal static class Stores
{
    /// <summary>
    /// An empty store: a LiteDB data file in a new temp dir, the in-memory store, or a new database on the run's
    /// throwaway PostgreSQL cluster. Without PostgreSQL installed the calling test is skipped, saying why (it must be a
    /// SkippableFact or SkippableTheory).
    /// </summary>
    public static IServiceStore Open(StoreKind kind)
    {
        if (kind == StoreKind.LiteDb)
        {
            return new LiteDbBudgetStore(Path.Combine(Seed.TempDir(), "budgetbot.db"));
        }

        if (kind == StoreKind.Memory)
        {
            return new MemoryStore();
        }

        SystemTests.Need(PostgresCluster.Available, PostgresCluster.Why);
        return PostgresStore.Open(PostgresCluster.NewDatabase());
    }
}
