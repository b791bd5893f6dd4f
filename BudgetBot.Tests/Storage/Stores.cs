using BudgetBot.Host.Storage;
using BudgetBot.Host.Storage.Postgres;
using BudgetBot.Tests.Fakes;

namespace BudgetBot.Tests.Storage;

/// <summary>The two stores the contract tests run against.</summary>
public enum StoreKind
{
    LiteDb,
    Postgres,
}

internal static class Stores
{
    /// <summary>
    /// An empty store: LiteDB in memory, or a new database on the run's throwaway PostgreSQL cluster. Without
    /// PostgreSQL installed the calling test is skipped, saying why (it must be a SkippableFact or SkippableTheory).
    /// </summary>
    public static IServiceStore Open(StoreKind kind)
    {
        if (kind == StoreKind.LiteDb)
        {
            return new LiteDbBudgetStore(new MemoryStream());
        }

        SystemTests.Need(PostgresCluster.Available, PostgresCluster.Why);
        return PostgresStore.Open(PostgresCluster.NewDatabase());
    }
}
