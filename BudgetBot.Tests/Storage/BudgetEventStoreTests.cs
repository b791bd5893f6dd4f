using BudgetBot.Domain.Budget;

namespace BudgetBot.Tests.Storage;

/// <summary>What every store keeps for the budget year: events once per office and message in order, submitted reports, new projects, the year.</summary>
public abstract class BudgetEventStoreContract(StoreKind kind)
{
    [SkippableFact]
    public void Events_AreKeptPerOfficeAndMessage_InTheOrderRecorded()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var first = new BudgetEvent(office, 2566, BudgetEventKind.Transfer, 10m, new DateOnly(2023, 2, 1), "p", "telegram:1:9", StoreFixture.At) { From = MoneyPool.Reserve, To = StoreFixture.ProjectId(office, 7) };
        var second = first with { SourceKey = "line:e-1", Amount = 20m, RecordedAt = StoreFixture.At.AddMinutes(1) };
        var other = first with { OfficeId = "elsewhere" };

        store.AddBudgetEvent(first);
        store.AddBudgetEvent(second);
        store.AddBudgetEvent(other);

        Assert.Equal([first, second], store.BudgetEvents(office, 2566));
        Assert.Equal(first, store.BudgetEventBySource(office, "telegram:1:9"));
        Assert.Equal(other, store.BudgetEventBySource("elsewhere", "telegram:1:9"));
        Assert.Null(store.BudgetEventBySource(office, "telegram:1:10"));
        Assert.Empty(store.BudgetEvents(office, 2567));
    }

    [SkippableFact]
    public void SubmittedReport_NewProject_AndYear_ReadBackAsKept()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var year = store.FiscalYear(office, 2566)!;
        var project = new Project(office, 2566, 99, "ใหม่", store.Divisions(office)[0].Id, 1_000m, new QuarterAmounts(0, 0, 500m, 500m));

        store.AddProject(project);
        store.SaveYear(year with { Rounds = [.. year.Rounds, new AllocationRound(3, 1_000m, null)] });
        var submitted = new SubmittedReport(office, 2566, 2, "h1", StoreFixture.At, new DateOnly(2023, 3, 31), store.FiscalYear(office, 2566)!)
        {
            Projects = [new SubmittedProject(project, Figures.Of(project, store.Balance(project.Id)))],
        };
        store.SaveSubmitted(submitted);

        Assert.Equal((project.Name, project.Allocation, project.Plan, project.DivisionId), store.Project(project.Id) is { } p ? (p.Name, p.Allocation, p.Plan, p.DivisionId) : default);
        Assert.Contains(store.Projects(office, 2566), p => p.Number == 99);
        Assert.Equal(0m, store.Balance(project.Id).Actual.Total);
        Assert.Equal(3, store.FiscalYear(office, 2566)!.Rounds.Count);
        var read = store.Submitted(office, 2566, 2)!;
        Assert.Equal((submitted.ClosedAt, submitted.AsOf, 1), (read.ClosedAt, read.AsOf, read.Projects.Count));
        Assert.Null(store.Submitted(office, 2566, 3));
        Assert.True(new Ledger(store).Spend(project.Id, 100m, new DateOnly(2023, 5, 1), "x", "p", "k-new", StoreFixture.At).IsOk);
    }

    [SkippableFact]
    public void Catalog_ForgetsWhatARolledBackUnitWrote_AndRefusesAProjectTwiceOrOneNotHeld()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var project = new Project(office, 2566, 98, "ใหม่", store.Divisions(office)[0].Id, 1_000m, QuarterAmounts.Zero);
        var before = store.Projects(office, 2566).Count;

        Assert.Throws<InvalidOperationException>(() => store.Run<int>(() =>
        {
            store.AddProject(project);
            Assert.NotNull(store.Project(project.Id)); // the unit sees its own write
            throw new InvalidOperationException("rolled back");
        }));

        Assert.Null(store.Project(project.Id));
        Assert.Equal(before, store.Projects(office, 2566).Count);
        store.AddProject(project);
        Assert.Throws<InvalidOperationException>(() => store.AddProject(project with { Name = "ซ้ำ" }));
        Assert.Throws<InvalidOperationException>(() => store.SaveProject(project with { Number = 97 }));
        store.SaveProject(project with { Status = ProjectStatus.Done });
        Assert.Equal((ProjectStatus.Done, "ใหม่", before + 1), (store.Project(project.Id)!.Status, store.Project(project.Id)!.Name, store.Projects(office, 2566).Count));
        Assert.Null(store.Project("no-such-id"));
    }
}

public sealed class BudgetEventStoreTestsOnLiteDb() : BudgetEventStoreContract(StoreKind.LiteDb);

public sealed class BudgetEventStoreTestsOnPostgres() : BudgetEventStoreContract(StoreKind.Postgres);

public sealed class BudgetEventStoreTestsOnMemory() : BudgetEventStoreContract(StoreKind.Memory);
