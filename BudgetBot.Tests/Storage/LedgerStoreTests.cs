using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Tests.Storage;

public abstract class LedgerStoreContract(StoreKind kind)
{
    [SkippableFact]
    public void Spend_OnProject7_UpdatesQuarterAndBalanceLikeTheBriefExample()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var ledger = new Ledger(store);
        var p7 = StoreFixture.ProjectId(office, 7);

        var result = ledger.Spend(p7, 11_550m, new DateOnly(2023, 2, 15), "ประชุมคณะกรรมการคัดเลือกครูดี", "person-1", "telegram:1:100", StoreFixture.At);

        Assert.True(result.IsOk);
        var figures = Figures.Of(store.Project(p7)!, store.Balance(p7));
        Assert.Equal(23_100m, figures.Actual.Q2);
        Assert.Equal(36_050m, figures.Plan.Q2);
        Assert.Equal(23_310m, figures.Used);
        Assert.Equal(63_550m, figures.Remaining);
        Assert.Equal(26.84m, figures.PercentUsed);
    }

    [SkippableFact]
    public void Spend_SameMessageTwice_IsRecordedOnce()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var ledger = new Ledger(store);
        var p7 = StoreFixture.ProjectId(office, 7);

        var first = ledger.Spend(p7, 500m, new DateOnly(2023, 2, 15), "a", "person-1", "line:evt-1", StoreFixture.At);
        var second = ledger.Spend(p7, 500m, new DateOnly(2023, 2, 15), "a", "person-1", "line:evt-1", StoreFixture.At);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first.Entry!.Id, second.Entry!.Id);
        Assert.Equal(11_760m + 500m, store.Balance(p7).Actual.Total);
        Assert.Single(store.History(p7, 100), e => e.SourceKey == "line:evt-1");
    }

    [SkippableFact]
    public void Reverse_Entry_RestoresItsQuarterAndCannotBeRepeated()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var ledger = new Ledger(store);
        var p8 = StoreFixture.ProjectId(office, 8);
        var spent = ledger.Spend(p8, 1_000m, new DateOnly(2022, 11, 1), "x", "p", "k1", StoreFixture.At);

        var undo = ledger.Reverse(spent.Entry!.Id, "ยกเลิก", "p", "k2", StoreFixture.At);
        var again = ledger.Reverse(spent.Entry.Id, "ยกเลิก", "p", "k3", StoreFixture.At);
        var ofReversal = ledger.Reverse(undo.Entry!.Id, "ยกเลิก", "p", "k4", StoreFixture.At);

        Assert.True(undo.IsOk);
        Assert.Equal(-1_000m, undo.Entry.Amount);
        Assert.Equal(spent.Entry.Id, undo.Entry.Reverses);
        Assert.Equal(7_680m, store.Balance(p8).Actual.Q1);
        Assert.Equal(LedgerRefusal.AlreadyReversed, again.Refusal);
        Assert.Equal(LedgerRefusal.IsReversal, ofReversal.Refusal);
    }

    [SkippableTheory]
    [InlineData(0, "2023-02-15", LedgerRefusal.NotPositive)]
    [InlineData(-5, "2023-02-15", LedgerRefusal.NotPositive)]
    [InlineData(10.001, "2023-02-15", LedgerRefusal.TooManyDecimals)]
    [InlineData(100, "2023-10-01", LedgerRefusal.OutsideFiscalYear)]
    [InlineData(100, "2022-09-30", LedgerRefusal.OutsideFiscalYear)]
    public void Spend_BadInput_IsRefusedAndChangesNothing(double amount, string date, LedgerRefusal why)
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var p7 = StoreFixture.ProjectId(office, 7);
        var before = store.Balance(p7);

        var result = new Ledger(store).Spend(p7, (decimal)amount, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "x", "p", "k", StoreFixture.At);

        Assert.Equal(why, result.Refusal);
        Assert.Equal(before, store.Balance(p7));
    }

    [SkippableFact]
    public void Spend_UnknownProject_IsRefused()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        Assert.Equal(LedgerRefusal.UnknownProject,
            new Ledger(store).Spend(StoreFixture.ProjectId(office, 99), 1m, new DateOnly(2023, 1, 1), "x", "p", "k", StoreFixture.At).Refusal);
    }

    [SkippableFact]
    public void Balances_AfterImportAndSpending_EqualTheLedger()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var ledger = new Ledger(store);
        for (var i = 0; i < 200; i++)
        {
            ledger.Spend(StoreFixture.ProjectId(office, 1 + (i % 49)), 10m + i, new DateOnly(2023, 1 + (i % 9), 1), "x", "p", $"k{i}", StoreFixture.At);
        }

        Assert.Empty(store.VerifyBalances());
        var total = store.Projects(office, 2566).Sum(p => store.Balance(p.Id).Actual.Total);
        Assert.Equal(862_370m + Enumerable.Range(0, 200).Sum(i => 10m + i), total);
    }

    [SkippableFact]
    public void Import_SameSnapshotTwice_ChangesNothing_AndAnotherIsRefused()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var again = Seed.Analyze(acceptRepairs: true).ToSnapshot(StoreFixture.At, "seed");
        var other = Seed.Analyze(acceptRepairs: false).ToSnapshot(StoreFixture.At, "other");

        Assert.Equal(ImportWrite.Unchanged, store.Import(again));
        Assert.Equal(ImportWrite.YearExists, store.Import(other));
        Assert.Equal(49, store.Projects(office, 2566).Count);
        Assert.Equal(862_370m, store.Projects(office, 2566).Sum(p => store.Balance(p.Id).Actual.Total));
    }

    [SkippableFact]
    public void Offices_InOneStore_DoNotSeeEachOther()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var other = SecondOffice(office);

        Assert.Equal(ImportWrite.Written, store.Import(other));
        new Ledger(store).Spend(StoreFixture.ProjectId(other.Office.Id, 7), 1_000m, new DateOnly(2023, 2, 1), "x", "p", "k", StoreFixture.At);

        Assert.Equal(2, store.Offices().Count);
        Assert.Equal(11_760m, store.Balance(StoreFixture.ProjectId(office, 7)).Actual.Total);
        Assert.Equal(12_760m, store.Balance(StoreFixture.ProjectId(other.Office.Id, 7)).Actual.Total);
        Assert.All(store.Projects(office, 2566), p => Assert.Equal(office, p.OfficeId));
    }

    [SkippableFact]
    public void Append_SameMessageInTwoOffices_IsRecordedOnceInEach()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var other = SecondOffice(office);
        store.Import(other);
        var ledger = new Ledger(store);

        var here = ledger.Spend(StoreFixture.ProjectId(office, 7), 100m, new DateOnly(2023, 2, 1), "x", "p", "shared-key", StoreFixture.At);
        var there = ledger.Spend(StoreFixture.ProjectId(other.Office.Id, 7), 100m, new DateOnly(2023, 2, 1), "x", "p", "shared-key", StoreFixture.At);

        Assert.False(here.Duplicate);
        Assert.False(there.Duplicate);
        Assert.NotEqual(here.Entry!.Id, there.Entry!.Id);
        Assert.Equal(office, here.Entry.OfficeId);
        Assert.Equal(other.Office.Id, there.Entry.OfficeId);
    }

    [SkippableFact]
    public void Append_ProjectOfAnotherOffice_IsUnknown_AndChangesNothing()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var other = SecondOffice(office);
        store.Import(other);
        var theirs = StoreFixture.ProjectId(other.Office.Id, 7);
        var before = store.Balance(theirs);

        var outcome = LedgerRules.Append(store, new LedgerEntry(0, office, theirs, 100m, new DateOnly(2023, 2, 1), "x", "p", "k-cross", StoreFixture.At));

        Assert.Equal(AppendStatus.UnknownProject, outcome.Status);
        Assert.Equal(before, store.Balance(theirs));
        Assert.Null(store.EntryBySource(office, "k-cross"));
    }

    [SkippableFact]
    public void Append_ReversalOfAnotherOfficesEntry_IsRefused()
    {
        using var store = StoreFixture.Seeded(kind, out var office);
        var other = SecondOffice(office);
        store.Import(other);
        var theirs = new Ledger(store).Spend(StoreFixture.ProjectId(other.Office.Id, 7), 100m, new DateOnly(2023, 2, 1), "x", "p", "k-theirs", StoreFixture.At).Entry!;
        var mine = StoreFixture.ProjectId(office, 7);

        var outcome = LedgerRules.Append(store, new LedgerEntry(0, office, mine, -100m, new DateOnly(2023, 2, 1), "x", "p", "k-rev", StoreFixture.At, theirs.Id));

        Assert.Equal(AppendStatus.UnknownEntry, outcome.Status);
        Assert.False(store.IsReversed(theirs.Id));
    }

    /// <summary>The seed office again under another name: the same project numbers and message keys, in an office of its own.</summary>
    private static BudgetSnapshot SecondOffice(string office)
    {
        var seed = Seed.Analyze(acceptRepairs: true).ToSnapshot(StoreFixture.At, "seed2");
        var other = new Office(Office.IdFor("สำนักงานอื่น"), "สำนักงานอื่น");
        return seed with
        {
            Office = other,
            Year = seed.Year with { OfficeId = other.Id },
            Divisions = seed.Divisions.Select(d => d with { Id = d.Id.Replace(office, other.Id, StringComparison.Ordinal), OfficeId = other.Id }).ToList(),
            Projects = seed.Projects.Select(p => p with { OfficeId = other.Id, DivisionId = p.DivisionId.Replace(office, other.Id, StringComparison.Ordinal) }).ToList(),
            Entries = seed.Entries.Select(e => e with { OfficeId = other.Id, ProjectId = e.ProjectId.Replace(office, other.Id, StringComparison.Ordinal), SourceKey = "o:" + e.SourceKey }).ToList(),
        };
    }
}

public sealed class LedgerStoreTestsOnLiteDb() : LedgerStoreContract(StoreKind.LiteDb);

public sealed class LedgerStoreTestsOnPostgres() : LedgerStoreContract(StoreKind.Postgres);

public sealed class LedgerStoreTestsOnMemory() : LedgerStoreContract(StoreKind.Memory);
