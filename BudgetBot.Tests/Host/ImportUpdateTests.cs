using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Reconciliation;
using BudgetBot.Host.Cli;
using BudgetBot.Host.Reports;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Host;

/// <summary><c>import --update</c>: a revised report of a year held becomes dated adjustments; what chat recorded stays.</summary>
public sealed class ImportUpdateTests
{
    [Fact]
    public void RevisedReport_AddsItsRoundsProjectsAllocationsAndPlans_AndReportsWhatContradictsTheLedger()
    {
        var dir = Seed.TempDir();
        Assert.Equal(0, Verb("import", Seed.Path, "--accept-repairs", "--data-dir", dir).Code);
        Assert.Equal(0, Verb("chat", "--as", "local:admin", "--data-dir", dir, "--at", "2023-03-20T09:00").Code);
        var (spent, _) = Chat(dir, "จ่าย 7 1,000 15 ก.พ. 66 ค่าวัสดุ");
        Assert.Equal(0, spent);
        var revised = RevisedReport(out var added);

        var (code, output) = Verb("import", revised, "--update", "--data-dir", dir);

        Assert.True(code == 5, output);
        Assert.Contains("เพิ่มการจัดสรรครั้งที่ 3 จำนวน 500,000.00 บาท", output, StringComparison.Ordinal);
        Assert.Contains("โครงการที่ 9: งบ", output, StringComparison.Ordinal);
        Assert.Contains("โครงการที่ 8: แผน", output, StringComparison.Ordinal);
        Assert.Contains($"เพิ่มโครงการที่ {added}", output, StringComparison.Ordinal);
        Assert.Contains("โครงการที่ 7 ไตรมาส 2", output, StringComparison.Ordinal);

        using (var store = new LiteDbBudgetStore(Path.Combine(dir, "budgetbot.db")))
        {
            var office = store.Offices()[0].Id;
            Assert.Equal(3, store.FiscalYear(office, 2566)!.Rounds.Count);
            Assert.NotNull(store.Project(Project.KeyFor(office, 2566, added)));
            Assert.Contains(store.History(Project.KeyFor(office, 2566, 7), 10), e => e.Amount == 1_000m && e.Note == "ค่าวัสดุ");
            Assert.Empty(store.VerifyBalances());
        }

        var (again, second) = Verb("import", revised, "--update", "--data-dir", dir);
        Assert.Equal(5, again);
        Assert.Contains("ปรับตามรายงานฉบับแก้ไข 0 รายการ", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_OfAYearNotHeld_SaysToImportItFirst()
    {
        var (code, output) = Verb("import", Seed.Path, "--update", "--accept-repairs", "--data-dir", Seed.TempDir());

        Assert.Equal(2, code);
        Assert.Contains("นำเข้าโดยไม่ใส่ --update", output, StringComparison.Ordinal);
    }

    /// <summary>The seed as its office would revise it: a third letter, project 9's allocation and project 8's plans changed, a new project.</summary>
    private static string RevisedReport(out int added)
    {
        var dir = Seed.TempDir();
        using (var store = new LiteDbBudgetStore(Path.Combine(dir, "budgetbot.db")))
        {
            var snapshot = Seed.Analyze(acceptRepairs: true).ToSnapshot(Tests.Storage.StoreFixture.At, "seed");
            store.Import(snapshot);
            var office = snapshot.Office.Id;
            var year = store.FiscalYear(office, 2566)!;
            store.SaveYear(year with
            {
                Rounds = [.. year.Rounds, new AllocationRound(3, 500_000m, LetterRef.Parse("ที่ ศธ 04006/ว 1234 ลงวันที่ 10 มีนาคม 2566"))],
                Envelopes = [.. year.Envelopes.Select(e => e.Kind == EnvelopeKind.Projects ? e with { Amount = e.Amount + 500_000m } : e)],
            });
            var nine = store.Project(Project.KeyFor(office, 2566, 9))!;
            store.SaveProject(nine with { Allocation = nine.Allocation + 10_000m });
            var eight = store.Project(Project.KeyFor(office, 2566, 8))!;
            store.SaveProject(eight with { Plan = eight.Plan.With(3, eight.Plan.Q3 + 5_000m) });
            added = store.Projects(office, 2566).Max(p => p.Number) + 1;
            store.AddProject(new Project(office, 2566, added, "อบรมครูภาษาอังกฤษ", nine.DivisionId, 20_000m, new QuarterAmounts(0, 0, 10_000m, 10_000m)));
            var path = Path.Combine(dir, "revised.xlsx");
            new ReportExporter(store).WriteXlsx(path, office, 2566, ReportRound.Parse("h1")!, new DateOnly(2023, 3, 31));
            return path;
        }
    }

    private static (int Code, string Output) Chat(string dir, string line)
    {
        var output = new StringWriter();
        var code = CliVerbs.Run(["chat", "--as", "local:admin", "--data-dir", dir, "--at", "2023-03-20T09:00"], output, output, new StringReader(line + "\n"));
        return (code, output.ToString());
    }

    private static (int Code, string Output) Verb(params string[] args)
    {
        var output = new StringWriter();
        var code = CliVerbs.Run(args, output, output, new StringReader(""));
        return (code, output.ToString());
    }
}

/// <summary>The import preview: one used figure and where it comes from; a wrong total row is not taken for the right one.</summary>
public sealed class ImportPreviewTests
{
    [Fact]
    public void Preview_SaysWhichTotalIsPrinted_AndWhichIsTheSumOfTheRows()
    {
        var output = new StringWriter();
        CliVerbs.Run(["import", Seed.Path, "--data-dir", Seed.TempDir()], output, output);
        var text = output.ToString();

        Assert.Contains("ใช้จริง 863,730.00 บาท (รวมผลรายไตรมาสของทุกโครงการ ที่จะบันทึก)", text, StringComparison.Ordinal);
        Assert.Contains("[แถวรวมระบุ 862,370.00 บาท แต่รวมจากรายโครงการได้ 867,570.00 บาท (ต่าง 5,200.00 บาท)]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[ควรเป็น 862,370.00", text, StringComparison.Ordinal);
    }
}
