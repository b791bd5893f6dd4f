using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Bench;

/// <summary>Synthetic offices shaped like the seed: divisions of ten projects, plans spread over four quarters.</summary>
internal static class BenchData
{
    public const int FiscalYear = 2566;

    public static BudgetSnapshot Office(int index, int projects, IReadOnlyList<LedgerEntry> entries, decimal allocation = 100_000m)
    {
        var office = new Office(OfficeId(index), $"สำนักงานทดสอบ {index}");
        var divisions = Enumerable.Range(1, (projects + 9) / 10)
            .Select(d => new Division(Division.KeyFor(office.Id, d), office.Id, $"กลุ่ม {d}", d))
            .ToList();
        var list = Enumerable.Range(1, projects)
            .Select(n => new Project(office.Id, FiscalYear, n, $"โครงการ {n}", divisions[(n - 1) / 10].Id, allocation, new QuarterAmounts(allocation / 4, allocation / 4, allocation / 4, allocation / 4)))
            .ToList();
        var year = new FiscalYearBudget(office.Id, FiscalYear)
        {
            Envelopes = [new Envelope(EnvelopeKind.Projects, projects * allocation, "ดำเนินโครงการ")],
        };
        return new BudgetSnapshot($"bench-{index}", office, year, divisions, list, entries);
    }

    public static string OfficeId(int office) => $"bench-{office:D4}";

    public static string ProjectId(int office, int number) => Project.KeyFor(OfficeId(office), FiscalYear, number);
}
