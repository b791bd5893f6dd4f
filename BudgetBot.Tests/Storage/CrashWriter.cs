using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Storage;

/// <summary>Appends spending to a real data file as fast as it can and acknowledges each committed entry on stdout, until killed.</summary>
internal static class CrashWriter
{
    public static int Run(string path)
    {
        using var store = new LiteDbBudgetStore(path);
        if (store.Offices().Count == 0)
        {
            store.Import(Seed.Analyze(acceptRepairs: true).ToSnapshot(StoreFixture.At, "seed"));
        }

        var office = store.Offices()[0].Id;
        var ledger = new Ledger(store);
        var random = new Random();
        var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        output.WriteLine("ready");
        while (true)
        {
            var project = Project.KeyFor(office, 2566, random.Next(1, 50));
            var result = ledger.Spend(project, random.Next(1, 100_000) / 100m, new DateOnly(2023, random.Next(1, 10), 1), "crash test", "writer", Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);
            output.WriteLine(result.Entry!.Id);
        }
    }
}
