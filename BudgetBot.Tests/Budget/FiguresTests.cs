using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;

using BudgetBot.Tests.Storage;

namespace BudgetBot.Tests.Budget;

public sealed class FiguresTests
{
    private static readonly IReadOnlyList<DisbursementTarget> Targets =
        DisbursementTargetsFile.Load(Path.Combine(AppContext.BaseDirectory, "config", "disbursement-targets.json"));

    [Fact]
    public void Targets_Shipped_AreTheVerifiedFy2566Cells()
    {
        Assert.Equal(6, Targets.Count);
        Assert.All(Targets, t => Assert.True(t.Verified && t.FiscalYear == 2566 && t.Source.StartsWith("https://", StringComparison.Ordinal)));
        Assert.Equal(32m, Targets.Single(t => t.Quarter == 1 && t.Class == TargetClass.Overall).Percent);
        Assert.Equal(75m, Targets.Single(t => t.Quarter == 4 && t.Class == TargetClass.Investment).Percent);
    }

    [Fact]
    public void Office_OfRepairedSeed_IsBelowTheQ1Target()
    {
        using var store = Tests.Storage.StoreFixture.Seeded(StoreKind.LiteDb, out var office);
        var all = Figures.Sum(store.Projects(office, 2566).Select(p => Figures.Of(p, store.Balance(p.Id))));

        var q1 = TargetComparison.For(all, 2566, 1, TargetClass.Overall, Targets);
        var q2 = TargetComparison.For(all, 2566, 2, TargetClass.Overall, Targets);

        Assert.Equal(9.61m, q1.ActualPercent);
        Assert.Equal(-22.39m, q1.Gap);
        Assert.Null(q2.Target);
        Assert.Equal(43.65m, q2.ActualPercent);
        Assert.Equal(1_064_090m, all.PlanToDate(2));
        Assert.Equal(862_370m, all.ActualToDate(2));
        Assert.Equal(1_113_110m, all.Remaining);
    }

    [Fact]
    public void Divisions_OfSeed_AddUpToTheOffice()
    {
        using var store = Tests.Storage.StoreFixture.Seeded(StoreKind.LiteDb, out var office);
        var projects = store.Projects(office, 2566).Select(p => (p, Figures.Of(p, store.Balance(p.Id)))).ToList();
        var byDivision = store.Divisions(office).Select(d => Figures.Sum(projects.Where(x => x.p.DivisionId == d.Id).Select(x => x.Item2))).ToList();

        Assert.Equal(Figures.Sum(projects.Select(x => x.Item2)), Figures.Sum(byDivision));
        Assert.Equal(10, byDivision.Count);
    }
}
