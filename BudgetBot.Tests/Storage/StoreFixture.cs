using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Storage;

/// <summary>A real store (LiteDB in memory, or a PostgreSQL database) with the repaired seed office imported.</summary>
internal static class StoreFixture
{
    public static readonly DateTimeOffset At = new(2023, 2, 15, 3, 0, 0, TimeSpan.Zero);

    public static IServiceStore Seeded(StoreKind kind, out string officeId)
    {
        var store = Stores.Open(kind);
        var snapshot = Seed.Analyze(acceptRepairs: true).ToSnapshot(At, "seed");
        store.Import(snapshot);
        officeId = snapshot.Office.Id;
        return store;
    }

    public static string ProjectId(string officeId, int number) => Project.KeyFor(officeId, 2566, number);
}
